-- The offline places index: public OpenStreetMap points of interest
-- (restaurants, fast food, cafes) imported with `ownlive places import`, so
-- that restaurant cards can list nearby places without the network. These
-- rows are public data, not the user's; they still belong to the source they
-- were imported from, so `forget --source` removes an extract again (and
-- which extracts a user imported says roughly where they live).
-- Named `poi` because `places`, `visits` and `points` are location history.

CREATE TABLE poi (
    id        INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    osm_id    TEXT NOT NULL UNIQUE,       -- node/324163194, way/..., or the GeoJSON feature id
    kind      TEXT NOT NULL,              -- the amenity: restaurant, fast_food, cafe
    name      TEXT NOT NULL,
    cuisine   TEXT NOT NULL DEFAULT '',   -- OSM cuisine=* values, lower case, ';'-separated
    lat       REAL NOT NULL,              -- degrees, WGS 84; a way's centroid
    lon       REAL NOT NULL,
    address   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX poi_by_source ON poi (source_id);

-- The spatial index over `poi`, kept by triggers. R*Tree boxes are 32-bit
-- floats rounded outwards, so a query takes candidates from the tree and
-- measures exact distances from poi.lat/lon. Being derived, the tree is not
-- exported; after a restore (which loads rows with insert triggers
-- suspended) `vault.poi.ensure_index` rebuilds it.
CREATE VIRTUAL TABLE poi_rtree USING rtree (id, min_lat, max_lat, min_lon, max_lon);

CREATE TRIGGER poi_rtree_insert AFTER INSERT ON poi BEGIN
    INSERT INTO poi_rtree (id, min_lat, max_lat, min_lon, max_lon)
    VALUES (new.id, new.lat, new.lat, new.lon, new.lon);
END;

CREATE TRIGGER poi_rtree_move AFTER UPDATE OF lat, lon ON poi BEGIN
    UPDATE poi_rtree SET min_lat = new.lat, max_lat = new.lat, min_lon = new.lon, max_lon = new.lon
    WHERE id = new.id;
END;

CREATE TRIGGER poi_rtree_delete AFTER DELETE ON poi BEGIN
    DELETE FROM poi_rtree WHERE id = old.id;
END;
