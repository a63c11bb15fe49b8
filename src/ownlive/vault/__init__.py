"""The vault and its consent gate.

    vault = Vault(path)                        # plain SQLite, or SQLCipher with passphrase=
    vault.grant("messages.read", subject="assistant", purpose="suggest")
    with vault.session(subject="assistant", purpose="suggest") as s:
        s.messages(since=...)                  # checked against grants, logged

Modules: connection (open, migrate), scopes, consent (grants), audit (hash
chain), session (the gate), ingest (writes from importers), export/restore,
erase.
"""

from ownlive.vault.store import Vault, default_vault_path

__all__ = ["Vault", "default_vault_path"]
