-- Provenance of every figure: the phrase of the text that set its period and the one that set its
-- region (offsets into the document's text), and the rule that read each. Figures stored before this
-- migration keep NULL here; re-extraction fills them.
ALTER TABLE extracted_figures ADD COLUMN period_from VARCHAR;
ALTER TABLE extracted_figures ADD COLUMN period_from_start INTEGER;
ALTER TABLE extracted_figures ADD COLUMN period_from_end INTEGER;
ALTER TABLE extracted_figures ADD COLUMN period_rule VARCHAR;
ALTER TABLE extracted_figures ADD COLUMN region_from VARCHAR;
ALTER TABLE extracted_figures ADD COLUMN region_from_start INTEGER;
ALTER TABLE extracted_figures ADD COLUMN region_from_end INTEGER;
ALTER TABLE extracted_figures ADD COLUMN region_rule VARCHAR;

-- The divisions figures refer to (GB/T 2260 codes; 100000 is the whole country), with coordinates
-- for maps. Added as figures name them; a code's row does not change once stored.
-- natural key: (code)
CREATE TABLE regions (
    code        VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    level       VARCHAR NOT NULL,  -- country | province | prefecture | county
    parent_code VARCHAR,
    province    VARCHAR,
    lng         DOUBLE,
    lat         DOUBLE
);
