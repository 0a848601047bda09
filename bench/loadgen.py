"""Load from Debian's wrk: one run, its figures read from wrk's own summary."""

import http.client
import re
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.procs import ROOT, Failure

PATHS_SCRIPT = ROOT / "bench" / "paths.lua"
WRK = shutil.which("wrk") or "/usr/bin/wrk"
_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


@dataclass
class Run:
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx: int  # wrk's "Non-2xx or 3xx responses": answers with a status of 400 or more
    socket_errors: int

    def as_dict(self) -> dict:
        """For JSON, which has no NaN: a latency that was not measured becomes null."""
        return {k: None if v != v else v for k, v in asdict(self).items()}


def parse(output: str) -> Run:
    """wrk --latency's summary → figures. Raises Failure when the text is not a summary."""
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    total = re.search(r"^\s*(\d+) requests in ", output, re.M)
    if not rps or not total:
        raise Failure(f"wrk printed no summary:\n{output[-1500:]}")
    latency = {
        pct: float(value) * _UNIT_MS[unit]
        for pct, value, unit in re.findall(
            r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m|h)\s*$", output, re.M
        )
    }
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if int(total.group(1)) == 0:  # nothing came back in time: there is no latency to report
        latency = {}
    return Run(
        rps=float(rps.group(1)),
        p50_ms=latency.get("50", float("nan")),
        p99_ms=latency.get("99", float("nan")),
        requests=int(total.group(1)),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(int(n) for n in sockets.groups()) if sockets else 0,
    )


def wrk(
    ports: list[int],
    path: str,
    *,
    seconds: int,
    threads: int,
    connections: int,
    headers: list[str] = (),
    paths_file: Path | None = None,
) -> Run:
    """Load `path` (or the paths in `paths_file`) for `seconds`, on every port at once with the
    threads and connections shared out between them; the figures are added up (req/s,
    requests, errors) or the worst one is kept (latencies)."""
    share_threads = max(1, threads // len(ports))
    share_connections = max(share_threads, connections // len(ports))
    running = []
    for port in ports:
        argv = [WRK, f"-t{share_threads}", f"-c{share_connections}", f"-d{seconds}s"]
        argv += ["--timeout", "10s", "--latency"]
        for header in headers:
            argv += ["-H", header]
        if paths_file is not None:
            argv += ["-s", str(PATHS_SCRIPT), f"http://127.0.0.1:{port}", "--", str(paths_file)]
        else:
            argv.append(f"http://127.0.0.1:{port}{path}")
        running.append(
            subprocess.Popen(  # noqa: S603 - our own argv, never a shell
                argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
            )
        )
    runs = []
    for proc in running:
        try:
            output, _ = proc.communicate(timeout=seconds + 60)
        except subprocess.TimeoutExpired:
            proc.kill()
            output, _ = proc.communicate()
            raise Failure(f"wrk did not finish:\n{output[-1500:]}") from None
        if proc.returncode != 0:
            raise Failure(f"wrk exited with status {proc.returncode}:\n{output[-1500:]}")
        runs.append(parse(output))
    return Run(
        rps=sum(r.rps for r in runs),
        p50_ms=max(r.p50_ms for r in runs),
        p99_ms=max(r.p99_ms for r in runs),
        requests=sum(r.requests for r in runs),
        non_2xx=sum(r.non_2xx for r in runs),
        socket_errors=sum(r.socket_errors for r in runs),
    )


def settle(ports: list[int], workers: int, path: str, seconds: float = 120) -> float:
    """Wait until the servers have worked off what the last run left queued.

    When wrk stops, requests it had sent are still waiting in the servers' queues, and a sync
    worker answers them all (a slow page can leave seconds of work); the next run would pay for
    them. Two waves of one request per worker to each server, each wave queued behind whatever
    is left, return once that is done. Returns how long it took, in seconds."""
    started = time.monotonic()

    def one(port: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=seconds)
        try:
            connection.request("GET", path)
            connection.getresponse().read()
        except OSError:
            pass  # a server in trouble shows in the next run's figures and in its log
        finally:
            connection.close()

    targets = [port for port in ports for _ in range(workers)]
    with ThreadPoolExecutor(max_workers=len(targets)) as pool:
        for _ in range(2):
            list(pool.map(one, targets))
    return time.monotonic() - started


def version() -> str:
    try:
        result = subprocess.run(  # noqa: S603
            [WRK, "--version"], capture_output=True, text=True, timeout=10, check=False
        )
    except OSError:
        return "missing"
    match = re.search(r"wrk (\S+)", result.stdout + result.stderr)
    return match.group(1) if match else "unknown"
