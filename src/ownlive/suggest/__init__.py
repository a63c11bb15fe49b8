"""Suggestions: cards with real actions, from a message's entities plus context.

    from ownlive.suggest import suggest
    cards = suggest("Thai food tonight?", sent_at=..., context=SuggestContext(...))

Modules: `cards` (Card, Action), `registry` (@skill and the plugin hook),
`intents` (is this a plan? a meal wanted? a venue fixed?), `engine` (runs
extraction, then every skill), `skills/` (one module per card kind). The
stateless contract is `ownlive suggest` (DESIGN.md section 5).
"""

from ownlive.suggest.cards import Action, Card
from ownlive.suggest.engine import SuggestContext, suggest

__all__ = ["Action", "Card", "SuggestContext", "suggest"]
