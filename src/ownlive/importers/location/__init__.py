"""Location history importers: Google Takeout's Records.json and semantic history."""
