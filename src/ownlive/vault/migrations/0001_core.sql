-- Core personal data: where it came from, who said what, when.
CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    platform    TEXT NOT NULL,          -- whatsapp, telegram, sms, wechat, email, calendar, ...; grants can be narrowed to it
    format      TEXT NOT NULL,          -- importer name, e.g. whatsapp_txt
    file_name   TEXT NOT NULL,          -- base name only: the user's directory layout stays out of the vault
    sha256      TEXT NOT NULL UNIQUE,   -- of the imported file; re-importing it reuses this row
    imported_at TEXT NOT NULL,
    tz          TEXT                    -- time zone assumed for a format that carries none
);

CREATE TABLE conversations (
    id        INTEGER PRIMARY KEY,
    platform  TEXT NOT NULL,
    key       TEXT NOT NULL UNIQUE,     -- stable id from the export (chat id, thread address, file title)
    title     TEXT NOT NULL,
    kind      TEXT NOT NULL DEFAULT 'chat'  -- chat, group, channel, thread
);

CREATE TABLE participants (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    handle          TEXT NOT NULL,      -- phone, user id or display name, as the export gives it
    name            TEXT NOT NULL,
    is_me           INTEGER NOT NULL DEFAULT 0,
    UNIQUE (conversation_id, handle)
);

CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    source_id       INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    sender_id       INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    kind            TEXT NOT NULL DEFAULT 'text',   -- text, system, attachment, call, ...
    sent_at         TEXT NOT NULL,      -- ISO 8601 with the UTC offset the sender's clock had
    sent_at_utc     INTEGER NOT NULL,   -- epoch seconds, for ordering across zones
    text            TEXT NOT NULL,
    external_id     TEXT,               -- the export's own message id, where it has one
    content_hash    TEXT NOT NULL UNIQUE  -- makes re-import idempotent
);
CREATE INDEX messages_by_conversation ON messages (conversation_id, sent_at_utc);
CREATE INDEX messages_by_source ON messages (source_id);
CREATE INDEX messages_by_time ON messages (sent_at_utc);

-- Full-text index over message text. Trigram tokens make Chinese searchable
-- (unicode61 would index a whole CJK run as one token).
CREATE VIRTUAL TABLE messages_fts USING fts5(
    text, content='messages', content_rowid='id', tokenize='trigram'
);
-- A bulk import indexes its new rows in one statement at the end of its
-- transaction (ten times faster than a trigger per row); while it runs, this
-- table holds a row. It is only ever non-empty inside that transaction.
CREATE TABLE fts_deferred (id INTEGER PRIMARY KEY CHECK (id = 1));
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
    INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
END;

-- Consent: purpose-bound, revocable grants, with the text the user was shown.
CREATE TABLE grants (
    id              INTEGER PRIMARY KEY,
    subject         TEXT NOT NULL,      -- the part or mini program that may read
    scope           TEXT NOT NULL,
    purpose         TEXT NOT NULL,
    granted_at      TEXT NOT NULL,
    expires_at      TEXT,
    once            INTEGER NOT NULL DEFAULT 0,
    used_at         TEXT,               -- set when a one-time grant has been used
    revoked_at      TEXT,
    consent_text    TEXT NOT NULL,
    consent_version TEXT NOT NULL,
    source_platform TEXT,               -- narrows the grant to one platform (e.g. sms)
    conversation_id INTEGER             -- narrows the grant to one conversation
);
CREATE INDEX grants_lookup ON grants (subject, scope, purpose);

-- The tamper-evident access log: each entry holds the hash of the one before.
CREATE TABLE access_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    event     TEXT NOT NULL,
    subject   TEXT NOT NULL,
    scope     TEXT NOT NULL,
    purpose   TEXT NOT NULL,
    grant_id  INTEGER,
    detail    TEXT NOT NULL,            -- canonical JSON: counts, digests, ids; never content
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
-- The head (last seq and hash) kept beside the chain, so that deleting the
-- newest entries is detected too; it is also what an outside witness records.
CREATE TABLE access_log_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log BEGIN
    SELECT RAISE(ABORT, 'the access log is append-only');
END;
CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log BEGIN
    SELECT RAISE(ABORT, 'the access log is append-only');
END;
