"""The ingest flow against its no-orchestration reference, side by side in one run.

A local site on 127.0.0.1 serves article pages built from the bundled samples (each made
unique, with an ETag) behind listing pages; a folder holds the same pages as files. A Prefect
server runs for the whole bench, as it would in production. Each measurement is its own
process, one after the other:

  reference http   bench/reference.py: httpx fetch, the project's clean and extract in a
                   2-process pool, one Arrow load into DuckDB (no Prefect, no increments)
  flow http        bench/run_flow.py: the ingest flow against the server, from process start
                   (imports included) to the end of the run; then the same flow again over
                   the unchanged site, in the same process (the incremental cost)
  reference dir,   the same over the folder
  flow dir
  flow http big    the flow over --big pages, for its peak memory

Each pair runs --repeat times (3 by default), the two sides taking turns (reference, flow,
reference, flow, ...), and the fastest of each side counts: other work on a shared machine only
ever slows a run down, and taking turns gives both sides the same chances of a quiet moment. The
load average is printed at the start and the end and with every run, and stored in the results,
so a figure can be read against how busy the machine was. Speed is reported as reference wall / flow wall (1.0: as fast as the reference; targets
>= 0.85 over HTTP and >= 0.9 over a folder); memory as the peak of the flow's whole process
tree (the flow process, its forkserver and worker processes), sampled every 0.1 s.

    .venv/bin/python bench/bench_pipeline.py [--pages 5000] [--big 20000] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.flows.fixture_site import FixtureSite, Reply  # noqa: E402

PY = str(ROOT / ".venv" / "bin" / "python")
PREFECT = str(ROOT / ".venv" / "bin" / "prefect")


def sample_pages() -> list[bytes]:
    files = sorted((ROOT / "flows" / "samples").rglob("*.htm*"))
    if not files:
        raise SystemExit("no sample pages under flows/samples")
    return [f.read_bytes() for f in files]


def page(pages: list[bytes], i: int) -> bytes:
    body = pages[i % len(pages)]
    # make each page a distinct document: a marker paragraph before </body>
    marker = f"<p>No. {i:05d}</p>".encode()  # ASCII: valid in every encoding of the samples
    return body.replace(b"</body>", marker + b"</body>", 1) if b"</body>" in body else body + marker


def build_site(site: FixtureSite, sizes: list[int]) -> dict[int, str]:
    """Articles /a/0.html ... and one listing per size (its first n articles); -> size: listing URL."""
    pages = sample_pages()
    for i in range(max(sizes)):
        body = page(pages, i)
        ctype = "text/html; charset=gb18030" if b"charset=gb" in body[:2000].lower() else "text/html"
        site.route(f"/a/{i}.html", Reply(body=body, headers={"Content-Type": ctype}, etag=f'"a{i}"'))
    out = {}
    for n in sizes:
        links = "".join(f'<li><a href="/a/{i}.html">稿件{i}</a></li>' for i in range(n))
        site.route(f"/list{n}.html", Reply(body=f"<html><body><ul>{links}</ul></body></html>".encode(),
                                           headers={"Content-Type": "text/html; charset=utf-8"}, etag=f'"l{n}"'))
        out[n] = site.url(f"/list{n}.html")
    return out


def build_folder(folder: Path, n: int) -> None:
    pages = sample_pages()
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"{i:06d}.html").write_bytes(page(pages, i))


def sources_yaml(path: Path, *, listing: str | None = None, folder: Path | None = None) -> Path:
    if listing:
        src = (f"    kind: http\n    url: {listing}\n    link_pattern: '/a/\\d+\\.html$'\n"
               "    allow_private_network: true\n    delay_seconds: 0\n    concurrency: 16\n    max_pages: 1\n")
    else:
        src = f"    kind: directory\n    path: {folder}\n    glob: ['*.html']\n"
    path.write_text(f"sources:\n  - name: bench\n    region: 云南省\n{src}", encoding="utf-8")
    return path


# ---------------------------------------------------------------- processes and memory


def _tree_rss_kib(pid: int) -> int:
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
            for tid in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{tid}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
    return total


def run(cmd: list[str], env: dict[str, str]) -> tuple[dict, float, float]:
    """(the JSON line it printed, wall seconds, peak RSS of its process tree in MB)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kib(p.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = p.communicate()
    wall = time.perf_counter() - t0
    done.set()
    sampler.join()
    if p.returncode != 0:
        print(out[-2000:], err[-4000:], file=sys.stderr)
        raise SystemExit(f"{' '.join(cmd)} exited {p.returncode}")
    return json.loads(out.strip().splitlines()[-1]), round(wall, 2), round(peak / 1024, 1)


def load_avg() -> list[float]:
    """The machine's load average over 1, 5 and 15 minutes (2 cores: above 2, others' work waits for a core)."""
    return [round(x, 2) for x in os.getloadavg()]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(home: Path) -> tuple[subprocess.Popen, dict[str, str]]:
    import httpx

    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "PRESSETL_"))}
    env.update({"PREFECT_HOME": str(home), "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
                "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_SERVER_UI_ENABLED": "false",
                "PREFECT_SERVER_LOGGING_LEVEL": "WARNING"})
    log = open(home.parent / "server.log", "w")  # noqa: SIM115 (closed with the bench)
    p = subprocess.Popen([PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port), "--no-ui"],
                         env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return p, env
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    p.kill()
    raise SystemExit("prefect server did not start")


def count(db: Path, sql: str) -> int:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


# ---------------------------------------------------------------- the bench


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--big", type=int, default=20000, help="pages for the memory run (0: skip it)")
    ap.add_argument("--workers", type=int, default=2, help="processes of the reference's pool")
    ap.add_argument("--repeat", type=int, default=3,
                    help="reference/flow pairs per source kind; the fastest of each counts (the machine is shared)")
    ap.add_argument("--runners", default="", help="also time the flow over HTTP with these task runners "
                    "(comma-separated: processes, dask), once each")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "pipeline.json"))
    args = ap.parse_args()
    n = args.pages
    res: dict[str, dict] = {}
    load_start = load_avg()
    print(f"load average at the start: {load_start}", flush=True)
    with FixtureSite() as site, tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        listings = build_site(site, [n] + ([args.big] if args.big else []))
        folder = tmp / "pages"
        build_folder(folder, n)
        (tmp / "prefect-home").mkdir()
        server, env = start_server(tmp / "prefect-home")
        try:
            # a first flow run against the fresh server creates its flow and deployment rows
            run([PY, "bench/run_flow.py", str(sources_yaml(tmp / "warm.yaml", folder=ROOT / "flows" / "samples" / "yunnan")),
                 str(tmp / "warm.duckdb")], env)
            http_cfg = sources_yaml(tmp / "http.yaml", listing=listings[n])
            dir_cfg = sources_yaml(tmp / "dir.yaml", folder=folder)
            for kind, where, cfg in (("http", listings[n], http_cfg), ("dir", str(folder), dir_cfg)):
                for r in range(args.repeat):
                    db = tmp / f"ref-{kind}-{r}.duckdb"
                    out, wall, rss = run([PY, "bench/reference.py", kind, where, str(db), "--workers",
                                          str(args.workers)], env)
                    got = {"wall_s": wall, "peak_rss_mb": rss, **out, "load_avg": load_avg()}
                    print(f"reference {kind:4s} {json.dumps(got)}", flush=True)
                    if wall < res.get(f"reference_{kind}", {"wall_s": 1e9})["wall_s"]:
                        res[f"reference_{kind}"] = got
                    db = tmp / f"flow-{kind}-{r}.duckdb"
                    out, wall, rss = run([PY, "bench/run_flow.py", str(cfg), str(db), "--again"], env)
                    out.update(wall_s=wall, peak_rss_mb=rss, documents=count(db, "SELECT count(*) FROM documents"),
                               figures=count(db, "SELECT count(*) FROM extracted_figures"), load_avg=load_avg())
                    print(f"flow      {kind:4s} {json.dumps(out)}", flush=True)
                    if out["process_s"] < res.get(f"flow_{kind}", {"process_s": 1e9})["process_s"]:
                        res[f"flow_{kind}"] = out
            for runner in filter(None, args.runners.split(",")):
                db = tmp / f"flow-{runner}.duckdb"
                out, wall, rss = run([PY, "bench/run_flow.py", str(http_cfg), str(db)],
                                     {**env, "PRESSETL_TASK_RUNNER": runner})
                out.update(wall_s=wall, peak_rss_mb=rss, documents=count(db, "SELECT count(*) FROM documents"))
                res[f"flow_http_{runner}"] = out
                print(f"flow {runner:9s} http {json.dumps(out)}", flush=True)
            if args.big:
                db = tmp / "flow-big.duckdb"
                out, wall, rss = run([PY, "bench/run_flow.py", str(sources_yaml(tmp / "big.yaml", listing=listings[args.big])),
                                      str(db)], env)
                out.update(wall_s=wall, peak_rss_mb=rss, documents=count(db, "SELECT count(*) FROM documents"),
                           load_avg=load_avg())
                res["flow_http_big"] = out
                print(f"flow big  http {json.dumps(out)}", flush=True)
        finally:
            server.terminate()
            server.wait(30)

    load_end = load_avg()
    ratios = {}
    for kind in ("http", "dir"):
        ref, flow = res[f"reference_{kind}"], res[f"flow_{kind}"]
        if (ref["documents"], ref["figures"]) != (flow["documents"], flow["figures"]):
            raise SystemExit(f"{kind}: the flow stored {flow['documents']} documents and {flow['figures']} figures, "
                             f"the reference {ref['documents']} and {ref['figures']}")
        ratios[f"speed_{kind}"] = round(ref["wall_s"] / flow["process_s"], 2)
        ratios[f"incremental_{kind}"] = round(flow["again_s"] / flow["run_s"], 3)
    print()
    print(f"{n} pages, {os.cpu_count()} cores, a Prefect server on 127.0.0.1; reference: {args.workers}-process pool; "
          f"fastest of {args.repeat}; load average (1, 5, 15 min) {load_start} at the start, {load_end} at the end")
    print(f"  speed over HTTP     reference / flow wall: {ratios['speed_http']:.2f}x  (target >= 0.85)")
    print(f"  speed over a folder reference / flow wall: {ratios['speed_dir']:.2f}x  (target >= 0.9)")
    for kind in ("http", "dir"):
        f = res[f"flow_{kind}"]
        print(f"  second run over the unchanged {kind:4s}: {f['again_s']:.2f} s of {f['run_s']:.2f} s = "
              f"{100 * ratios[f'incremental_{kind}']:.1f} %  (target <= 5 %)")
    for runner in filter(None, args.runners.split(",")):
        ratios[f"speed_http_{runner}"] = round(res["reference_http"]["wall_s"] / res[f"flow_http_{runner}"]["process_s"], 2)
        print(f"  speed over HTTP with task_runner={runner}: {ratios[f'speed_http_{runner}']:.2f}x")
    if args.big:
        ratios["peak_rss_big_mb"] = res["flow_http_big"]["peak_rss_mb"]
        print(f"  peak RSS of the flow's processes at {args.big} pages over HTTP: "
              f"{ratios['peak_rss_big_mb']:.0f} MB  (target < 1024 MB; {res['flow_http_big']['wall_s']:.1f} s)")
    out_path = Path(args.out)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps({"pages": n, "cores": os.cpu_count(), "repeat": args.repeat,
                                    "load_avg_start": load_start, "load_avg_end": load_end,
                                    "results": res, "ratios": ratios}, indent=1))


if __name__ == "__main__":
    main()
