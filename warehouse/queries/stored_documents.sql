-- The current documents to re-extract: published on or after $since (all when NULL, also the
-- undated), of the sources in $sources (all when empty).
SELECT d.url, d.source
FROM documents_current d
WHERE ($since::DATE IS NULL OR d.published_at >= $since::DATE)
  AND (len($sources::VARCHAR[]) = 0 OR list_contains($sources::VARCHAR[], d.source))
ORDER BY d.source, d.url;
