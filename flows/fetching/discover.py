"""Discovery: which article URLs (or local files, or archived records) a source offers.

    http      listing page(s): links whose canonical URL matches ``link_pattern``;
              more pages by the ``next_page_pattern`` link or ``page_url_template``,
              up to ``max_pages`` pages in all
    feed      RSS 2.0, RSS 1.0 (RDF) or Atom: each item's link
    sitemap   <urlset> locs (matching ``link_pattern`` if set); a <sitemapindex> is
              followed one level down, at most MAX_CHILD_SITEMAPS children
    urls      the configured list
    directory file:// URLs of the files matching ``glob`` (and their .gz), sorted
    warc      response records with a 2xx status (matching ``link_pattern`` if set)

Only http(s) links are taken from pages, feeds and sitemaps (never file:, ftp:, data:). Feeds
and sitemaps are parsed with entities left unexpanded and nothing external loaded (no DTD, no
network, no files), and one that declares entities is refused: an entity bomb or an external
entity stays inert and says so.

HTTP discovery fetches through the ``PoliteClient`` with a conditional GET when ``seen``
holds validators for the listing URL. A listing page that answers 304 Not Modified offers
no new links: its articles were discovered on the run that stored its validators. Then
pagination by ``next_page_pattern`` stops there (the next link is in the unchanged page);
pagination by ``page_url_template`` goes on, each page asked conditionally as well.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from flows.cleaning.decode import decode
from flows.config import DirectorySource, FeedSource, HttpSource, SitemapSource, UrlListSource, WarcSource
from flows.errors import DocumentError, FetchError, SourceError
from flows.fetching.http import Fetched, PoliteClient
from flows.fetching.urls import canonical_url, fetch_form
from flows.model import Failure, SeenUrl

MAX_CHILD_SITEMAPS = 50


@dataclass(slots=True)
class Discovered:
    """Article URLs found on a source: canonical URL -> the URL to request, in page order."""

    urls: dict[str, str] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # listing pages
    listing_requests: int = 0  # listing pages (feeds, sitemaps) asked for, 304s included

    def add(self, fetch_url: str, canonical: str) -> bool:
        if canonical in self.urls:
            return False
        self.urls[canonical] = fetch_url
        return True


@dataclass(frozen=True, slots=True)
class ArchivedRecord:
    """One response record of a WARC archive."""

    url: str  # canonical
    target_uri: str
    status: int
    headers: dict[str, str]
    body: bytes
    date: datetime | None


# -- HTTP kinds ----------------------------------------------------------------------


async def discover(
    source: HttpSource | FeedSource | SitemapSource | UrlListSource,
    client: PoliteClient,
    seen: Mapping[str, SeenUrl],
) -> Discovered:
    """Article URLs of an HTTP-ish source; SourceError when its entry page cannot be read."""
    if isinstance(source, UrlListSource):
        found = Discovered()
        for url in source.urls:
            found.add(fetch_form(url), canonical_url(url))
        return found
    if isinstance(source, HttpSource):
        return await _discover_listing(source, client, seen)
    if isinstance(source, FeedSource):
        return await _discover_feed(source, client, seen)
    if isinstance(source, SitemapSource):
        return await _discover_sitemap(source, client, seen)
    raise TypeError(f"not an HTTP source kind: {type(source).__name__}")


async def _get_listing(
    url: str, source, client: PoliteClient, seen: Mapping[str, SeenUrl], found: Discovered
) -> Fetched:
    key = canonical_url(url)
    prior = seen.get(key)
    found.listing_requests += 1
    got = await client.fetch(
        url,
        etag=prior.etag if prior else None,
        last_modified=prior.last_modified if prior else None,
        allowed_hosts=source.allowed_hosts,
        allow_private_network=source.allow_private_network,
    )
    etag = got.etag or (prior.etag if prior and got.not_modified else None)
    last_modified = got.last_modified or (prior.last_modified if prior and got.not_modified else None)
    found.validators[key] = (etag, last_modified)
    return got


def _html_links(got: Fetched) -> Iterator[tuple[str, str]]:
    """(absolute URL, link text) of each <a href> of a fetched HTML page, in document order."""
    text, _ = decode(got.body, got.headers, url=got.final_url)
    if not text.strip():
        return
    try:
        root = lxml.html.fromstring(text.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (lxml.etree.ParserError, ValueError):
        return
    base = got.final_url
    for b in root.iter("base"):
        if b.get("href"):
            base = fetch_form(b.get("href"), got.final_url)
            break
    for a in root.iter("a", "area"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith("#") or href.lower().startswith(("javascript:", "mailto:", "tel:")):
            continue
        absolute = fetch_form(href, base)
        if not _is_web(absolute):
            continue
        label = " ".join(a.text_content().split()) if a.tag == "a" else (a.get("alt") or "")
        yield absolute, " ".join(filter(None, [label, a.get("title") or ""]))


async def _discover_listing(source: HttpSource, client: PoliteClient, seen: Mapping[str, SeenUrl]) -> Discovered:
    found = Discovered()
    link_re = re.compile(source.link_pattern)
    next_re = re.compile(source.next_page_pattern) if source.next_page_pattern else None
    visited: set[str] = set()
    page_url: str | None = source.url
    for page in range(1, max(1, source.max_pages) + 1):
        if page > 1:
            if source.page_url_template:
                try:
                    page_url = source.page_url_template.format(page=page, page0=page - 1)
                except (KeyError, IndexError, ValueError) as e:
                    raise SourceError(source.name, f"page_url_template: use {{page}} or {{page0}} ({e!r})") from None
            if page_url is None:
                break
        assert page_url is not None
        visited.add(canonical_url(page_url))
        try:
            got = await _get_listing(page_url, source, client, seen, found)
        except FetchError as e:
            if page == 1:
                raise SourceError(source.name, f"listing page {page_url} unreachable: {e.reason}") from None
            if source.page_url_template and e.reason.startswith(("HTTP 404", "HTTP 410")):
                break  # past the last page
            found.failures.append(Failure(source.name, page_url, "discover", e.reason))
            if source.page_url_template:
                continue
            break
        if got.not_modified:
            page_url = None  # the next-page link is in the unchanged page
            continue
        try:
            links = list(_html_links(got))
        except DocumentError as e:
            if page == 1:
                raise SourceError(source.name, f"listing page {page_url}: {e.reason}") from None
            found.failures.append(Failure(source.name, page_url, "discover", e.reason))
            links = []
        new = 0
        next_url = None
        for absolute, label in links:
            canonical = canonical_url(absolute)
            if link_re.search(canonical):
                new += found.add(absolute, canonical)
            elif (
                next_re
                and next_url is None
                and canonical not in visited
                and (next_re.search(label) or next_re.search(canonical))
            ):
                next_url = absolute
        if page == 1 and not any(link_re.search(canonical_url(a)) for a, _ in links):
            # the usual sign of a changed template or a wrong link_pattern: say so, go on
            found.failures.append(Failure(
                source.name, page_url, "discover",
                f"listing page has no links matching link_pattern {source.link_pattern!r} ({len(links)} links in all)",
            ))
        if source.page_url_template:
            if page > 1 and new == 0:
                break  # a page past the end that the site answers with the first page or an empty list
        else:
            page_url = next_url
    return found


async def _discover_feed(source: FeedSource, client: PoliteClient, seen: Mapping[str, SeenUrl]) -> Discovered:
    found = Discovered()
    try:
        got = await _get_listing(source.url, source, client, seen, found)
    except FetchError as e:
        raise SourceError(source.name, f"feed {source.url} unreachable: {e.reason}") from None
    if got.not_modified:
        return found
    root = _xml_root(got)
    if root is None or _local(root.tag) not in ("rss", "RDF", "feed", "channel"):
        raise SourceError(source.name, f"{source.url} is not an RSS or Atom feed")
    if _declares_entities(root):
        raise SourceError(source.name, f"feed {source.url} {ENTITIES_REFUSED}")
    for link in feed_links(root):
        if _is_web(fetch_form(link, got.final_url)):
            found.add(fetch_form(link, got.final_url), canonical_url(link, got.final_url))
    return found


def feed_links(root: lxml.etree._Element) -> list[str]:
    """Item links of an RSS 2.0, RSS 1.0 or Atom document, in document order."""
    links: list[str] = []
    for el in root.iter():
        name = _local(el.tag)
        if name == "item":
            link = next((c for c in el if _local(c.tag) == "link" and (c.text or "").strip()), None)
            if link is not None:
                links.append(link.text.strip())
                continue
            guid = next((c for c in el if _local(c.tag) == "guid"), None)
            if guid is not None and guid.get("isPermaLink", "true") != "false" and (guid.text or "").strip():
                links.append(guid.text.strip())
        elif name == "entry":
            hrefs = [(c.get("rel") or "alternate", c.get("href")) for c in el if _local(c.tag) == "link" and c.get("href")]
            href = next((h for rel, h in hrefs if rel == "alternate"), None)
            if href:
                links.append(href.strip())
    return links


async def _discover_sitemap(source: SitemapSource, client: PoliteClient, seen: Mapping[str, SeenUrl]) -> Discovered:
    found = Discovered()
    link_re = re.compile(source.link_pattern) if source.link_pattern else None
    try:
        got = await _get_listing(source.url, source, client, seen, found)
    except FetchError as e:
        raise SourceError(source.name, f"sitemap {source.url} unreachable: {e.reason}") from None
    if got.not_modified:
        return found
    root = _sitemap_root(got, client.settings.max_bytes)
    if root is None or _local(root.tag) not in ("urlset", "sitemapindex"):
        raise SourceError(source.name, f"{source.url} is not an XML sitemap")
    if _declares_entities(root):
        raise SourceError(source.name, f"sitemap {source.url} {ENTITIES_REFUSED}")
    docs = [(got, root)]
    if _local(root.tag) == "sitemapindex":
        docs = []
        for child in [c for c in sitemap_locs(root) if _is_web(fetch_form(c, got.final_url))][:MAX_CHILD_SITEMAPS]:
            child_url = fetch_form(child, got.final_url)
            try:
                child_got = await _get_listing(child_url, source, client, seen, found)
            except FetchError as e:
                found.failures.append(Failure(source.name, child_url, "discover", e.reason))
                continue
            if child_got.not_modified:
                continue
            child_root = _sitemap_root(child_got, client.settings.max_bytes)
            if child_root is None or _local(child_root.tag) != "urlset":
                found.failures.append(Failure(source.name, child_url, "discover", "not an XML sitemap <urlset>"))
                continue
            if _declares_entities(child_root):
                found.failures.append(Failure(source.name, child_url, "discover", f"sitemap {ENTITIES_REFUSED}"))
                continue
            docs.append((child_got, child_root))
    for doc_got, doc_root in docs:
        for loc in sitemap_locs(doc_root):
            canonical = canonical_url(loc, doc_got.final_url)
            if not _is_web(canonical):
                continue
            if link_re is None or link_re.search(canonical):
                found.add(fetch_form(loc, doc_got.final_url), canonical)
    return found


def sitemap_locs(root: lxml.etree._Element) -> list[str]:
    """<loc> texts of a <urlset> (its <url>s) or a <sitemapindex> (its <sitemap>s)."""
    out = []
    for el in root:
        if _local(el.tag) in ("url", "sitemap"):
            for c in el:
                if _local(c.tag) == "loc" and (c.text or "").strip():
                    out.append(c.text.strip())
    return out


# Entities are never expanded, no DTD is loaded, nothing is fetched: an entity bomb stops libxml2's
# parse at its amplification limit, and a document that declares entities is refused as a whole
# (_declares_entities) rather than read in part. Feeds and sitemaps have no use for them.
_XML_PARSER = lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False,
                                   load_dtd=False)
ENTITIES_REFUSED = "declares XML entities in its DOCTYPE: refused (entities are never expanded or loaded)"
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")


def _xml_root(got: Fetched) -> lxml.etree._Element | None:
    """Parse XML bytes as declared; failing that, decode deliberately and parse the text."""
    try:
        root = lxml.etree.fromstring(got.body, parser=_XML_PARSER)
    except lxml.etree.XMLSyntaxError:
        root = None
    if root is not None and len(root):
        return root
    try:
        text, _ = decode(got.body, got.headers, url=got.final_url)
        root = lxml.etree.fromstring(_XML_DECL.sub("", text).encode("utf-8"), parser=_XML_PARSER)
    except (DocumentError, lxml.etree.XMLSyntaxError):
        return None
    return root


def _declares_entities(root: lxml.etree._Element) -> bool:
    dtd = root.getroottree().docinfo.internalDTD
    return dtd is not None and any(True for _ in dtd.iterentities())


def _sitemap_root(got: Fetched, max_bytes: int) -> lxml.etree._Element | None:
    """A sitemap may be served gzipped as a file (sitemap.xml.gz), not as Content-Encoding."""
    if got.body[:2] == b"\x1f\x8b":
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            body = d.decompress(got.body, max_bytes + 1)
        except zlib.error:
            return None
        if len(body) > max_bytes:
            return None
        got = Fetched(got.url, got.final_url, got.status, got.headers, body)
    return _xml_root(got)


def _is_web(url: str) -> bool:
    """Only http(s) links are followed: never file:, ftp:, data: or javascript: from a page."""
    return urlsplit(url).scheme.lower() in ("http", "https")


def _local(tag: object) -> str:
    return lxml.etree.QName(tag).localname if isinstance(tag, str) else ""


# -- local kinds ---------------------------------------------------------------------


def discover_directory(source: DirectorySource) -> list[Path]:
    """Files matching ``glob`` (and their .gz) under ``path``, sorted; SourceError if no folder."""
    root = Path(source.path)
    if not root.is_dir():
        raise SourceError(source.name, f"directory {root} does not exist or is not a directory")
    files: set[Path] = set()
    for pattern in source.glob:
        for p in (pattern, pattern + ".gz"):
            files.update(f for f in (root.rglob(p) if source.recursive else root.glob(p)) if not f.is_dir())
    return sorted(files)


def shown_path(path: Path) -> str:
    """A path as text that can be stored and printed: bytes that are not UTF-8 in a file name
    (a name from another system's encoding) are shown as \\xNN escapes."""
    return bytes(path).decode("utf-8", "backslashreplace")


def read_file(path: Path, max_bytes: int) -> bytes:
    """A file's bytes (gunzipped for .gz), at most ``max_bytes`` (decompressed); FetchError
    naming the path."""
    shown = shown_path(path)
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as f:
                body = f.read(max_bytes + 1)
        else:
            with path.open("rb") as f:
                body = f.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as e:
        raise FetchError(shown, f"cannot read {shown}: {e.strerror or e}") from None
    if len(body) > max_bytes:
        raise FetchError(shown, f"file larger than {max_bytes} bytes" + (" once decompressed" if path.suffix == ".gz" else ""))
    return body


def iter_warc(source: WarcSource, max_bytes: int) -> Iterator[ArchivedRecord | Failure]:
    """Response records of a WARC (2xx, matching ``link_pattern``); SourceError if unreadable.

    A record whose body passes ``max_bytes`` becomes a Failure; a file that breaks off half
    way yields the records before the break and then a Failure.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    link_re = re.compile(source.link_pattern) if source.link_pattern else None
    path = Path(source.path)
    try:
        stream = path.open("rb")
    except OSError as e:
        raise SourceError(source.name, f"cannot open WARC {path}: {e.strerror or e}") from None
    count = 0
    with stream:
        try:
            for record in ArchiveIterator(stream):
                if record.format != "warc":  # warcio reads any text as a legacy ARC file
                    raise ArchiveLoadFailed(f"not a WARC record ({record.format or 'unknown'} format)")
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                target = record.rec_headers.get_header("WARC-Target-URI") or ""
                try:
                    status = int(record.http_headers.get_statuscode())
                except (TypeError, ValueError):
                    continue
                if not 200 <= status < 300 or urlsplit(target).scheme not in ("http", "https"):
                    continue
                canonical = canonical_url(target)
                if link_re is not None and not link_re.search(canonical):
                    continue
                count += 1
                body = record.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield Failure(source.name, canonical, "fetch", f"archived body larger than {max_bytes} bytes")
                    continue
                headers: dict[str, str] = {}
                for k, v in record.http_headers.headers:
                    k = k.lower()
                    headers[k] = f"{headers[k]}, {v}" if k in headers else v
                yield ArchivedRecord(canonical, target, status, headers, body, _warc_date(record))
        except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as e:
            if count == 0:
                raise SourceError(source.name, f"cannot read WARC {path}: {e}") from None
            yield Failure(source.name, str(path), "discover", f"WARC breaks off after {count} records: {e}")


def _warc_date(record) -> datetime | None:
    value = record.rec_headers.get_header("WARC-Date")
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        return None
