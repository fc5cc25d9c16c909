"""The polite HTTP client: one ``httpx.AsyncClient`` per run, a good citizen to every host.

    client = PoliteClient(settings, allowed_hosts=["www.gaj.example.gov.cn"])
    async with client:
        got = await client.fetch(url, etag=seen.etag, last_modified=seen.last_modified)

What it does for every request (and every redirect hop, and every retry):

- sends the configured, honest ``User-Agent``;
- asks the host's ``robots.txt`` first (fetched once per origin per run, through this
  client): 2xx is obeyed; a 4xx (no robots.txt) allows everything (RFC 9309 2.3.1.3);
  a 5xx, a timeout or a refused redirect after retries disallows the whole origin for the
  run (RFC 9309 2.3.1.4: an unreachable robots.txt means "assume complete disallow"); when
  the host gives no answer at all (refused, timed out, reset) the reason says
  "host unreachable", since it is the site that is down, not its robots.txt.
  A ``Crawl-delay`` longer than the configured delay is honoured, up to 60 s;
- holds a per-host slot (``concurrency`` requests in flight per host name) and starts no
  request sooner than ``delay_seconds`` after the previous start to that host;
- retries 429, 5xx, timeouts and dropped connections ``settings.retries`` times with
  exponential backoff (``backoff_seconds`` doubling) and jitter; a ``Retry-After`` is
  honoured and pauses the whole host, unless it exceeds ``max_retry_after_seconds``, which
  fails the request at once;
- reads the body as a stream and stops as soon as it passes ``max_bytes``; gzip and
  deflate are undone here, chunk by chunk with a bounded output, so ``max_bytes`` limits
  the decompressed size and a compression bomb never sits in memory;
- follows at most ``max_redirects`` redirects itself, each hop checked: http(s) only,
  no private or loopback address unless allowed, and only to the original host or one
  in ``allowed_hosts`` (``*.example.gov.cn`` allows subdomains);
- connects only to addresses it has checked: each host name is resolved once per
  connection, refused when it resolves to a private, loopback or link-local address (unless
  allowed), and the connection goes to the address checked (flows.fetching.guard), so a DNS
  answer that changes between the check and the connection changes nothing;
- sends ``If-None-Match`` / ``If-Modified-Since`` when given; a 304 is a result, not an error.

Every failure raises ``FetchError(url, reason)`` with a reason an operator can read.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from flows.config import check_url
from flows.errors import FetchError
from flows.fetching.guard import ALLOW_PRIVATE, AddressRefused, GuardedTransport
from flows.fetching.urls import host_of
from flows.settings import Settings

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504, 520, 521, 522, 523, 524})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: parse at least 500 KiB
MAX_CRAWL_DELAY = 60.0
TOTAL_TIMEOUT_FACTOR = 6  # a body still trickling in after 6x the timeout is abandoned


@dataclass(frozen=True, slots=True)
class Fetched:
    """One successful (2xx) or not-modified (304) response, body read and decompressed."""

    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int
    headers: dict[str, str]  # lower-cased names
    body: bytes

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


class _Retryable(Exception):
    """One attempt failed in a way worth retrying."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


class _Fatal(Exception):
    """One attempt failed in a way that retrying will not mend."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class _Host:
    """Politeness state of one host name."""

    delay: float
    concurrency: int
    slots: asyncio.Semaphore = field(init=False)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_start: float = 0.0  # monotonic time before which no request may start

    def __post_init__(self) -> None:
        self.slots = asyncio.Semaphore(self.concurrency)


class PoliteClient:
    """One per run; see the module docstring. Use as ``async with`` or call ``aclose()``."""

    def __init__(
        self,
        settings: Settings,
        *,
        delay_seconds: float | None = None,
        concurrency: int | None = None,
        allowed_hosts: Iterable[str] = (),
        allow_private_network: bool = False,
        transport: httpx.AsyncBaseTransport | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.settings = settings
        self.delay = settings.delay_seconds if delay_seconds is None else delay_seconds
        self.concurrency = max(1, settings.concurrency_per_host if concurrency is None else concurrency)
        self.allowed_hosts = tuple(h.lower().rstrip(".") for h in allowed_hosts)
        self.allow_private_network = allow_private_network
        self._rng = rng or random.Random()
        self._hosts: dict[str, _Host] = {}
        self._host_limits: dict[str, tuple[float | None, int | None]] = {}
        self._robots: dict[str, asyncio.Future[RobotFileParser | str]] = {}
        self.requests = 0  # request starts, retries and redirect hops included
        limits = httpx.Limits(max_connections=None, max_keepalive_connections=20)
        self._client = httpx.AsyncClient(
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(settings.timeout_seconds),
            follow_redirects=False,
            limits=limits,
            transport=transport or GuardedTransport(limits=limits),
            trust_env=False,
        )

    @classmethod
    def for_source(cls, source, settings: Settings, **kwargs) -> PoliteClient:
        """A client with the source's overrides (delay, concurrency, hosts, private network)."""
        return cls(
            settings,
            delay_seconds=source.delay_seconds,
            concurrency=source.concurrency,
            allowed_hosts=source.allowed_hosts,
            allow_private_network=source.allow_private_network,
            **kwargs,
        )

    async def __aenter__(self) -> PoliteClient:
        return self

    async def __aexit__(self, *exc) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    def limit_host(self, host: str, *, delay_seconds: float | None, concurrency: int | None) -> None:
        """Per-host overrides (a source's own); effective for hosts not yet contacted."""
        self._host_limits[host.lower()] = (delay_seconds, concurrency)

    # -- politeness -------------------------------------------------------------------

    def _host(self, host: str) -> _Host:
        state = self._hosts.get(host)
        if state is None:
            delay, conc = self._host_limits.get(host, (None, None))
            state = _Host(
                delay=self.delay if delay is None else delay,
                concurrency=max(1, self.concurrency if conc is None else conc),
            )
            self._hosts[host] = state
        return state

    async def _wait_turn(self, state: _Host) -> None:
        """Called holding a slot: wait until the host's next start time, then claim it."""
        async with state.lock:
            now = time.monotonic()
            if state.next_start > now:
                await asyncio.sleep(state.next_start - now)
                now = time.monotonic()
            state.next_start = now + state.delay

    def _pause_host(self, state: _Host, seconds: float) -> None:
        state.next_start = max(state.next_start, time.monotonic() + seconds)

    def _host_allowed(self, host: str, origin_host: str, extra: tuple[str, ...]) -> bool:
        if host == origin_host:
            return True
        for allowed in self.allowed_hosts + extra:
            if allowed.startswith("*."):
                if host.endswith(allowed[1:]) or host == allowed[2:]:
                    return True
            elif host == allowed:
                return True
        return False

    # -- robots.txt ---------------------------------------------------------------------

    async def _robots_for(self, url: str, allow_private: bool) -> RobotFileParser | str:
        """The parsed robots.txt of the URL's origin, or a reason everything is disallowed."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        fut = self._robots.get(origin)
        if fut is None:
            fut = asyncio.get_running_loop().create_future()
            self._robots[origin] = fut
            try:
                fut.set_result(await self._load_robots(origin, allow_private))
            except BaseException as e:  # cancelled: let the next caller try again
                del self._robots[origin]
                fut.set_exception(e)
                fut.exception()  # retrieved: no "never retrieved" warning
                raise
        return await asyncio.shield(fut)

    async def _load_robots(self, origin: str, allow_private: bool) -> RobotFileParser | str:
        robots_url = origin + "/robots.txt"
        parser = RobotFileParser(robots_url)
        try:
            got = await self._request(
                robots_url, {}, max_bytes=ROBOTS_MAX_BYTES, check_robots=False, allow_private=allow_private
            )
        except FetchError as e:
            if e.reason.startswith("HTTP 4"):
                parser.allow_all = True
                return parser
            if e.reason.startswith(_NO_ANSWER):  # the site itself is down, not its robots.txt
                return f"host unreachable ({e.reason})"
            if e.reason.startswith("refused"):  # a private address: nothing of the origin is fetched
                return e.reason
            return f"robots.txt unreachable ({e.reason})"
        parser.parse(got.body.decode("utf-8", errors="replace").splitlines())
        delay = parser.crawl_delay(self.settings.user_agent)
        if delay:
            state = self._host(host_of(origin))
            state.delay = max(state.delay, min(float(delay), MAX_CRAWL_DELAY))
        return parser

    async def allowed_by_robots(self, url: str) -> bool:
        robots = await self._robots_for(url, self.allow_private_network)
        return not isinstance(robots, str) and robots.can_fetch(self.settings.user_agent, url)

    async def _check_robots(self, url: str, allow_private: bool) -> None:
        robots = await self._robots_for(url, allow_private)
        if isinstance(robots, str):
            raise FetchError(url, robots if robots.startswith(("host unreachable", "refused")) else f"disallowed: {robots}")
        if not robots.can_fetch(self.settings.user_agent, url):
            raise FetchError(url, "disallowed by robots.txt")

    # -- fetching -----------------------------------------------------------------------

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        allowed_hosts: Iterable[str] = (),
        allow_private_network: bool | None = None,
    ) -> Fetched:
        """GET ``url``: a 2xx or 304 ``Fetched``, or ``FetchError`` with a readable reason."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return await self._request(
            url,
            headers,
            max_bytes=self.settings.max_bytes,
            check_robots=True,
            extra_hosts=tuple(h.lower().rstrip(".") for h in allowed_hosts),
            allow_private=self.allow_private_network if allow_private_network is None else allow_private_network,
        )

    async def _request(
        self,
        url: str,
        headers: dict[str, str],
        *,
        max_bytes: int,
        check_robots: bool,
        extra_hosts: tuple[str, ...] = (),
        allow_private: bool | None = None,
    ) -> Fetched:
        allow_private = self.allow_private_network if allow_private is None else allow_private
        origin_host = host_of(url)
        current = url
        for hop in range(self.settings.max_redirects + 1):
            try:
                check_url(current, allow_private=allow_private)
            except ValueError as e:
                raise FetchError(url, f"refused {current}: {e}") from None
            host = host_of(current)
            if hop and not self._host_allowed(host, origin_host, extra_hosts):
                raise FetchError(url, f"redirect to host {host} not allowed")
            if check_robots:
                await self._check_robots(current, allow_private)
            status, resp_headers, body = await self._with_retries(current, headers, max_bytes, allow_private)
            if status in REDIRECT_STATUSES:
                location = resp_headers.get("location")
                if not location:
                    raise FetchError(url, f"HTTP {status} redirect without a Location header")
                current = urljoin(current, location.strip())
                continue
            if status == 304 or 200 <= status < 300:
                return Fetched(url=url, final_url=current, status=status, headers=resp_headers, body=body)
            raise FetchError(url, _status_reason(status))
        raise FetchError(url, f"too many redirects ({self.settings.max_redirects})")

    async def _with_retries(
        self, url: str, headers: dict[str, str], max_bytes: int, allow_private: bool
    ) -> tuple[int, dict[str, str], bytes]:
        state = self._host(host_of(url))
        attempts = self.settings.retries + 1
        for attempt in range(1, attempts + 1):
            try:
                async with state.slots:
                    await self._wait_turn(state)
                    self.requests += 1
                    return await self._attempt(url, headers, max_bytes, allow_private)
            except _Fatal as e:
                raise FetchError(url, e.reason) from None
            except _Retryable as e:
                if e.retry_after is not None and e.retry_after > self.settings.max_retry_after_seconds:
                    raise FetchError(
                        url,
                        f"{e.reason}: Retry-After {e.retry_after:g} s exceeds the "
                        f"{self.settings.max_retry_after_seconds:g} s limit",
                    ) from None
                if attempt == attempts:
                    raise FetchError(url, f"{e.reason} ({attempts} attempt{'s' if attempts > 1 else ''})") from None
                backoff = self.settings.backoff_seconds * 2 ** (attempt - 1)
                wait = backoff * (0.5 + self._rng.random())  # jitter: 0.5x to 1.5x
                if e.retry_after is not None:
                    self._pause_host(state, e.retry_after)  # the whole host waits, not just us
                    wait = max(wait, e.retry_after)
                await asyncio.sleep(wait)
        raise AssertionError("unreachable")

    async def _attempt(self, url: str, headers: dict[str, str], max_bytes: int,
                       allow_private: bool) -> tuple[int, dict[str, str], bytes]:
        timeout = self.settings.timeout_seconds
        try:
            async with asyncio.timeout(timeout * TOTAL_TIMEOUT_FACTOR):
                async with self._client.stream("GET", url, headers=headers,
                                               extensions={ALLOW_PRIVATE: allow_private}) as resp:
                    resp_headers = {k.lower(): v for k, v in resp.headers.items()}
                    status = resp.status_code
                    if status in RETRY_STATUSES:
                        raise _Retryable(_status_reason(status), _retry_after(resp_headers.get("retry-after")))
                    if status in REDIRECT_STATUSES or status == 304 or not 200 <= status < 300:
                        return status, resp_headers, b""
                    body = await _read_body(resp, resp_headers, max_bytes)
                    return status, resp_headers, body
        except AddressRefused as e:
            raise _Fatal(f"refused {url}: {e}") from None
        except TimeoutError:
            raise _Retryable(f"timed out after {timeout * TOTAL_TIMEOUT_FACTOR} s reading the body") from None
        except httpx.TimeoutException:
            raise _Retryable(f"timed out after {timeout} s") from None
        except httpx.ConnectError as e:
            raise _Retryable(f"connection failed: {e or type(e).__name__}") from None
        except _Truncated as e:
            raise _Retryable(str(e)) from None
        except (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError):
            raise _Retryable("connection reset") from None
        except (httpx.UnsupportedProtocol, httpx.InvalidURL, httpx.LocalProtocolError) as e:
            raise _Fatal(f"cannot request: {e}") from None
        except httpx.HTTPError as e:
            raise _Retryable(f"{type(e).__name__}: {e}") from None


# reasons of a request that got no HTTP answer at all (see _attempt)
_NO_ANSWER = ("connection failed", "timed out", "connection reset")


class _Truncated(Exception):
    """The connection closed before the body was complete."""


async def _read_body(resp: httpx.Response, headers: dict[str, str], max_bytes: int) -> bytes:
    """The decompressed body, read as a stream, stopping as soon as it passes ``max_bytes``."""
    declared = headers.get("content-length")
    expected = int(declared) if declared and declared.strip().isdigit() else None
    encodings = [e.strip().lower() for e in headers.get("content-encoding", "").split(",") if e.strip()]
    encodings = [e for e in encodings if e != "identity"]
    too_large = f"response larger than {max_bytes} bytes"
    if resp.is_stream_consumed:  # a response built in memory (httpx.MockTransport)
        if len(resp.content) > max_bytes:
            raise _Fatal(too_large)
        return resp.content
    if not encodings and expected is not None and expected > max_bytes:
        raise _Fatal(too_large)
    if any(e not in ("gzip", "x-gzip", "deflate") for e in encodings):
        # Unusual encodings (br, zstd) are left to httpx's decoders; size checked per chunk.
        out = bytearray()
        try:
            async for chunk in resp.aiter_bytes():
                out += chunk
                if len(out) > max_bytes:
                    raise _Fatal(too_large)
        except httpx.DecodingError as e:
            raise _Fatal(f"cannot decode {', '.join(encodings)} body: {e}") from None
        return bytes(out)
    decoders = [_Inflater(e) for e in reversed(encodings)]
    out = bytearray()
    try:
        async for raw in resp.aiter_raw():
            data = raw
            for i, decoder in enumerate(decoders):
                limit = max_bytes - len(out) + 1 if i == len(decoders) - 1 else max_bytes + 1
                data = decoder.feed(data, limit)
            out += data
            if len(out) > max_bytes:
                raise _Fatal(too_large)
    except (httpx.ReadError, httpx.RemoteProtocolError):
        received = resp.num_bytes_downloaded
        if expected is not None:
            raise _Truncated(f"truncated body: got {received} of {expected} bytes") from None
        raise _Truncated(f"truncated body: connection closed after {received} bytes") from None
    except zlib.error as e:
        raise _Fatal(f"invalid {', '.join(encodings)} body: {e}") from None
    received = resp.num_bytes_downloaded
    if expected is not None and received < expected:
        raise _Truncated(f"truncated body: got {received} of {expected} bytes")
    for decoder in decoders:
        if not decoder.finished:
            raise _Truncated(f"truncated body: {decoder.name} stream ended early after {received} bytes")
    return bytes(out)


class _Inflater:
    """gzip or deflate, undone chunk by chunk with at most ``limit`` bytes out per call."""

    def __init__(self, name: str) -> None:
        self.name = "gzip" if name == "x-gzip" else name
        self._first = True
        self._obj = self._new()

    def _new(self, raw_deflate: bool = False):
        if self.name == "gzip":
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        return zlib.decompressobj(-zlib.MAX_WBITS if raw_deflate else zlib.MAX_WBITS)

    @property
    def finished(self) -> bool:
        return self._obj.eof or self._first

    def feed(self, data: bytes, limit: int) -> bytes:
        out = bytearray()
        while data and len(out) < limit:
            try:
                chunk = self._obj.decompress(data, limit - len(out))
            except zlib.error:
                if self.name == "deflate" and self._first:  # servers send raw deflate too
                    self._obj = self._new(raw_deflate=True)
                    self._first = False
                    continue
                raise
            self._first = False
            out += chunk
            if self._obj.eof:
                data = self._obj.unused_data  # concatenated gzip members
                if data and self.name == "gzip":
                    self._obj = self._new()
                else:
                    break
            else:
                data = self._obj.unconsumed_tail
        return bytes(out)


def _status_reason(status: int) -> str:
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None if absent/bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())
