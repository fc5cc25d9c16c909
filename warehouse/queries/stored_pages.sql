-- The current documents of $urls with the raw page each was cleaned from, and the source's
-- region (extractors resolve 全省/全市 against it).
SELECT
    d.url, d.source, d.text, d.title, d.published_at, d.author, d.site, d.encoding, d.page_sha256,
    p.url AS page_url, p.body, p.status, p.headers, p.final_url, p.fetched_at,
    s.region
FROM documents_current d
JOIN raw_pages p ON p.page_sha256 = d.page_sha256
LEFT JOIN sources s ON s.name = d.source
WHERE list_contains($urls::VARCHAR[], d.url)
QUALIFY row_number() OVER (PARTITION BY d.url ORDER BY (p.url = d.url) DESC, p.fetched_at DESC) = 1
ORDER BY d.url;
