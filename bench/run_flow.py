"""One process running the ingest flow as a worker's flow-run process would: import, run.

    python bench/run_flow.py SOURCES_YAML DB [--again]

Prints one JSON line: seconds from the process's start to the end of the first run (imports
included), the first run alone, and with --again a second run over the same, unchanged input
(the incremental cost). PREFECT_API_URL points the flow at a running server.
"""

from __future__ import annotations

import json
import sys
import time

T0 = time.perf_counter()

from flows.cli import _quiet_prefect  # noqa: E402

_quiet_prefect()

from flows.ingest import ingest  # noqa: E402


def timed(**kw) -> tuple[dict, float, float]:
    c0, t0 = time.process_time(), time.perf_counter()
    result = ingest(**kw)
    return result, round(time.perf_counter() - t0, 2), round(time.process_time() - c0, 2)


def main() -> None:
    cfg, db = sys.argv[1], sys.argv[2]
    first, wall, cpu = timed(config=cfg, db=db)
    out = {"process_s": round(time.perf_counter() - T0, 2), "run_s": wall, "run_cpu_s": cpu,
           "status": first["status"], "fetched": sum(s["fetched"] for s in first["sources"])}
    if "--again" in sys.argv:
        again, wall2, cpu2 = timed(config=cfg, db=db)
        out.update({"again_s": wall2, "again_cpu_s": cpu2, "again_status": again["status"],
                    "again_fetched": sum(s["fetched"] for s in again["sources"]),
                    "again_new": sum(s["new"] + s["changed"] for s in again["sources"])})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
