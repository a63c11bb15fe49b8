"""Datetime extraction: a grammar of our own for zh/en/de, resolved against the sent time.

How a message is read (DESIGN.md 4.1 is the contract):

- `grammar_zh`, `grammar_en` (+ `grammar_en_time`), `grammar_de` (+ `grammar_de_time`)
  and `grammar_common` hold token rules: a pattern over the lowered text and a builder
  from the match to `parts.Parts` (what the words fix: a weekday, an hour, a day-part,
  a shift from now). `lexicon_*` and `numerals` hold the words they read.
- `gates` picks the rules whose trigger words occur, so a message without time words
  runs none; `compose` joins adjacent tokens into expressions and builds ranges;
  `resolve` turns an expression into start, end and grain against `sent_at`;
  `holidays` dates the holidays (a lunar table for 2024–2036).
- `extractor` registers the whole with the pipeline.
"""
