-- One row per current figure: the newest version of each document, and for each extractor
-- the newest extraction of that version (figures_as_of.sql has the query and its columns).
CREATE OR REPLACE VIEW figures AS
SELECT * FROM figures_as_of('infinity'::TIMESTAMPTZ);
