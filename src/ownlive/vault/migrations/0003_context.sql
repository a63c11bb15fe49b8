-- Context beside messages: calendar events and location history.
-- Every row belongs to the source it was first imported from; forgetting that
-- source deletes its rows with it (ON DELETE CASCADE). Times are stored twice,
-- as ISO 8601 text with the offset the export gave and as epoch seconds for
-- ordering and range queries across zones, as messages are.

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    source_id      INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    calendar_key   TEXT NOT NULL,       -- X-WR-RELCALID, X-WR-CALNAME or the file's name
    calendar_title TEXT NOT NULL,
    uid            TEXT NOT NULL,       -- the iCalendar UID
    recurrence_id  TEXT,                -- original start of the occurrence (UTC, or a date); NULL: no series
    summary        TEXT NOT NULL,
    location       TEXT,
    start          TEXT NOT NULL,       -- ISO 8601 with offset; YYYY-MM-DD when all_day
    end            TEXT NOT NULL,       -- exclusive, as DTEND is
    start_utc      INTEGER NOT NULL,    -- epoch seconds; all-day events at midnight of the import's zone
    end_utc        INTEGER NOT NULL,
    all_day        INTEGER NOT NULL DEFAULT 0,
    tzid           TEXT,                -- the TZID the calendar names; NULL for dates and floating times
    status         TEXT,                -- CONFIRMED, TENTATIVE, CANCELLED
    content_hash   TEXT NOT NULL UNIQUE -- uid + recurrence_id: re-import updates, never duplicates
);
CREATE INDEX events_by_time ON events (start_utc, end_utc);
CREATE INDEX events_by_source ON events (source_id);
CREATE INDEX events_by_uid ON events (uid);

-- A stay at a place from a semantic location history. The place's name,
-- address and id are kept on the visit itself, so that forgetting a source
-- leaves no shared place row behind that another source's visit points to.
CREATE TABLE visits (
    id           INTEGER PRIMARY KEY,
    source_id    INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    lat          REAL NOT NULL,         -- degrees, WGS 84
    lon          REAL NOT NULL,
    accuracy     REAL,                  -- metres
    name         TEXT,
    address      TEXT,
    place_id     TEXT,                  -- the provider's place id (Google placeId)
    start        TEXT NOT NULL,         -- ISO 8601 with offset
    end          TEXT NOT NULL,
    start_utc    INTEGER NOT NULL,
    end_utc      INTEGER NOT NULL,
    content_hash TEXT NOT NULL UNIQUE
);
CREATE INDEX visits_by_time ON visits (start_utc, end_utc);
CREATE INDEX visits_by_source ON visits (source_id);

-- Raw location fixes (Records.json and the paths of travel segments).
CREATE TABLE points (
    id           INTEGER PRIMARY KEY,
    source_id    INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    lat          REAL NOT NULL,
    lon          REAL NOT NULL,
    accuracy     REAL,
    activity     TEXT,                  -- e.g. IN_VEHICLE, the most confident reading
    at           TEXT NOT NULL,         -- ISO 8601 with offset
    at_utc       INTEGER NOT NULL,
    content_hash TEXT NOT NULL UNIQUE
);
CREATE INDEX points_by_time ON points (at_utc);
CREATE INDEX points_by_source ON points (source_id);
