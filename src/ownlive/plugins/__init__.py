"""The plugin registry: one idiom for built-ins and third parties.

Built-in scopes, importers, extractors and skills register through the same
hooks (`hookspecs.py`) that third-party packages use via the `ownlive` entry
point group; `manager.py` assembles them.
"""

from ownlive.plugins.manager import get_plugin_manager, hookimpl

__all__ = ["get_plugin_manager", "hookimpl"]
