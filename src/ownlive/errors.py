"""One error hierarchy for the whole product, rendered in one place.

Every error carries what went wrong, where, and how to fix it; the CLI prints
`Error: <what>, <where>, <how to fix>` and exits with `exit_code`, the web API
answers with `http_status`. Messages name files, lines, fields and ids, never
message content.
"""

from __future__ import annotations


class OwnliveError(Exception):
    """Base of every error a user can see."""

    exit_code = 1
    http_status = 500

    def __init__(self, what: str, where: str = "", fix: str = "") -> None:
        self.what = what
        self.where = where
        self.fix = fix
        super().__init__(self.render())

    def render(self) -> str:
        return ", ".join(part for part in (self.what, self.where, self.fix) if part)


class UsageError(OwnliveError):
    """The command was asked for something it cannot do as written."""

    exit_code = 2
    http_status = 400


class ConsentRequired(OwnliveError):
    """A read was attempted without an active grant for its scope."""

    exit_code = 3
    http_status = 403

    def __init__(self, scope: str, subject: str, purpose: str, detail: str = "") -> None:
        self.scope = scope
        self.subject = subject
        self.purpose = purpose
        super().__init__(
            f"consent required: {subject!r} has no active grant for scope {scope!r} "
            f"with purpose {purpose!r}" + (f" ({detail})" if detail else ""),
            "",
            f"grant it with: ownlive grant {scope} --to {subject} --for {purpose}",
        )


class UnknownScope(OwnliveError):
    exit_code = 2
    http_status = 400

    def __init__(self, scope: str, known: list[str]) -> None:
        self.scope = scope
        super().__init__(
            f"unknown scope {scope!r}", "", "known scopes: " + ", ".join(sorted(known))
        )


class NotFound(OwnliveError):
    exit_code = 4
    http_status = 404


class VaultError(OwnliveError):
    """The vault file cannot be opened or is not in a state we can use."""

    exit_code = 5
    http_status = 500


class WrongPassphrase(VaultError):
    def __init__(self, path: str) -> None:
        super().__init__(
            "cannot open the vault: wrong passphrase, or the file is not an ownlive vault",
            f"vault {path}",
            "check OWNLIVE_PASSPHRASE or --passphrase-file",
        )


class LogTampered(OwnliveError):
    """The access log's hash chain does not verify."""

    exit_code = 6
    http_status = 500

    def __init__(self, seq: int, reason: str) -> None:
        self.seq = seq
        self.reason = reason
        super().__init__(
            f"access log broken at entry {seq}: {reason}",
            "",
            "the log was edited outside ownlive; restore the vault from an export you trust",
        )


class ArchiveError(OwnliveError):
    """An export archive is malformed or does not match its manifest."""

    exit_code = 7
    http_status = 400


class ImportFailed(OwnliveError):
    """An import found problems and was rolled back."""

    exit_code = 8
    http_status = 400

    def __init__(
        self, what: str, where: str = "", fix: str = "", problems: list[str] | None = None
    ) -> None:
        self.problems = problems or []
        super().__init__(what, where, fix)
