-- The suggestion loop in the vault: what a stored card needs beyond its
-- contract JSON, which messages the loop has read, and the user's decisions.

-- What accepting a card needs (the event's iCalendar fields, the parcel, ...),
-- as JSON; the skill's confidence; when the event takes place (ISO 8601 with
-- the message's offset, NULL for cards without one); when it was last
-- mentioned; and what accepting it did (the CalDAV event's URL, a file).
ALTER TABLE cards ADD COLUMN data TEXT NOT NULL DEFAULT '{}';
ALTER TABLE cards ADD COLUMN confidence REAL NOT NULL DEFAULT 1;
ALTER TABLE cards ADD COLUMN event_at TEXT;
ALTER TABLE cards ADD COLUMN mentioned_at TEXT;
ALTER TABLE cards ADD COLUMN result TEXT;
-- expires_at holds UTC ISO 8601 text, so that text order is time order.
CREATE INDEX cards_by_status ON cards (status, expires_at);
CREATE INDEX card_evidence_by_message ON card_evidence (message_id);

-- Messages the suggestion loop has read (whether or not they gave a card): a
-- re-run reads only the others, and widening a grant later lets the loop read
-- the messages it could not see before. Forgetting a message removes its row.
CREATE TABLE suggest_seen (
    message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE
);

-- The user's decisions, one row each, for ranking: kinds they accept rise,
-- kinds they dismiss sink. Kind and time only, no content; a row outlives the
-- card (forgetting the card's messages keeps what was learned), and
-- `forget --everything` empties the table with the rest.
CREATE TABLE card_feedback (
    id       INTEGER PRIMARY KEY,
    kind     TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('accepted', 'dismissed')),
    at       TEXT NOT NULL
);
CREATE INDEX card_feedback_by_kind ON card_feedback (kind);
