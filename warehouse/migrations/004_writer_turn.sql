-- The writer's turn: every write transaction updates this one row first (warehouse.db.turn).
-- On the file warehouse the writer lock already serialises writers and this costs one tiny
-- update; on DuckLake, which has no lock, it makes any two overlapping writes conflict, so the
-- later one is retried against the first one's result instead of doubling a natural key.
CREATE TABLE writer_turn (
    holder      VARCHAR,
    taken_at    TIMESTAMPTZ
);
INSERT INTO writer_turn VALUES (NULL, NULL);
