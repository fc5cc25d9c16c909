"""The pipeline against its no-orchestration reference, side by side.

A local site on 127.0.0.1 serves N article pages built from the bundled samples (each made
unique) behind one listing page. Two runs, each in its own process, ingest it into fresh DuckDB
files:

  reference  `pressetl run --plain`: the same acquire, clean, extract and load stages, no Prefect
  flow       `pressetl run`: the Prefect flow in ephemeral mode (tasks per source and per batch)

and a third, `flow_warm`: the same flow timed in a process whose Prefect API is already up (a
first run on the bundled samples warms it), as a worker with a running server sees it.
Reported: wall seconds, CPU seconds, peak RSS, documents per second, and ratios to the reference.

    .venv/bin/python bench/bench_pipeline.py [--pages 400] [--repeat 1]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.flows.fixture_site import FixtureSite, Reply  # noqa: E402


def sample_pages() -> list[bytes]:
    files = sorted((ROOT / "flows" / "samples").rglob("*.htm*"))
    if not files:
        raise SystemExit("no sample pages under flows/samples")
    return [f.read_bytes() for f in files]


def build_site(site: FixtureSite, n: int) -> str:
    pages = sample_pages()
    links = []
    for i in range(n):
        body = pages[i % len(pages)]
        # make each page a distinct document: a marker paragraph before </body>
        marker = f"<p>No. {i:05d}</p>".encode()  # ASCII: valid in every encoding of the samples
        body = body.replace(b"</body>", marker + b"</body>", 1) if b"</body>" in body else body + marker
        ctype = "text/html; charset=gb18030" if b"charset=gb" in body[:2000].lower() else "text/html"
        site.route(f"/a/{i}.html", Reply(body=body, headers={"Content-Type": ctype}))
        links.append(f'<li><a href="/a/{i}.html">稿件{i}</a></li>')
    site.route("/list.html", Reply(body=("<html><body><ul>" + "".join(links) + "</ul></body></html>").encode(),
                                   headers={"Content-Type": "text/html; charset=utf-8"}))
    return site.url("/list.html")


def run(cmd: list[str], env: dict[str, str]) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        print(p.stdout[-2000:], p.stderr[-4000:], file=sys.stderr)
        raise SystemExit(f"{' '.join(cmd)} exited {p.returncode}")
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 2),
        "peak_rss_mb": round(after.ru_maxrss / 1024, 1),  # the largest child so far (Linux: KiB)
    }


WARM = """
import json, resource, sys, time
from flows.cli import _quiet_prefect
_quiet_prefect()
from flows.ingest import ingest
ingest(db=sys.argv[3])  # warm-up: starts the API, imports, one small run
c0 = time.process_time(); t0 = time.perf_counter()
ingest(config=sys.argv[1], db=sys.argv[2])
print(json.dumps({"wall_s": round(time.perf_counter() - t0, 2), "cpu_s": round(time.process_time() - c0, 2),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""


def run_warm(cfg: Path, db: Path, scratch: Path, env: dict[str, str]) -> dict:
    p = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-c", WARM, str(cfg), str(db), str(scratch)],
                       env=env, capture_output=True, text=True, cwd=ROOT)
    if p.returncode != 0:
        print(p.stderr[-4000:], file=sys.stderr)
        raise SystemExit("warm flow run failed")
    return json.loads(p.stdout.strip().splitlines()[-1])


def count(db: Path, sql: str) -> int:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=400)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "pipeline.json"))
    args = ap.parse_args()
    exe = str(ROOT / ".venv" / "bin" / "pressetl")
    results: dict[str, dict] = {}
    with FixtureSite() as site, tempfile.TemporaryDirectory() as tmp:
        listing = build_site(site, args.pages)
        cfg = Path(tmp) / "sources.yaml"
        cfg.write_text(
            "sources:\n"
            "  - name: bench\n    kind: http\n    region: 云南省\n"
            f"    url: {listing}\n    link_pattern: '/a/\\d+\\.html$'\n"
            "    allow_private_network: true\n    delay_seconds: 0\n    concurrency: 8\n",
            encoding="utf-8",
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_URL")}
        env["PREFECT_HOME"] = str(Path(tmp) / "prefect-home")
        for name, extra in (("reference", ["--plain"]), ("flow", [])):
            db = Path(tmp) / f"{name}.duckdb"
            r = run([exe, "run", "--config", str(cfg), "--db", str(db), *extra], env)
            r["documents"] = count(db, "SELECT count(*) FROM documents")
            r["figures"] = count(db, "SELECT count(*) FROM extracted_figures")
            r["docs_per_s"] = round(r["documents"] / r["wall_s"], 1)
            results[name] = r
            print(f"{name:10s} {json.dumps(r)}")
        db = Path(tmp) / "warm.duckdb"
        r = run_warm(cfg, db, Path(tmp) / "scratch.duckdb", env)
        r["documents"] = count(db, "SELECT count(*) FROM documents")
        r["figures"] = count(db, "SELECT count(*) FROM extracted_figures")
        r["docs_per_s"] = round(r["documents"] / r["wall_s"], 1)
        results["flow_warm"] = r
        print(f"{'flow_warm':10s} {json.dumps(r)}")
    ref = results["reference"]
    ratios = {
        name: {k: round(results[name][k] / ref[k], 2) for k in ("wall_s", "cpu_s", "peak_rss_mb") if ref[k]}
        for name in ("flow", "flow_warm")
    }
    for name, rat in ratios.items():
        print(f"{name} / reference: {json.dumps(rat)}  ({args.pages} pages, {os.cpu_count()} cores)")
    for name in ("flow", "flow_warm"):
        assert (ref["documents"], ref["figures"]) == (results[name]["documents"], results[name]["figures"]), name
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"pages": args.pages, "results": results, "ratios": ratios}, indent=1))


if __name__ == "__main__":
    main()
