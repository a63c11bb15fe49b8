"""Datetime extraction: a grammar of our own for zh/en/de, resolved against the sent time.

Modules: `numerals` (number words), `lexicon_{zh,en,de}` (time words),
`grammar_{zh,en,de}` and `grammar_common` (token rules and connectors),
`parts` (what a piece says), `compose` (pieces to expressions and ranges),
`resolve` (expressions to values per DESIGN.md 4.1), `holidays` (holiday
dates), `extractor` (registration with the pipeline).
"""
