-- The conflicts among the selected metrics and regions.
SELECT k.*
FROM conflicts k
WHERE (len($metrics::VARCHAR[]) = 0 OR EXISTS (SELECT 1 FROM unnest($metrics::VARCHAR[]) u(m) WHERE starts_with(k.metric, u.m)))
  AND (len($regions::VARCHAR[]) = 0 OR list_contains($regions::VARCHAR[], k.region))
ORDER BY k.metric, k.region, k.period_end;
