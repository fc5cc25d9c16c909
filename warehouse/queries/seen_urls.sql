-- What an incremental run knows of a source's URLs.
SELECT url, etag, last_modified, page_sha256, is_article
FROM fetch_state
WHERE source = $source;
