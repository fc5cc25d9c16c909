"""The Prefect API that `pressetl run` talks to: the configured one, checked before the run, or
a temporary one of its own.

    url = configured_api_url()          # PREFECT_API_URL from the environment or the profile
    if url:
        check_reachable(url)            # ApiUnreachable: one line, exit status 3
    with temporary_api() as url:        # when none is configured
        ...

Why not Prefect's own temporary server (ephemeral mode): it runs in the terminal's process
group, so the Ctrl-C meant for the run stops the server as well, and the run's last words (its
state, its logs and events) then wait on a server that is gone: the events client retries the
websocket and the shutdown drain never ends. This one runs in a session of its own, so Ctrl-C
reaches only the run; the run records its end, Prefect's log and event queues are drained
(``drain``, bounded), and then the server is stopped. A pipe on the server's stdin ties it to
this process: when this process ends, however it ends (SIGKILL too), the server reads
end-of-file and shuts down.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from flows.errors import PressetlError

STARTUP_SECONDS = 60.0  # a cold start (database migrations) takes about 10 s on a small machine
STOP_SECONDS = 3.0  # then the server is killed
DRAIN_SECONDS = 5.0  # Prefect's log and event queues get this long to empty after a run


class ApiUnreachable(PressetlError):
    """PREFECT_API_URL names a server that does not answer."""


class ServerStartFailed(PressetlError):
    """The temporary Prefect server did not come up."""


def configured_api_url() -> str | None:
    """PREFECT_API_URL as Prefect reads it (environment, then the active profile), or None."""
    from prefect.settings import get_current_settings

    return get_current_settings().api.url or None


def unreachable_message(url: str, reason: str) -> str:
    return (f"the Prefect API at {url} is not reachable ({reason}); start it with `prefect server start`, "
            "or run without it: `pressetl run --plain`")


def check_reachable(url: str, timeout: float = 5.0) -> None:
    """Raise ApiUnreachable unless the API answers its health check within ``timeout``."""
    import httpx

    try:
        r = httpx.get(url.rstrip("/") + "/health", timeout=timeout)
    except httpx.ConnectError:
        raise ApiUnreachable(unreachable_message(url, "connection refused")) from None
    except httpx.TimeoutException:
        raise ApiUnreachable(unreachable_message(url, f"no answer within {timeout:g} s")) from None
    except httpx.HTTPError as e:
        raise ApiUnreachable(unreachable_message(url, f"{type(e).__name__}: {e}")) from None
    if r.status_code != 200:
        raise ApiUnreachable(unreachable_message(url, f"HTTP {r.status_code} from its health check"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def temporary_api(*, startup_seconds: float = STARTUP_SECONDS,
                  give_up: Callable[[], bool] | None = None) -> Iterator[str | None]:
    """A Prefect server for this process's runs, in its own session; yields its API URL (None
    when ``give_up()`` turned true while it was starting: a stop was requested)."""
    import httpx

    log = tempfile.TemporaryFile()
    env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
    env.pop("PREFECT_API_URL", None)
    proc: subprocess.Popen | None = None
    try:
        url = None
        for _attempt in range(3):  # another process may take the port between choosing and binding it
            port = _free_port()
            proc = subprocess.Popen([sys.executable, "-m", "flows.prefect_api", str(port)], stdin=subprocess.PIPE,
                                    stdout=log, stderr=log, env=env, start_new_session=True)
            deadline = time.monotonic() + startup_seconds
            with httpx.Client(timeout=2.0) as client:
                while proc.poll() is None and time.monotonic() < deadline:
                    if give_up is not None and give_up():
                        yield None
                        return
                    try:
                        if client.get(f"http://127.0.0.1:{port}/api/health").status_code == 200:
                            url = f"http://127.0.0.1:{port}/api"
                            break
                    except httpx.HTTPError:
                        pass
                    time.sleep(0.1)
            if url is not None:
                break
            if proc.poll() is None:
                raise ServerStartFailed(f"the temporary Prefect server did not answer within {startup_seconds:g} s; "
                                        "start one with `prefect server start`, or use `pressetl run --plain`")
        if url is None:
            log.seek(0)
            said = log.read().decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            raise ServerStartFailed(f"the temporary Prefect server exited at start ({said[0]}); "
                                    "use `pressetl run --plain` to run without Prefect")
        yield url
    finally:
        if proc is not None:
            _stop(proc)
        log.close()


def _stop(proc: subprocess.Popen) -> None:
    try:
        if proc.stdin:
            proc.stdin.close()  # the server's watcher reads end-of-file and stops it
    except OSError:
        pass
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def drain(timeout: float = DRAIN_SECONDS) -> None:
    """Send what Prefect still holds (log lines, events) to the API, waiting at most ``timeout``
    seconds for each queue; call it before the API goes away."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for service in (APILogWorker, EventsWorker):
        try:
            service.drain_all(timeout=timeout)
        except RuntimeError:  # never started
            pass


# ---------------------------------------------------------------- the server process


def _exit_with_parent() -> None:
    """Block until stdin closes (the parent ended or let go), then stop this server."""
    try:
        while sys.stdin.buffer.read(4096):
            pass
    except OSError:
        pass
    os.kill(os.getpid(), signal.SIGTERM)


def serve(port: int) -> None:
    import uvicorn

    threading.Thread(target=_exit_with_parent, name="parent-watch", daemon=True).start()
    uvicorn.run("prefect.server.api.server:create_app", factory=True, host="127.0.0.1", port=port,
                log_level="error", lifespan="on")


if __name__ == "__main__":
    serve(int(sys.argv[1]))
