"""`make demo`: a fresh vault under ./.ownlive/ filled from bundled sample exports."""
