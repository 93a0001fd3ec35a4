"""HTTP benchmark: the API on uvicorn with 1 and 2 workers under 64 connections, next to a bare FastAPI ceiling.

Usage: python bench/bench_http.py [--duration 10] [--connections 64] [--workers 1 2] [--loader auto|wrk|python]

1. Builds a store from the demo corpus exactly as the demo does (``psmakg ingest data/demo/pubmed
   data/demo/text``) in a temporary folder.
2. For each worker count, starts ``psmakg serve --workers N`` over it (one worker opens the store
   for writing as usual; more than one open it read-only) and a bare FastAPI app with one JSON route
   (``bare_app`` below) on the same stack: uvicorn picks uvloop and httptools, which
   ``uvicorn[standard]`` installs.
3. Loads each route from this separate process with ``wrk`` (Debian: ``apt-get install wrk``), or,
   when wrk is missing, with a Python asyncio load generator over httpx that is itself slower than
   the servers (its figures are a floor). Each route is warmed up, then measured.
4. Prints requests/s, p50 and p99 latency, errors (non-2xx answers and socket errors) and how many
   times slower than the bare ceiling each route runs, with the load average of the machine.

The issue's three routes ask the same URL again and again, which the server answers from its
response cache after the first time. Three more rows ask a new URL with every request, so that they
measure what an answer costs to compute: the entity with a request counter in a query parameter it
ignores, comparisons cycling through every pair and triple of trials with each endpoint one of them
reports (many times more distinct URLs than the cache holds), and a SPARQL SELECT with the counter in
a FILTER (a new query each time). A wrk Lua script sends them.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.metadata
import itertools
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from fastapi import FastAPI  # noqa: E402
from pydantic import BaseModel  # noqa: E402

SIMPLE_SELECT = (
    "SELECT ?l WHERE { ?a <https://w3id.org/psma-kg/ontology#hasRadionuclide> ?n . "
    "?a <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } LIMIT 5"
)
#: route name -> (path, target: at most this many times slower than the bare ceiling); the issue's routes
ROUTES = {
    "entity": ("/agents/Pluvicto", 2.0),
    "comparison": ("/compare?trials=VISION,TheraP&endpoint=OS", 2.0),
    "SPARQL SELECT": ("/sparql?query=" + quote(SIMPLE_SELECT, safe=""), 3.0),
}
#: The simple SELECT with a FILTER that a request counter makes new every time (it keeps every row).
COUNTED_SELECT = (
    "SELECT ?l WHERE { ?a <https://w3id.org/psma-kg/ontology#hasRadionuclide> ?n . "
    '?a <http://www.w3.org/2004/02/skos/core#prefLabel> ?l FILTER(?l != "request ',
    '") } LIMIT 5',
)
BARE_PATH = "/ping"


@dataclass(frozen=True)
class Load:
    """What one row sends: ``path`` every time, or a new path each request (``counted`` or ``cycled``)."""

    name: str
    target: float | None
    path: str
    #: (before, after): the path is before + a request counter + after
    counted: tuple[str, str] | None = None
    #: paths sent in turn
    cycled: tuple[str, ...] = ()

    def paths(self, start: int = 0):
        """The paths this load sends, in order (endless)."""
        if self.counted:
            return (f"{self.counted[0]}{n}{self.counted[1]}" for n in itertools.count(start))
        if self.cycled:
            return itertools.islice(itertools.cycle(self.cycled), start % len(self.cycled), None)
        return itertools.repeat(self.path)

    def lua(self) -> str | None:
        """A wrk script sending these paths (None: wrk sends ``path`` itself)."""
        if not (self.counted or self.cycled):
            return None
        if self.counted:
            before, after = (_lua_string(part) for part in self.counted)
            body = f"request = function()\n  n = n + 1\n  return wrk.format(nil, {before} .. n .. {after})\nend\n"
        else:
            table = ",\n".join(_lua_string(path) for path in self.cycled)
            send = "return wrk.format(nil, paths[n % #paths + 1])"
            body = f"local paths = {{\n{table}\n}}\nrequest = function()\n  n = n + 1\n  {send}\nend\n"
        # Each wrk thread has its own Lua state: thread k counts from k * 10^8 plus the run's start (the first
        # script argument), so the threads of a run never send the same path.
        return ("local threads = 0\nsetup = function(thread)\n  thread:set('n', threads * 100000000)\n"
                "  threads = threads + 1\nend\ninit = function(args)\n  n = n + tonumber(args[1])\nend\n"
                + body)  # fmt: skip


def _lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Ping(BaseModel):
    status: str


def bare_app() -> FastAPI:
    """The ceiling: FastAPI with one small JSON route and nothing else (a uvicorn factory)."""
    app = FastAPI()

    @app.get(BARE_PATH)
    async def ping() -> Ping:
        return Ping(status="ok")

    return app


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


class Server:
    """A server process of ours (its own process group), stopped and reaped on exit."""

    def __init__(self, command: list[str], env: dict[str, str], ready_url: str):
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{' '.join(command)} exited: {self.process.stderr.read().decode()[-2000:]}")
            try:
                if httpx.get(ready_url, timeout=2).status_code == 200:
                    time.sleep(2)  # the other workers finish their start-up too
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{' '.join(command)} did not answer {ready_url} in 120 s")

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # uvicorn's graceful shutdown stops its workers
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * _UNITS[unit]


def run_wrk(base: str, load: Load, connections: int, duration: float, threads: int, start: int) -> dict:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration:g}s", "--timeout", "10s", "--latency"]
    script = load.lua()
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as file:
        if script:
            file.write(script)
            file.flush()
            command += ["-s", file.name, base + load.path, "--", str(start)]
        else:
            command.append(base + load.path)
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.M))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = (int(non_2xx.group(1)) if non_2xx else 0) + (sum(map(int, socket_errors.groups())) if socket_errors else 0)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _ms(percentiles["50"]),
        "p99": _ms(percentiles["99"]),
        "errors": errors,
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
    }


async def _python_load(base: str, load: Load, connections: int, duration: float, start: int) -> dict:
    latencies: list[float] = []
    errors = 0
    paths = load.paths(start)
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        deadline = time.perf_counter() + duration

        async def user() -> None:
            nonlocal errors
            while time.perf_counter() < deadline:
                began = time.perf_counter()
                try:
                    response = await client.get(base + next(paths))
                    ok = response.status_code < 300
                except httpx.HTTPError:
                    ok = False
                latencies.append((time.perf_counter() - began) * 1000)
                errors += not ok

        started = time.perf_counter()
        await asyncio.gather(*(user() for _ in range(connections)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies),
        "p99": latencies[int(0.99 * (len(latencies) - 1))],
        "errors": errors,
        "requests": len(latencies),
    }


def run_python(base: str, load: Load, connections: int, duration: float, threads: int, start: int) -> dict:
    return asyncio.run(_python_load(base, load, connections, duration, start))


def issue_loads() -> list[Load]:
    """The issue's rows: one URL each, asked again and again (answered from the response cache)."""
    return [Load(name, target, path) for name, (path, target) in ROUTES.items()]


def uncached_loads(base: str) -> list[Load]:
    """Rows that ask something new with every request, read from the running server.

    Comparisons: every pair and triple of the trials with reported results, with each endpoint one
    of them reports, shuffled; far more URLs than the cache holds, so a URL comes round again only
    after thousands of others have pushed it out.
    """
    reported: dict[str, set[str]] = {}
    offset, count = 0, 1
    while offset < count:
        page = httpx.get(f"{base}/measurements", params={"status": "reported", "limit": 500, "offset": offset},
                         timeout=60).json()  # fmt: skip
        count, offset = page["count"], offset + 500
        for row in page["data"]:
            if row["trial"] and row["endpoint"]:
                reported.setdefault(row["trial"], set()).add(row["endpoint"])
    comparisons = [
        f"/compare?trials={quote(','.join(trials), safe=',')}&endpoint={quote(endpoint, safe='')}"
        for size in (2, 3)
        for trials in itertools.combinations(sorted(reported), size)
        for endpoint in sorted(set().union(*(reported[t] for t in trials)))
    ]
    random.Random(0).shuffle(comparisons)
    before, after = (quote(part, safe="") for part in COUNTED_SELECT)
    select = Load("SPARQL SELECT, a different query every request", 3.0, f"/sparql?query={before}0{after}",
                  counted=(f"/sparql?query={before}", after))  # fmt: skip
    compare = Load(f"comparison, a different one every request ({len(comparisons):,} cycled)", 2.0,
                   comparisons[0], cycled=tuple(comparisons))  # fmt: skip
    # The route ignores the parameter: the same answer as the issue's entity row, computed (from the tables the
    # store prepares per version) instead of sent from the response cache.
    entity = Load("entity, a new URL every request (?request=<n>, ignored)", 2.0, "/agents/Pluvicto?request=0",
                  counted=("/agents/Pluvicto?request=", ""))  # fmt: skip
    return [entity, compare, select]


def build_store(folder: Path) -> Path:
    """The demo store, built by the demo's own command."""
    store = folder / "store"
    demo = ROOT / "data" / "demo"
    command = [sys.executable, "-m", "kg.cli", "ingest", str(demo / "pubmed"), str(demo / "text")]
    subprocess.run([*command, "--store", str(store)], cwd=ROOT, check=True, capture_output=True)
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds measured per route")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of load before measuring")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=1, help="wrk threads (it shares the machine's cores)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--loader", choices=("auto", "wrk", "python"), default="auto")
    args = parser.parse_args()
    loader = "wrk" if args.loader == "wrk" or (args.loader == "auto" and shutil.which("wrk")) else "python"
    load = run_wrk if loader == "wrk" else run_python
    versions = ", ".join(f"{name} {importlib.metadata.version(name)}" for name in ("uvicorn", "uvloop", "httptools"))
    print(f"loader: {loader}; {versions}; {os.cpu_count()} cores; load average at start {load_average()}")

    results = []
    with tempfile.TemporaryDirectory() as folder:
        store = build_store(Path(folder))
        for workers in args.workers:
            port = free_port()
            env = {**os.environ, "PYTHONPATH": str(ROOT)}
            bare = [sys.executable, "-m", "uvicorn", "bench_http:bare_app", "--factory", "--app-dir",
                    str(ROOT / "bench"), "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
                    "--log-level", "warning"]  # fmt: skip
            with Server(bare, env, f"http://127.0.0.1:{port}{BARE_PATH}"):
                ping = Load("bare FastAPI (ceiling)", None, BARE_PATH)
                load(f"http://127.0.0.1:{port}", ping, args.connections, args.warmup, args.threads, 0)
                ceiling = load(f"http://127.0.0.1:{port}", ping, args.connections, args.duration, args.threads, 0)
            results.append((workers, ping, ceiling, ceiling["rps"]))
            print(f"{workers} worker(s), bare: {ceiling['rps']:,.0f} req/s (load {load_average()})", flush=True)

            port = free_port()
            base = f"http://127.0.0.1:{port}"
            ours = [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", str(port),
                    "--workers", str(workers)]  # fmt: skip
            with Server(ours, env, f"{base}/health"):
                for row in [*issue_loads(), *uncached_loads(base)]:
                    for path in itertools.islice(row.paths(), 20):
                        response = httpx.get(base + path, timeout=30)
                        if response.status_code != 200 or not response.content:
                            raise RuntimeError(f"{path} answered {response.status_code}: {response.text[:300]}")
                    warm = load(base, row, args.connections, args.warmup, args.threads, 0)
                    # The measured run goes on where the warm-up stopped: no URL comes back sooner than a whole cycle.
                    after = warm["requests"] + args.connections
                    measured = load(base, row, args.connections, args.duration, args.threads, after)
                    results.append((workers, row, measured, ceiling["rps"]))
                    rps = measured["rps"]
                    print(f"{workers} worker(s), {row.name}: {rps:,.0f} req/s (load {load_average()})", flush=True)

    print(f"\nload average at the end {load_average()}\n")
    print("| workers | route | req/s | p50 (ms) | p99 (ms) | errors | x slower than bare | target |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for workers, row, m, ceiling_rps in results:
        varied = row.counted or row.cycled
        shown = row.name if row.path == BARE_PATH else f"{row.name} `{row.path.split('?' if varied else '?query=')[0]}`"
        slower = ceiling_rps / m["rps"]
        met = row.target is not None and slower <= row.target and m["errors"] == 0
        verdict = "" if row.target is None else f"{'met' if met else 'missed'} (≤{row.target:g}x)"
        print(f"| {workers} | {shown} | {m['rps']:,.0f} | {m['p50']:.2f} | {m['p99']:.2f} | {m['errors']} | "
              f"{slower:.2f} | {verdict} |")  # fmt: skip


if __name__ == "__main__":
    main()
