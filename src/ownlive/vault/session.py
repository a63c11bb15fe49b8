"""Sessions: the only door to personal data.

A session is opened for a subject (which part or mini program) and a purpose.
Each query names its scope; the session finds an active grant for exactly that
subject, scope and purpose, narrows the query to what the grant covers, and
appends a log entry (row count and a digest of the row ids, never content) in
the same transaction as the read. Without a grant the query is refused with
`ConsentRequired` and the refusal is logged.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import msgspec

from ownlive.errors import ConsentRequired
from ownlive.vault import audit, consent
from ownlive.vault.consent import Grant
from ownlive.vault.records import Conversation, Message, Participant
from ownlive.vault.session_context import ContextReads

first = itemgetter(0)  # the id column of every SELECT a read runs
FETCH_CHUNK = 4096

if TYPE_CHECKING:
    from ownlive.vault.store import Vault


@dataclass(frozen=True)
class Authorization:
    grants: list[Grant]
    where: str  # SQL condition over m(essages)/c(onversations); "1" when unrestricted
    params: list[Any]


def _covers(grant: Grant, conversation_id: int | None, platform: str | None) -> bool:
    """Whether `grant` lets a query that asked for this conversation/platform through."""
    if not grant.narrowed:
        return True
    if conversation_id is not None:
        return grant.conversation_id == conversation_id or (
            grant.source_platform is not None and grant.source_platform == platform
        )
    if platform is not None:
        return grant.source_platform == platform
    return True  # an unfiltered query is narrowed to what the grant covers


class Session(ContextReads):
    def __init__(self, vault: Vault, subject: str, purpose: str) -> None:
        self._vault = vault
        self.subject = subject
        self.purpose = purpose

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    # --- the gate --------------------------------------------------------

    def _authorize(
        self,
        scope: str,
        *,
        conversation_id: int | None = None,
        platform: str | None = None,
    ) -> Authorization | str:
        """The grants that let this query through, or why none does."""
        now = self._vault.now()
        grants = consent.candidates(self._vault._conn, self.subject, scope, self.purpose)
        active = [g for g in grants if g.state(now) == "active"]
        usable = [g for g in active if _covers(g, conversation_id, platform)]
        if not usable:
            if not grants:
                return "no grant"
            if not active:
                return ", ".join(f"grant {g.id} {g.state(now)}" for g in grants)
            return "granted only for other conversations or platforms"
        unnarrowed = [g for g in usable if not g.narrowed]
        if unnarrowed:
            # A standing grant is preferred so that one-time grants are kept for later.
            unnarrowed.sort(key=lambda g: g.once)
            return Authorization([unnarrowed[0]], "1", [])
        conditions: list[str] = []
        params: list[Any] = []
        for g in usable:
            if g.conversation_id is not None:
                conditions.append("c.id = ?")
                params.append(g.conversation_id)
            else:
                conditions.append("c.platform = ?")
                params.append(g.source_platform)
        return Authorization(usable, "(" + " OR ".join(conditions) + ")", params)

    def _read(
        self,
        scope: str,
        query: str,
        sql: Callable[[str], str],
        params: list[Any],
        record_type: type[msgspec.Struct],
        *,
        conversation_id: int | None = None,
        platform: str | None = None,
    ) -> list[Any]:
        """Check, read and log in one transaction; a denial is logged and then raised."""
        vault = self._vault
        with vault.transaction() as conn:
            now = vault.now()
            auth = self._authorize(scope, conversation_id=conversation_id, platform=platform)
            if isinstance(auth, str):
                denial = audit.ReadDenied(
                    subject=self.subject,
                    scope=scope,
                    purpose=self.purpose,
                    query=query,
                    reason=auth,
                )
                audit.append(conn, denial, now.isoformat())
                records: list[Any] = []
            else:
                cursor = conn.execute(sql(auth.where), auth.params + params)
                records, ids = [], array("q")
                # In chunks, built in C (lax mode turns SQLite's 0/1 into bools):
                # each chunk's row tuples are freed while the next is read.
                while rows := cursor.fetchmany(FETCH_CHUNK):
                    records += msgspec.convert(rows, list[record_type], strict=False)  # type: ignore[valid-type]
                    ids.extend(map(first, rows))
                # A one-time grant is spent unless a standing grant covers the same rows.
                standing = [g for g in auth.grants if not g.once]
                for grant in auth.grants:
                    if grant.once and not any(_same_rows(s, grant) for s in standing):
                        consent.mark_used(conn, grant.id, now)
                allowed = audit.ReadAllowed(
                    subject=self.subject,
                    scope=scope,
                    purpose=self.purpose,
                    grant_id=auth.grants[0].id,
                    query=query,
                    rows=len(records),
                    rows_digest=audit.ids_digest(ids),
                )
                audit.append(conn, allowed, now.isoformat())
        if isinstance(auth, str):
            raise ConsentRequired(scope, self.subject, self.purpose, auth)
        return records

    # --- queries ---------------------------------------------------------

    def messages(
        self,
        *,
        conversation_id: int | None = None,
        platform: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        search: str | None = None,
        limit: int | None = None,
    ) -> list[Message]:
        """Messages in time order, narrowed by the grant and the filters given."""
        filters: list[str] = []
        params: list[Any] = []
        described = ["messages"]
        if platform is not None:
            filters.append("c.platform = ?")
            params.append(platform)
            described.append(f"platform={platform}")
        if conversation_id is not None:
            filters.append("m.conversation_id = ?")
            params.append(conversation_id)
            described.append(f"conversation={conversation_id}")
            # The grant is checked against the conversation's own platform, never
            # one the caller claims for it.
            platform = self._vault.platform_or_none(conversation_id)
        if since is not None:
            filters.append("m.sent_at_utc >= ?")
            params.append(int(since.timestamp()))
            described.append("since")
        if until is not None:
            filters.append("m.sent_at_utc < ?")
            params.append(int(until.timestamp()))
            described.append("until")
        if search:
            filters.append(_search_condition(search))
            params.append(_search_param(search))
            described.append("search")  # the term itself may be personal: not logged
        tail = "".join(f" AND {f}" for f in filters)
        order = " ORDER BY m.sent_at_utc, m.id"
        if limit is not None:
            order += f" LIMIT {int(limit)}"

        def sql(where: str) -> str:
            return (
                "SELECT m.id, m.conversation_id, c.platform, p.name, coalesce(p.is_me, 0), "
                "m.kind, m.sent_at, m.text FROM messages m "
                "JOIN conversations c ON c.id = m.conversation_id "
                "LEFT JOIN participants p ON p.id = m.sender_id "
                f"WHERE {where}{tail}{order}"
            )

        return self._read(
            "messages.read",
            " ".join(described),
            sql,
            params,
            Message,
            conversation_id=conversation_id,
            platform=platform,
        )

    def conversations(self, *, platform: str | None = None) -> list[Conversation]:
        params: list[Any] = []
        tail = ""
        if platform is not None:
            tail, params = " AND c.platform = ?", [platform]

        def sql(where: str) -> str:
            return (
                "SELECT c.id, c.platform, c.key, c.title, c.kind, "
                "(SELECT count(*) FROM messages m WHERE m.conversation_id = c.id) "
                f"FROM conversations c WHERE {where}{tail} ORDER BY c.id"
            )

        return self._read(
            "messages.read", "conversations", sql, params, Conversation, platform=platform
        )

    def participants(self, *, conversation_id: int | None = None) -> list[Participant]:
        params: list[Any] = []
        tail = ""
        platform = None
        if conversation_id is not None:
            tail, params = " AND p.conversation_id = ?", [conversation_id]
            platform = self._vault.platform_or_none(conversation_id)

        def sql(where: str) -> str:
            return (
                "SELECT p.id, p.conversation_id, p.handle, p.name, p.is_me FROM participants p "
                f"JOIN conversations c ON c.id = p.conversation_id WHERE {where}{tail} "
                "ORDER BY p.id"
            )

        return self._read(
            "contacts.read",
            "participants",
            sql,
            params,
            Participant,
            conversation_id=conversation_id,
            platform=platform,
        )

    # --- context: calendar and location history ---------------------------

    # --- the suggestion loop's reads, and checks before acting --------------

    def messages_unseen(
        self, loop: str, *, after: int = 0, limit: int | None = None
    ) -> list[Message]:
        """Messages the `loop` (e.g. "suggest") has not read yet, in id (import) order.

        A loop records what it has read in its own ledger table (`SEEN_LEDGERS`), so a
        re-run reads only new messages, and messages a wider grant reveals later still come.
        `after` (the last id of the previous batch) lets a long backlog be read in batches
        without scanning the messages read already once per batch.
        """
        ledger = SEEN_LEDGERS[loop]
        tail = f" AND m.id > ? AND m.id NOT IN (SELECT message_id FROM {ledger}) ORDER BY m.id"
        if limit is not None:
            tail += f" LIMIT {int(limit)}"

        def sql(where: str) -> str:
            return (
                "SELECT m.id, m.conversation_id, c.platform, p.name, coalesce(p.is_me, 0), "
                "m.kind, m.sent_at, m.text FROM messages m "
                "JOIN conversations c ON c.id = m.conversation_id "
                "LEFT JOIN participants p ON p.id = m.sender_id "
                f"WHERE {where}{tail}"
            )

        return self._read("messages.read", f"messages unseen by {loop}", sql, [after], Message)

    def require(self, scope: str, *, action: str) -> Grant:
        """Check a grant before an action that is no read (writing an event to a calendar).

        Logged like a read: an `allowed` entry naming the action, or a `denied` entry
        and `ConsentRequired`. Returns the grant, for the entry that records what was sent.
        """
        vault = self._vault
        with vault.transaction() as conn:
            now = vault.now()
            auth = self._authorize(scope)
            if not isinstance(auth, str) and auth.where != "1":
                # A grant narrowed to a platform or conversation covers reads of
                # those rows; an action (writing an event) is not one of them.
                auth = "granted only for some platforms or conversations, not for actions"
            if isinstance(auth, str):
                denial = audit.ReadDenied(
                    subject=self.subject,
                    scope=scope,
                    purpose=self.purpose,
                    query=action,
                    reason=auth,
                )
                audit.append(conn, denial, now.isoformat())
            else:
                grant = auth.grants[0]
                if grant.once:
                    consent.mark_used(conn, grant.id, now)
                allowed = Allowed(
                    subject=self.subject,
                    scope=scope,
                    purpose=self.purpose,
                    grant_id=grant.id,
                    action=action,
                )
                audit.append(conn, allowed, now.isoformat())
        if isinstance(auth, str):
            raise ConsentRequired(scope, self.subject, self.purpose, auth)
        return grant


def _same_rows(standing: Grant, once: Grant) -> bool:
    """Whether the standing grant covers every row the one-time grant does."""
    if not standing.narrowed:
        return True
    if standing.source_platform is not None:
        return standing.source_platform == once.source_platform
    return standing.conversation_id == once.conversation_id


def _search_param(term: str) -> str:
    """The term as typed: LIKE's wildcards in it match only themselves."""
    if len(term) < 3:
        return term  # instr() has no wildcards
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _search_condition(term: str) -> str:
    # The trigram index answers terms of three or more characters; shorter ones
    # (two-character Chinese words are common) fall back to a substring scan.
    if len(term) >= 3:
        return (
            "m.id IN (SELECT rowid FROM messages_fts WHERE text LIKE '%' || ? || '%' ESCAPE '\\')"
        )
    return "instr(m.text, ?) > 0"


# Ledgers of the messages a loop has read (see `Session.messages_unseen`).
SEEN_LEDGERS = {"suggest": "suggest_seen"}


@dataclass(frozen=True)
class Allowed(audit.AccessEvent):
    """A check that let an action through (see `Session.require`)."""

    kind = "allowed"
    action: str = ""  # what the grant let through, e.g. "write 1 event"; never content
