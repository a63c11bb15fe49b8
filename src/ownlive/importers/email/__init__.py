"""Email importers: mailbox files (mbox) as Gmail Takeout, Thunderbird and mutt write them."""
