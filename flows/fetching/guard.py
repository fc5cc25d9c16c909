"""Where requests may go: the addresses a host name resolves to are checked, and the connection
is made to an address that was checked.

    transport = GuardedTransport(limits=httpx.Limits(...))
    client = httpx.AsyncClient(transport=transport)
    await client.get(url, extensions={ALLOW_PRIVATE: False})    # the default: public addresses only

A check of the URL (flows.config.check_url) sees only what is written in it: ``localhost``,
``127.0.0.1``. A name can resolve to a private address (an intranet name, a record pointing at
169.254.169.254, ``2130706433`` which the resolver reads as 127.0.0.1), and a DNS answer can change
between a check and the connection (DNS rebinding). So the check is made where the connection is
made. httpcore asks its network backend for a TCP connection to (host, port); ``GuardedBackend``
resolves the host once, refuses the connection when any of its addresses is not public (unless
the request allows private networks), and connects to those same addresses, never resolving the
name again. TLS still checks the certificate against the host name (httpcore sends it as SNI),
and the Host header is the URL's.

Each request says whether private networks are allowed (the source's ``allow_private_network``)
in its extensions; the two kinds of request use two connection pools, so a connection opened for
a source that allows private networks is never reused by one that does not.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import anyio
import httpcore
import httpx

from flows.config import address_is_public

ALLOW_PRIVATE = "pressetl.allow_private_network"  # request extension: True lets private addresses through

Resolver = Callable[[str, int], Awaitable[list[str]]]


class AddressRefused(Exception):
    """A host name resolved to an address that is not public, and private networks are not allowed."""

    def __init__(self, host: str, address: str) -> None:
        what = "is" if host == address else f"resolves to {address}, which is"
        super().__init__(f"{host} {what} a private or loopback address (set allow_private_network: true to allow it)")
        self.host = host
        self.address = address


async def resolve(host: str, port: int) -> list[str]:
    """Every address of ``host``, in the resolver's order, without repeats."""
    infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    out: list[str] = []
    for info in infos:
        addr = str(info[4][0])
        if addr not in out:
            out.append(addr)
    return out


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend, resolving each host once and connecting only to checked addresses."""

    def __init__(self, *, allow_private: bool, resolver: Resolver | None = None,
                 inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self.allow_private = allow_private
        self._resolve = resolver or resolve
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                          socket_options: Iterable[Any] | None = None) -> httpcore.AsyncNetworkStream:
        try:
            literal = ipaddress.ip_address(host.split("%", 1)[0])
        except ValueError:
            literal = None
        try:
            if literal is not None:  # an address as written: nothing to resolve
                addresses = [host]
            else:
                with anyio.fail_after(timeout):
                    addresses = await self._resolve(host, port)
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"resolving {host} timed out") from None
        except OSError as e:
            raise httpcore.ConnectError(f"cannot resolve {host}: {e.strerror or e}") from None
        if not addresses:
            raise httpcore.ConnectError(f"{host} resolves to no address")
        if not self.allow_private:
            for addr in addresses:
                if not address_is_public(ipaddress.ip_address(addr.split("%", 1)[0])):
                    raise AddressRefused(host, addr)
        last: Exception | None = None
        for addr in addresses:  # the checked addresses themselves: the name is not resolved again
            try:
                return await self._inner.connect_tcp(addr, port, timeout=timeout, local_address=local_address,
                                                     socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as e:
                last = e
        assert last is not None
        raise last

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable[Any] | None = None) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("pressetl connects to TCP addresses only")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _Pool(httpx.AsyncHTTPTransport):
    """httpx's transport over a connection pool that connects through ``backend``."""

    def __init__(self, backend: httpcore.AsyncNetworkBackend, limits: httpx.Limits) -> None:
        super().__init__(limits=limits, trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=backend,
        )


class GuardedTransport(httpx.AsyncBaseTransport):
    """A transport with one pool for public addresses only and one that allows private ones,
    chosen per request by its ``ALLOW_PRIVATE`` extension (absent: public only)."""

    def __init__(self, *, limits: httpx.Limits, resolver: Resolver | None = None,
                 inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._pools = {
            allow: _Pool(GuardedBackend(allow_private=allow, resolver=resolver, inner=inner), limits)
            for allow in (False, True)
        }

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._pools[bool(request.extensions.get(ALLOW_PRIVATE))].handle_async_request(request)

    async def aclose(self) -> None:
        for pool in self._pools.values():
            await pool.aclose()
