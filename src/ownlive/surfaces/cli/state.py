"""What every command shares: the vault location, passphrase and output mode."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from ownlive.errors import UsageError
from ownlive.vault import Vault, default_vault_path


@dataclass
class CliState:
    vault_path: Path | None = None
    passphrase_file: Path | None = None
    json_output: bool = False
    console: Console = field(default_factory=Console)
    _vault: Vault | None = None

    def passphrase(self) -> str | None:
        if self.passphrase_file is not None:
            try:
                text = self.passphrase_file.read_text(encoding="utf-8").rstrip("\r\n")
            except OSError as error:
                raise UsageError(
                    f"cannot read the passphrase file ({error.strerror})",
                    str(self.passphrase_file),
                    "check the path given to --passphrase-file",
                ) from None
            if not text:
                raise UsageError("the passphrase file is empty", str(self.passphrase_file), "")
            return text
        return os.environ.get("OWNLIVE_PASSPHRASE") or None

    def resolved_vault_path(self) -> Path:
        return self.vault_path or default_vault_path()

    def vault(self) -> Vault:
        if self._vault is None:
            self._vault = Vault(self.resolved_vault_path(), passphrase=self.passphrase())
        return self._vault

    def close(self) -> None:
        if self._vault is not None:
            self._vault.close()
            self._vault = None

    def emit_json(self, value: Any) -> None:
        sys.stdout.write(json.dumps(value, ensure_ascii=False, default=str) + "\n")


def state(ctx: typer.Context) -> CliState:
    obj = ctx.find_root().obj
    assert isinstance(obj, CliState)
    return obj
