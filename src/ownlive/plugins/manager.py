"""Builds the plugin manager: built-in modules first, then entry points."""

from __future__ import annotations

import functools
import importlib
import os

import pluggy

from ownlive.plugins import hookspecs

hookimpl = pluggy.HookimplMarker("ownlive")

# Built-in parts register exactly as third-party plugins do.
BUILTIN_PLUGINS = (
    "ownlive.vault.scopes",
    "ownlive.importers.builtin",
    "ownlive.understand.extractors",
    "ownlive.suggest.skills",
)


@functools.cache
def get_plugin_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager("ownlive")
    pm.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    # Third-party entry points are never loaded under tests, so a stray
    # installed plugin cannot change what the suite checks.
    if not os.environ.get("OWNLIVE_NO_ENTRY_POINTS"):
        pm.load_setuptools_entrypoints("ownlive")
    return pm
