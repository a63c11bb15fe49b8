"""SMS importers: one module per backup format (today SMS Backup & Restore's XML)."""
