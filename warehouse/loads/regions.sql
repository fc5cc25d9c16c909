-- The divisions this batch's figures name, where not stored yet.
INSERT INTO regions BY NAME
SELECT DISTINCT ON (code) b.*
FROM b_regions b
WHERE NOT EXISTS (SELECT 1 FROM regions r WHERE r.code = b.code);
