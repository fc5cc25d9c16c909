"""A real HTTP server on 127.0.0.1 for tests: routes, faults, a hit counter and a request log.

    with FixtureSite() as site:
        site.route("/list.html", Reply(body=b"<a href='/a/1.html'>1</a>", headers={"Content-Type": "text/html"}))
        site.route("/a/1.html", Reply(status=500), Reply(body=b"ok"))  # 500 once, then 200
        ...
        assert site.hits("/a/1.html") == 2
        assert site.max_in_flight() <= 2

A route is a path and one or more ``Reply``; the n-th hit gets the n-th reply, the last one
repeating. A request's path with its query string is looked up first, then without it. Unknown paths are 404. ``robots`` is served at
/robots.txt (None: 404). Conditional GET is honoured for replies with an ``etag`` or
``last_modified``. Faults (``Reply.fault``):

    "reset"     close the connection with a TCP RST before answering
    "truncate"  declare Content-Length of the whole body, send ``truncate_at`` bytes, close
    "stream"    send ``stream_size`` bytes of zeros in 64 KiB chunks (Content-Length declared
                only if ``declare_length``), stopping when the client goes away

``delay`` sleeps before the status line (a slow server). Each request is logged as a ``Hit``
with its start and end (server clock, time.monotonic), the requests in flight to its host
when it started, and the bytes of body actually sent.
"""

from __future__ import annotations

import functools
import socket
import struct
import sys
import threading
import time
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    fault: str | None = None  # None | "reset" | "truncate" | "stream"
    truncate_at: int = 0
    stream_size: int = 0
    declare_length: bool = False
    etag: str | None = None
    last_modified: str | None = None


def html(text: str, *, charset: str | None = "utf-8", encoding: str | None = None, **kw) -> Reply:
    """An HTML reply: ``text`` encoded with ``encoding`` (default: charset), Content-Type with charset."""
    body = text.encode(encoding or charset or "utf-8")
    ctype = "text/html" + (f"; charset={charset}" if charset else "")
    headers = {"Content-Type": ctype, **kw.pop("headers", {})}
    return Reply(body=body, headers=headers, **kw)


@functools.cache
def gzip_bomb(size: int = 128 * 1024 * 1024) -> bytes:
    """gzip of ``size`` zero bytes (128 MiB -> about 130 KB), built once per test session."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1024 * 1024)
    parts = [comp.compress(zeros) for _ in range(size // len(zeros))]
    parts.append(comp.flush())
    return b"".join(parts)


@dataclass
class Hit:
    method: str
    path: str
    host: str
    headers: dict[str, str]
    start: float
    in_flight: int  # requests to this host in flight when this one started, itself included
    end: float | None = None
    status: int | None = None
    bytes_sent: int = 0


class FixtureSite:
    """A threaded HTTP/1.1 server on a free port of 127.0.0.1; a context manager."""

    def __init__(self, robots: str | None = "User-agent: *\nDisallow:\n") -> None:
        self.robots = robots
        self._routes: dict[str, list[Reply]] = {}
        self._lock = threading.Lock()
        self._in_flight: dict[str, int] = {}
        self.log: list[Hit] = []
        self._served: dict[str, int] = {}  # requests so far per path (query string left out)
        self.server_errors: list[BaseException] = []  # unexpected exceptions in the handler
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- configuration ----------------------------------------------------------------

    def route(self, path: str, *replies: Reply) -> None:
        self._routes[path] = list(replies) or [Reply()]

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    @property
    def port(self) -> int:
        assert self._server is not None, "the site is not running"
        return self._server.server_address[1]

    # -- what happened ------------------------------------------------------------------

    def hits(self, path: str | None = None) -> int:
        """Requests for ``path`` (with any query string if ``path`` has none), or all."""
        with self._lock:
            return sum(1 for h in self.log if path is None or h.path == path or h.path.split("?", 1)[0] == path)

    def paths(self) -> list[str]:
        with self._lock:
            return [h.path for h in self.log]

    def max_in_flight(self) -> int:
        with self._lock:
            return max((h.in_flight for h in self.log), default=0)

    def start_gaps(self, host: str | None = None) -> list[float]:
        """Seconds between consecutive request starts (to ``host``, default all)."""
        with self._lock:
            starts = sorted(h.start for h in self.log if host is None or h.host == host)
        return [b - a for a, b in zip(starts, starts[1:], strict=False)]

    def wait_idle(self, timeout: float = 5.0) -> None:
        """Wait until every logged request has ended (faults finish after the client left)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if all(h.end is not None for h in self.log):
                    return
            time.sleep(0.01)

    def clear_log(self) -> None:
        with self._lock:
            self.log.clear()
            self._served.clear()

    # -- serving ------------------------------------------------------------------------

    def _reply_for(self, path: str) -> Reply:
        if path == "/robots.txt" and path not in self._routes:
            if self.robots is None:
                return Reply(status=404, body=b"not found")
            return Reply(body=self.robots.encode(), headers={"Content-Type": "text/plain"})
        replies = self._routes.get(path) or self._routes.get(path.split("?", 1)[0])
        if replies is None:
            return Reply(status=404, body=b"<h1>404</h1>", headers={"Content-Type": "text/html"})
        with self._lock:
            # counted as requests begin (this one included), not by reading the log: a scan of the
            # whole log per request made the site slower with every request it had served, which
            # biased a bench against whichever side ran later
            n = self._served.get(path.split("?", 1)[0], 0) - 1
        return replies[min(n, len(replies) - 1)]

    def _begin(self, method: str, path: str, host: str, headers: dict[str, str]) -> Hit:
        with self._lock:
            self._in_flight[host] = self._in_flight.get(host, 0) + 1
            hit = Hit(method, path, host, headers, time.monotonic(), self._in_flight[host])
            self.log.append(hit)
            key = path.split("?", 1)[0]
            self._served[key] = self._served.get(key, 0) + 1
        return hit

    def _end(self, hit: Hit) -> None:
        with self._lock:
            self._in_flight[hit.host] -= 1
            hit.end = time.monotonic()

    def __enter__(self) -> FixtureSite:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms stall

            def log_message(self, format, *args):  # quiet
                pass

            def do_GET(self):
                host = (self.headers.get("Host") or "").rsplit(":", 1)[0].lower()
                hit = site._begin("GET", self.path, host, {k.lower(): v for k, v in self.headers.items()})
                try:
                    site._serve(self, hit, site._reply_for(self.path))
                except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
                    self.close_connection = True
                finally:
                    site._end(hit)

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            block_on_close = False

            def handle_error(self, request, client_address):
                # a client that hangs up on a kept-alive connection is not an error worth a traceback
                exc = sys.exc_info()[1]
                if not isinstance(exc, (ConnectionResetError, BrokenPipeError, ConnectionAbortedError, TimeoutError)):
                    site.server_errors.append(exc)
                    super().handle_error(request, client_address)

        server = Server(("127.0.0.1", 0), Handler)
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _serve(self, h: BaseHTTPRequestHandler, hit: Hit, r: Reply) -> None:
        if r.delay:
            time.sleep(r.delay)
        if r.fault == "reset":
            h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            h.close_connection = True
            hit.status = 0
            return
        status, body = r.status, r.body
        if (r.etag and h.headers.get("If-None-Match") == r.etag) or (
            r.last_modified and h.headers.get("If-Modified-Since") == r.last_modified
        ):
            status, body = 304, b""
        hit.status = status
        h.send_response(status)
        for k, v in r.headers.items():
            h.send_header(k, v)
        if r.etag:
            h.send_header("ETag", r.etag)
        if r.last_modified:
            h.send_header("Last-Modified", r.last_modified)
        if r.fault == "stream":
            if r.declare_length:
                h.send_header("Content-Length", str(r.stream_size))
            h.send_header("Connection", "close")
            h.end_headers()
            h.close_connection = True
            zeros = bytes(_CHUNK)
            while hit.bytes_sent < r.stream_size:
                n = min(_CHUNK, r.stream_size - hit.bytes_sent)
                h.wfile.write(zeros[:n])
                hit.bytes_sent += n
            return
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if r.fault == "truncate":
            h.wfile.write(body[: r.truncate_at])
            hit.bytes_sent = r.truncate_at
            h.wfile.flush()
            h.close_connection = True
            return
        if status != 304:
            h.wfile.write(body)
            hit.bytes_sent = len(body)
