"""The table printed at the end of `make bench-scale`, and the same figures as JSON, with facts
about the machine they were measured on."""

import json
import math
import os
import platform
import re
import shutil
import statistics
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from bench import dbcache, loadgen
from bench.loadgen import Run
from bench.procs import ROOT, Failure, run

RESULTS_DIR = ROOT / "var" / "bench"
WRITE_TARGETS_MS = {"ask": 60, "answer": 60, "comment": 60, "vote": 30}


@dataclass(frozen=True)
class Target:
    """For information only: printed beside the figures, never asserted."""

    ratio: float
    p99_ms: float | None = None

    def describe(self) -> str:
        text = f"≥{self.ratio:.2f}"
        return text + (f", p99<{self.p99_ms:.0f}ms" if self.p99_ms else "")

    def met(self, ratio: float, p99_ms: float | None) -> bool:
        if self.p99_ms is not None and p99_ms is None:
            return False
        return ratio >= self.ratio and (self.p99_ms is None or p99_ms < self.p99_ms)


@dataclass
class Page:
    label: str
    path: str
    target: Target
    signed_in: bool = False
    paths: list[str] = field(default_factory=list)  # several paths, requested in turn…
    paths_file: Path | None = None  # …listed in this file for wrk's bench/paths.lua
    rounds: list[tuple[Run, Run, Run]] = field(default_factory=list)  # bare, page, bare

    def ratios(self) -> list[float]:
        """Per round: this page's req/s over the mean of the bare runs just before and after."""
        return [
            page.rps / ((before.rps + after.rps) / 2) if before.rps + after.rps else 0.0
            for before, page, after in self.rounds
        ]

    def summary(self) -> dict:
        runs = [page for _, page, _ in self.rounds]
        ratio = statistics.median(self.ratios())
        p99 = _median(r.p99_ms for r in runs)
        return {
            "label": self.label,
            "path": self.path
            if not self.paths
            else f"{len(self.paths)} paths, e.g. {self.paths[0]}",
            "signed_in": self.signed_in,
            "rps": round(statistics.median(r.rps for r in runs), 1),
            "p50_ms": _median(r.p50_ms for r in runs),
            "p99_ms": p99,
            "ratio": round(ratio, 3),
            "ratios": [round(r, 3) for r in self.ratios()],
            "target": self.target.describe(),
            "target_met": self.target.met(ratio, p99),
            "requests": sum(r.requests for r in runs),
            "non_2xx": sum(r.non_2xx for r in runs),
            "socket_errors": sum(r.socket_errors for r in runs),
            "rounds": [r.as_dict() for r in runs],
        }


def bare_summary(bare_runs: list[Run]) -> dict:
    return {
        "label": "bare view",
        "path": "/_bench/bare/",
        "rps": round(statistics.median(r.rps for r in bare_runs), 1),
        "rps_min": round(min(r.rps for r in bare_runs), 1),
        "rps_max": round(max(r.rps for r in bare_runs), 1),
        "p50_ms": _median(r.p50_ms for r in bare_runs),
        "p99_ms": _median(r.p99_ms for r in bare_runs),
        "requests": sum(r.requests for r in bare_runs),
        "non_2xx": sum(r.non_2xx for r in bare_runs),
        "socket_errors": sum(r.socket_errors for r in bare_runs),
        "runs": len(bare_runs),
    }


def _median(values) -> float | None:
    """The median of the runs that measured something (a run that got no answer back has no
    latency), or None."""
    measured = [v for v in values if v is not None and not math.isnan(v)]
    return round(statistics.median(measured), 2) if measured else None


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def _ms(value: float | None) -> str:
    return "–" if value is None or math.isnan(value) else f"{value:.1f}"


def print_pages(bare: dict, pages: list[dict]) -> None:
    head = f"{'page':44} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>6}  "
    print(head + f"{'target':17} {'non-2xx':>7} {'sock.err':>8}")
    print("-" * (len(head) + 35))
    print(
        f"{'bare view  /_bench/bare/':44} {bare['rps']:8.1f} {_ms(bare['p50_ms']):>8} "
        f"{_ms(bare['p99_ms']):>8} {1:6.2f}  {'':17} "
        f"{bare['non_2xx']:7d} {bare['socket_errors']:8d}"
    )
    for row in pages:
        flag = " !" if row["non_2xx"] or row["socket_errors"] else ""
        target = f"{row['target']} {_mark(row['target_met'])}"
        print(
            f"{row['label'][:44]:44} {row['rps']:8.1f} {_ms(row['p50_ms']):>8} "
            f"{_ms(row['p99_ms']):>8} {row['ratio']:6.2f}  {target:17} "
            f"{row['non_2xx']:7d} {row['socket_errors']:8d}{flag}"
        )


def print_writes(writes: dict) -> None:
    print(f"{'write':10} {'done':>5} {'median ms':>10} {'p99 ms':>8}  {'target':17} {'failed':>6}")
    print("-" * 62)
    for kind, row in writes.items():
        target_ms = WRITE_TARGETS_MS[kind]
        median = row["median_ms"]
        met = median is not None and median < target_ms
        target = f"median<{target_ms}ms {_mark(met)}"
        print(
            f"{kind:10} {row['count']:5d} {_ms(median):>10} {_ms(row['p99_ms']):>8}  "
            f"{target:17} {len(row['failures']):6d}"
        )
        row["target"] = f"median<{target_ms}ms"
        row["target_met"] = met


def save(result: dict, *, questions: int, quick: bool) -> list[Path]:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    if quick:  # a smoke test: its figures mean little, so it keeps no history
        names = ["latest-quick.json"]
    else:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        names = [f"scale-{stamp}-{questions}.json", f"latest-{questions}.json"]
    paths = [RESULTS_DIR / name for name in names]
    for path in paths:
        path.write_text(text)
    return paths


def machine_facts(env: dict) -> dict:
    """What the figures depend on besides the code: CPUs, load, and the software's versions."""
    import django
    import gunicorn

    cpu = ""
    try:
        found = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = found.group(1).strip() if found else ""
    except OSError:
        pass
    redis = shutil.which("redis-server")
    git = shutil.which("git")
    return {
        "nproc": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)),
        "cpu": cpu,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "postgresql": dbcache.psql("SHOW server_version", env=env),
        "redis": _output([redis, "--version"], r"v=(\S+)") if redis else "missing",
        "wrk": loadgen.version(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "gunicorn": gunicorn.__version__,
        "commit": _output([git, "-C", ROOT, "describe", "--always", "--dirty"], r"(\S+)")
        if git
        else "unknown",
    }


def _output(argv: list, pattern: str) -> str:
    try:
        text = run(argv, env=dict(os.environ), capture=True).stdout
    except (Failure, OSError):
        return "unknown"
    found = re.search(pattern, text)
    return found.group(1) if found else "unknown"
