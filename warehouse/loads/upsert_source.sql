-- The source as configured now.
MERGE INTO sources t
USING (SELECT $name AS name, $kind AS kind, $region AS region, $source_group AS source_group,
              $config::JSON AS config, $now AS updated_at) s
ON t.name = s.name
WHEN MATCHED THEN UPDATE SET kind = s.kind, region = s.region, source_group = s.source_group,
                             config = s.config, updated_at = s.updated_at
WHEN NOT MATCHED THEN INSERT BY NAME;
