-- The series the report may chart: metrics starting with one of $metrics (all when empty), regions
-- among $regions (all when empty).
SELECT metric, comparison, unit, period_kind, region, region_code, period_start, period_end, value,
       qualifiers, sources, stories, documents, conflicting_values
FROM series s
WHERE (len($metrics::VARCHAR[]) = 0 OR EXISTS (SELECT 1 FROM unnest($metrics::VARCHAR[]) u(m) WHERE starts_with(s.metric, u.m)))
  AND (len($regions::VARCHAR[]) = 0 OR list_contains($regions::VARCHAR[], s.region))
ORDER BY metric, comparison NULLS FIRST, unit, period_kind, region, period_end;
