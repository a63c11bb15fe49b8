"""The `ownlive` command line: one module per command group, errors rendered in `app.py`."""
