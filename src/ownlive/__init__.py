"""ownlive: a proactive personal assistant whose user owns the data.

The vault (`ownlive.vault`) is the only place personal data lives, and its
consent gate is the only door to it. See docs/architecture.md.
"""

__version__ = "0.1.0"
