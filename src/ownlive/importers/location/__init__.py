"""Location history importers: Google Takeout's Location History (Records.json, semantic history)."""
