"""Fetching: the polite HTTP client (http), discovery of release pages in listings, feeds,
sitemaps, folders and archives (discover), URL canonical forms (urls), and one source's
acquisition into pages and failures (acquire)."""
