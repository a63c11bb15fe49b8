-- Cheaper imports, measured on a 1,000,000-message WhatsApp export.

-- A message's content hash becomes the first 16 bytes of its SHA-256 as a
-- BLOB instead of all 64 hex characters: the unique index that makes
-- re-import idempotent is the one B-tree an import writes at random places,
-- and a quarter of the key size keeps it in the page cache (10.3 -> 6.6 µs per
-- inserted message at 1M rows). 128 bits keep collisions out of reach. The
-- column keeps its declared TEXT affinity, which stores BLOBs unchanged;
-- ownlive_unhex is registered by connection.migrate (SQLite's own unhex()
-- needs 3.41, newer than some Pythons bundle).
UPDATE messages
   SET content_hash = ownlive_unhex(substr(content_hash, 1, 32))
 WHERE typeof(content_hash) = 'text';

-- The full-text index collects an import's terms in memory before writing a
-- segment; 8 MiB instead of the 1 MiB default writes fewer, bigger segments
-- and leaves less merging (5.5 -> 3.3 µs per message for the bulk pass).
INSERT INTO messages_fts (messages_fts, rank) VALUES ('hashsize', 8388608);

-- Imports and restores now drop the per-row index trigger for their
-- transaction (vault/triggers.py): any AFTER INSERT trigger, even one whose
-- WHEN clause is false, makes every insert keep a statement journal. The
-- switch table the trigger used to consult goes with it.
DROP TRIGGER messages_fts_insert;
DROP TABLE fts_deferred;
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
END;
