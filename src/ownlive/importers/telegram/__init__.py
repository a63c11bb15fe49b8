"""Telegram importers: one module per export format (today Telegram Desktop's JSON)."""
