"""Calendar importers: iCalendar (.ics) files as calendar apps export them."""
