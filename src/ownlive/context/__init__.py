"""Context for suggestions: clock, location, weather and places.

Each is a small protocol with real implementations; tests replay recorded
real responses. Nothing here touches the network unless the user's command
asked for it (`--online` or a configured online mode).
"""
