"""Acquire one source: discover its articles, skip what is known, fetch the rest politely.

    acquired = await acquire_source(source, settings, seen)       # from async code
    acquired = acquire_source_sync(source, settings, seen)        # from sync code (asyncio.run)

``seen`` maps canonical URL -> SeenUrl (what the warehouse stored): article URLs and the
listing pages' validators. An article URL in ``seen`` is skipped without a request unless
the source sets ``recheck_seen``; then it is asked with a conditional GET, and a 304 (or a
200 whose bytes hash to the stored ``page_sha256``) counts as skipped. A changed article
comes back as a Page, which the warehouse stores as a new version.

Local kinds (directory, warc) make no HTTP request: a file or record whose sha256 equals
the stored ``page_sha256`` is skipped, a changed one is a Page.

Nothing raises for one bad article: it becomes a Failure (stage 'fetch'), and a listing
page past the first that fails becomes a Failure (stage 'discover'). ``fatal`` says the
whole source failed (first listing page, feed or sitemap unreachable, directory missing,
WARC unreadable); then no Failure row repeats it.

When an article fails, the listing pages' validators are returned as (None, None) so the
warehouse forgets them and the next run reads the listings in full and retries it.

Progress is reported to ``progress`` as it happens (discovered, then each article fetched or
failed). When a stop is requested (flows.stopping), ``acquire_source_sync`` cancels what is in
flight and returns what it has with ``interrupted`` set.

Without ``on_page`` the pages are kept in ``Acquired.pages`` (in the listing's order) until the
source is done. With ``on_page`` (a blocking callable, e.g. a bounded queue's put) each page is
handed over as it arrives and not kept, so memory stays bounded by what the consumer holds: the
pipeline streams pages to its batches this way (flows/pipeline.py). ``Acquired.fetched`` counts
pages either way.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from flows.config import DirectorySource, WarcSource
from flows.errors import FetchError, SourceError
from flows.fetching.discover import ArchivedRecord, discover, discover_directory, iter_warc, read_file
from flows.fetching.http import PoliteClient
from flows.fetching.urls import host_of
from flows.model import Acquired, Failure, Page, SeenUrl
from flows.progress import Progress
from flows.settings import Settings
from flows.stopping import Stopped, stop_requested, until_stopped

_CONTENT_TYPES = {".html": "text/html", ".htm": "text/html", ".txt": "text/plain"}

OnPage = Callable[[Page], None]
# Where each page goes as it arrives; it may wait (a full queue). One that also has an
# ``offer(page) -> bool`` method takes a page only if it can at once: the HTTP acquisition then
# hands most pages over on its event loop, and leaves it for a thread only when it must wait.


def _keeper(out: Acquired, on_page: OnPage | None) -> OnPage:
    """Where a fetched page goes: the caller's ``on_page``, or ``out.pages``."""
    def keep(page: Page) -> None:
        out.fetched += 1
        if on_page is None:
            out.pages.append(page)
        else:
            on_page(page)
    return keep


def _offerer(out: Acquired, on_page: OnPage | None) -> Callable[[Page], bool]:
    """``on_page``'s offer (True: taken), counted as `_keeper` counts; always False without one."""
    offer = getattr(on_page, "offer", None)

    def try_keep(page: Page) -> bool:
        if offer is not None and offer(page):
            out.fetched += 1
            return True
        return False
    return try_keep


async def acquire_source(
    source,
    settings: Settings,
    seen: Mapping[str, SeenUrl],
    *,
    client: PoliteClient | None = None,
    progress: Progress | None = None,
    out: Acquired | None = None,
    on_page: OnPage | None = None,
) -> Acquired:
    """Pages and failures of one source; see the module docstring. ``out`` receives them as
    they come (so a cancelled acquisition still has what it fetched)."""
    out = out if out is not None else Acquired(source=source.name)
    progress = progress or Progress()
    progress.discovering(source.name)
    if isinstance(source, DirectorySource):
        return _acquire_directory(source, settings, seen, progress, out, on_page)
    if isinstance(source, WarcSource):
        return _acquire_warc(source, settings, seen, progress, out, on_page)
    if client is None:
        async with PoliteClient.for_source(source, settings) as own:
            return await _acquire_http(source, settings, seen, own, progress, out, on_page)
    for url in source.entry_urls():
        client.limit_host(host_of(url), delay_seconds=source.delay_seconds, concurrency=source.concurrency)
    return await _acquire_http(source, settings, seen, client, progress, out, on_page)


def acquire_source_sync(source, settings: Settings, seen: Mapping[str, SeenUrl],
                        progress: Progress | None = None, on_page: OnPage | None = None) -> Acquired:
    """``acquire_source`` for synchronous callers (not from inside a running event loop); gives
    up, with ``interrupted`` set, as soon as a stop is requested."""
    out = Acquired(source=source.name)
    try:
        return asyncio.run(until_stopped(acquire_source(source, settings, seen, progress=progress, out=out,
                                                        on_page=on_page)))
    except Stopped:
        out.interrupted = True
        return out


async def _acquire_http(source, settings: Settings, seen: Mapping[str, SeenUrl], client: PoliteClient,
                        progress: Progress, out: Acquired, on_page: OnPage | None = None) -> Acquired:
    keep = _keeper(out, on_page)
    offer = _offerer(out, on_page)
    try:
        found = await discover(source, client, seen)
    except SourceError as e:
        out.fatal = e.reason
        return out
    out.failures.extend(found.failures)
    out.validators.update(found.validators)
    out.discovered = len(found.urls)

    todo: list[tuple[str, str, SeenUrl | None]] = []
    for canonical, fetch_url in found.urls.items():
        prior = seen.get(canonical)
        if prior is not None and not source.recheck_seen:
            out.skipped += 1
            continue
        todo.append((canonical, fetch_url, prior))
    if source.max_articles is not None:
        todo = todo[: source.max_articles]
    progress.discovered(source.name, out.discovered, to_fetch=len(todo))

    async def one(canonical: str, fetch_url: str, prior: SeenUrl | None) -> Page | Failure | None:
        try:
            got = await client.fetch(
                fetch_url,
                etag=prior.etag if prior else None,
                last_modified=prior.last_modified if prior else None,
                allowed_hosts=source.allowed_hosts,
                allow_private_network=source.allow_private_network,
            )
        except FetchError as e:
            progress.fetched(source.name, ok=False)
            return Failure(source.name, canonical, "fetch", e.reason)
        out.validators[canonical] = (got.etag, got.last_modified)
        if got.not_modified:
            if prior is not None:
                out.validators[canonical] = (got.etag or prior.etag, got.last_modified or prior.last_modified)
            progress.fetched(source.name, unchanged=True)
            return None
        body_sha = hashlib.sha256(got.body).hexdigest()
        if prior is not None and prior.page_sha256 == body_sha:
            progress.fetched(source.name, unchanged=True)
            return None  # the server ignores conditional GET, but the bytes are the same
        progress.fetched(source.name)
        return Page(
            url=canonical,
            source=source.name,
            body=got.body,
            status=got.status,
            # the body is stored decompressed: its transfer headers no longer describe it
            headers={k: v for k, v in got.headers.items() if k not in ("content-encoding", "content-length")},
            final_url=got.final_url if got.final_url != fetch_url else None,
            fetched_at=datetime.now(UTC),
        )

    kept: dict[int, Page] = {}  # without on_page: put in the listing's order at the end

    async def worker(jobs) -> None:
        # a few workers over one list rather than a task per URL: a site of 20,000 articles
        # holds no 20,000 pending fetches, and a page is handed over as soon as it arrives
        for i, job in jobs:
            result = await one(*job)
            if result is None:
                out.skipped += 1
            elif isinstance(result, Failure):
                out.failures.append(result)
            elif on_page is None:
                kept[i] = result
            elif not offer(result):  # the consumer's queue is full: wait for it off the event loop
                await asyncio.to_thread(keep, result)

    # twice the requests a host allows at once (at least 8): enough to keep every slot busy, and
    # no more pages held by fetchers waiting for the consumer than that
    per_host = source.concurrency or settings.concurrency_per_host
    jobs = iter(enumerate(todo))
    try:
        await asyncio.gather(*(worker(jobs) for _ in range(min(max(8, 2 * per_host), len(todo)))))
    finally:  # also when cancelled: what was fetched is counted, in the listing's order
        for i in sorted(kept):
            keep(kept[i])
    if any(f.stage == "fetch" for f in out.failures):
        for url in found.validators:
            out.validators[url] = (None, None)
    return out


def _acquire_directory(source: DirectorySource, settings: Settings, seen: Mapping[str, SeenUrl],
                       progress: Progress, out: Acquired, on_page: OnPage | None = None) -> Acquired:
    keep = _keeper(out, on_page)
    try:
        files = discover_directory(source)
    except SourceError as e:
        out.fatal = e.reason
        return out
    out.discovered = len(files)
    progress.discovered(source.name, len(files), to_fetch=len(files))
    for path in files:
        if stop_requested():
            out.interrupted = True
            return out
        url = path.resolve().as_uri()
        try:
            body = read_file(path, settings.max_bytes)
        except FetchError as e:
            progress.fetched(source.name, ok=False)
            out.failures.append(Failure(source.name, e.url, "fetch", e.reason))
            continue
        prior = seen.get(url)
        if prior is not None and prior.page_sha256 == hashlib.sha256(body).hexdigest():
            progress.fetched(source.name, unchanged=True)
            out.skipped += 1
            continue
        progress.fetched(source.name)
        suffix = path.suffixes[-2] if path.suffix == ".gz" and len(path.suffixes) > 1 else path.suffix
        headers = {"content-type": _CONTENT_TYPES[suffix.lower()]} if suffix.lower() in _CONTENT_TYPES else {}
        keep(Page(url=url, source=source.name, body=body, headers=headers, fetched_at=datetime.now(UTC)))
    return out


def _acquire_warc(source: WarcSource, settings: Settings, seen: Mapping[str, SeenUrl],
                  progress: Progress, out: Acquired, on_page: OnPage | None = None) -> Acquired:
    """One Page per canonical URL (the first record of it in the archive)."""
    keep = _keeper(out, on_page)
    urls: set[str] = set()
    try:
        for item in iter_warc(source, settings.max_bytes):
            if stop_requested():
                out.interrupted = True
                break
            if isinstance(item, Failure):
                progress.fetched(source.name, ok=False)
                out.failures.append(item)
                continue
            if item.url in urls:
                continue
            urls.add(item.url)
            prior = seen.get(item.url)
            if prior is not None and prior.page_sha256 == hashlib.sha256(item.body).hexdigest():
                progress.fetched(source.name, unchanged=True)
                out.skipped += 1
                continue
            progress.fetched(source.name)
            keep(_archived_page(source.name, item))
    except SourceError as e:
        out.fatal = e.reason
    out.discovered = len(urls) + sum(1 for f in out.failures if f.stage == "fetch")
    return out


def _archived_page(source: str, item: ArchivedRecord) -> Page:
    return Page(
        url=item.url,
        source=source,
        body=item.body,
        status=item.status,
        headers=item.headers,
        final_url=item.target_uri if item.target_uri != item.url else None,
        fetched_at=item.date,
    )
