-- Per region: current figures, claims, documents and conflicts, for the map.
WITH f AS (
    SELECT region, max(region_code) AS region_code, count(*) AS figures, count(DISTINCT document_url) AS documents
    FROM figures
    WHERE region IS NOT NULL
      AND (len($metrics::VARCHAR[]) = 0 OR EXISTS (SELECT 1 FROM unnest($metrics::VARCHAR[]) u(m) WHERE starts_with(figures.metric, u.m)))
      AND (len($regions::VARCHAR[]) = 0 OR list_contains($regions::VARCHAR[], region))
    GROUP BY region
),
c AS (SELECT region, count(*) AS claims FROM claims GROUP BY region),
k AS (SELECT region, count(*) AS conflicts FROM conflicts GROUP BY region)
SELECT f.region, f.region_code, f.figures, coalesce(c.claims, 0) AS claims, f.documents, coalesce(k.conflicts, 0) AS conflicts
FROM f LEFT JOIN c USING (region) LEFT JOIN k USING (region)
ORDER BY f.figures DESC, f.region;
