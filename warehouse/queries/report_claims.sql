-- The most recently published claims, newest first, with the documents that state them and whether
-- the warehouse holds another value for the same metric, region and period (a conflict).
WITH recent AS (
    SELECT c.*
    FROM claims c
    WHERE (len($metrics::VARCHAR[]) = 0 OR EXISTS (SELECT 1 FROM unnest($metrics::VARCHAR[]) u(m) WHERE starts_with(c.metric, u.m)))
      AND (len($regions::VARCHAR[]) = 0 OR list_contains($regions::VARCHAR[], c.region))
    ORDER BY c.last_published DESC NULLS LAST, c.what, c.value
    LIMIT $limit
)
SELECT
    r.what, r.metric, r.region, r.period_start, r.period_end, r.value, r.unit, r.qualifier, r.comparison,
    r.kind, r.stories, r.documents, r.sources, r.first_published, r.last_published, r.example_mention,
    (SELECT list({'url': d.url, 'source': d.source, 'title': d.title, 'published_at': d.published_at}
                 ORDER BY d.published_at, d.url)
     FROM documents_current d WHERE list_contains(r.document_urls, d.url)) AS documents_list,
    CASE WHEN r.kind = 'aggregate' THEN list_filter(k.values, v -> v <> r.value) END AS other_values
FROM recent r
LEFT JOIN conflicts k
  ON k.metric = r.metric AND k.region IS NOT DISTINCT FROM r.region AND k.period_start IS NOT DISTINCT FROM r.period_start
 AND k.period_end IS NOT DISTINCT FROM r.period_end AND k.comparison IS NOT DISTINCT FROM r.comparison
ORDER BY r.last_published DESC NULLS LAST, r.what, r.value;
