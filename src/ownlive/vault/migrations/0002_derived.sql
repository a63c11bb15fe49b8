-- Derived data: what understanding and suggestion make of messages.
-- Deleting a message deletes everything derived from it.
CREATE TABLE entities (
    id         INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    type       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    value      TEXT NOT NULL,           -- JSON, per the `ownlive extract` contract
    UNIQUE (message_id, type, start, end)
);

CREATE TABLE cards (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    status     TEXT NOT NULL DEFAULT 'new',  -- new, accepted, dismissed, expired
    dedup_key  TEXT NOT NULL UNIQUE,
    payload    TEXT NOT NULL,           -- JSON card, per the `ownlive suggest` contract
    score      REAL NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    decided_at TEXT
);

CREATE TABLE card_evidence (
    card_id    INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
    message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    PRIMARY KEY (card_id, message_id, start, end)
);
