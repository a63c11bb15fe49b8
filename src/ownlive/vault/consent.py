"""Grants: purpose-bound, revocable permissions for a subject to read a scope.

A grant records the consent text the user was shown and its version, so that
consent can be demonstrated later. It may expire, be one-time, and be narrowed
to one platform (e.g. only SMS) or one conversation.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from ownlive.errors import NotFound, UsageError
from ownlive.vault import audit
from ownlive.vault.connection import Connection
from ownlive.vault.scopes import get_scope

CONSENT_TEXT_VERSION = "1"

GRANT_COLUMNS = (
    "id",
    "subject",
    "scope",
    "purpose",
    "granted_at",
    "expires_at",
    "once",
    "used_at",
    "revoked_at",
    "consent_text",
    "consent_version",
    "source_platform",
    "conversation_id",
)


@dataclass(frozen=True)
class Grant:
    id: int
    subject: str
    scope: str
    purpose: str
    granted_at: str
    expires_at: str | None
    once: bool
    used_at: str | None
    revoked_at: str | None
    consent_text: str
    consent_version: str
    source_platform: str | None
    conversation_id: int | None

    @property
    def narrowed(self) -> bool:
        return self.source_platform is not None or self.conversation_id is not None

    def state(self, now: datetime) -> str:
        """active, expired, revoked or used: why a grant does or does not apply now."""
        if self.revoked_at is not None:
            return "revoked"
        if self.once and self.used_at is not None:
            return "used"
        if self.expires_at is not None and datetime.fromisoformat(self.expires_at) <= now:
            return "expired"
        return "active"

    def narrowing(self) -> str | None:
        if self.source_platform is not None:
            return f"platform={self.source_platform}"
        if self.conversation_id is not None:
            return f"conversation={self.conversation_id}"
        return None


def consent_text(scope: str, subject: str, purpose: str, narrowing: str | None) -> str:
    """The sentence the user confirms; stored verbatim with the grant."""
    where = f", limited to {narrowing}" if narrowing else ""
    return (
        f"Allow {subject} to {get_scope(scope).description}, "
        f"for the purpose {purpose!r} only{where}. "
        "You can revoke this at any time with `ownlive revoke`."
    )


def _row_to_grant(values: tuple[object, ...]) -> Grant:
    row = dict(zip(GRANT_COLUMNS, values, strict=True))
    row["once"] = bool(row["once"])
    return Grant(**row)  # type: ignore[arg-type]


def create(
    conn: Connection,
    *,
    subject: str,
    scope: str,
    purpose: str,
    now: datetime,
    expires_at: datetime | None = None,
    once: bool = False,
    source_platform: str | None = None,
    conversation_id: int | None = None,
) -> Grant:
    get_scope(scope)  # unknown scopes fail before anything is written
    if not subject.strip() or not purpose.strip():
        raise UsageError("a grant needs a subject and a purpose", "", "pass --to and --for")
    if source_platform is not None and conversation_id is not None:
        raise UsageError(
            "a grant is narrowed to a platform or a conversation, not both",
            "",
            "pass only one of --platform and --conversation",
        )
    if expires_at is not None and expires_at <= now:
        raise UsageError("the expiry lies in the past", "--until", "give a later time")
    narrowing = (
        f"platform={source_platform}"
        if source_platform
        else (f"conversation={conversation_id}" if conversation_id is not None else None)
    )
    text = consent_text(scope, subject, purpose, narrowing)
    cursor = conn.execute(
        "INSERT INTO grants (subject, scope, purpose, granted_at, expires_at, once, "
        "consent_text, consent_version, source_platform, conversation_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            subject,
            scope,
            purpose,
            now.isoformat(),
            expires_at.isoformat() if expires_at else None,
            int(once),
            text,
            CONSENT_TEXT_VERSION,
            source_platform,
            conversation_id,
        ),
    )
    grant_id = int(cursor.lastrowid)
    audit.append(
        conn,
        audit.GrantCreated(
            subject=subject,
            scope=scope,
            purpose=purpose,
            grant_id=grant_id,
            expires_at=expires_at.isoformat() if expires_at else None,
            once=once,
            consent_version=CONSENT_TEXT_VERSION,
            consent_sha256=hashlib.sha256(text.encode()).hexdigest(),
            narrowed_to=narrowing,
        ),
        now.isoformat(),
    )
    return get(conn, grant_id)


def get(conn: Connection, grant_id: int) -> Grant:
    values = conn.execute(
        f"SELECT {', '.join(GRANT_COLUMNS)} FROM grants WHERE id = ?", (grant_id,)
    ).fetchone()
    if values is None:
        raise NotFound(f"no grant with id {grant_id}", "", "list grants with: ownlive grants")
    return _row_to_grant(values)


def revoke(conn: Connection, grant_id: int, now: datetime) -> Grant:
    grant = get(conn, grant_id)
    if grant.revoked_at is not None:
        return grant
    conn.execute("UPDATE grants SET revoked_at = ? WHERE id = ?", (now.isoformat(), grant_id))
    audit.append(
        conn,
        audit.GrantRevoked(
            subject=grant.subject, scope=grant.scope, purpose=grant.purpose, grant_id=grant_id
        ),
        now.isoformat(),
    )
    return get(conn, grant_id)


def all_grants(conn: Connection, subject: str | None = None) -> list[Grant]:
    sql = f"SELECT {', '.join(GRANT_COLUMNS)} FROM grants"
    params: tuple[object, ...] = ()
    if subject is not None:
        sql += " WHERE subject = ?"
        params = (subject,)
    return [_row_to_grant(v) for v in conn.execute(sql + " ORDER BY id", params)]


def candidates(conn: Connection, subject: str, scope: str, purpose: str) -> list[Grant]:
    """Every grant for exactly this subject, scope and purpose, in any state."""
    return [
        _row_to_grant(v)
        for v in conn.execute(
            f"SELECT {', '.join(GRANT_COLUMNS)} FROM grants "
            "WHERE subject = ? AND scope = ? AND purpose = ? ORDER BY id",
            (subject, scope, purpose),
        )
    ]


def mark_used(conn: Connection, grant_id: int, now: datetime) -> None:
    conn.execute(
        "UPDATE grants SET used_at = ? WHERE id = ? AND once = 1 AND used_at IS NULL",
        (now.isoformat(), grant_id),
    )
