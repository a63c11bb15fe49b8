"""Street addresses in zh, de and en messages (DESIGN.md 4 and 4.1, address).

`extractor` registers the pipeline entry; `zh`, `de` and `en` are the three
grammars; `gazetteer` holds the Chinese administrative divisions (cpca data).
"""
