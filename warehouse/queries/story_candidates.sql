-- For each new document (b_story_new), the stories it may join: a document already in a story
-- whose Simhash differs in at most $bits bits and, where both dates are known, that was published
-- within $days days of it: the nearest one per new document (ties: the earlier published, then
-- the smaller story id), so a batch of reprints of one release reads one row each, not every pair.
SELECT n.url, n.version, s.story_id, bit_count(xor(n.simhash, s.simhash)) AS distance
FROM b_story_new n
JOIN document_stories s ON bit_count(xor(n.simhash, s.simhash)) <= $bits
JOIN documents d ON d.url = s.url AND d.version = s.version
WHERE n.published_at IS NULL OR d.published_at IS NULL
   OR abs(date_diff('day', n.published_at, d.published_at)) <= $days
QUALIFY row_number() OVER (PARTITION BY n.url, n.version
                           ORDER BY distance, d.published_at NULLS LAST, s.story_id) = 1;
