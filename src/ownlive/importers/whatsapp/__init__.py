"""WhatsApp exports: the chat export ("Export chat", `.txt` or `.zip` with media).

`chat_txt` is the importer; `layout` reads the date/time header that starts
each message and decides a file's day/month order; `source` opens the `.txt`
or the `.zip` read-only and names the chat; `body` tells text, system lines
and attachments apart. `survey` is the first pass over a file (its layout,
order and senders), `reader` turns lines into records one at a time (the
reference), and `blocks` with `fast` do the same many lines at a time.
"""
