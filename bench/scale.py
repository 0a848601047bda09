"""`make bench-scale`: every important page under load, against a bare Django view.

Runs inside scripts/with-postgres and scripts/with-redis (the Makefile does that), so
DATABASE_URL and REDIS_URL point at throwaway servers. Seeds the database with seed_scale (or
restores the cached dump of an earlier seeding), serves production settings with gunicorn next to
the task worker, loads every page with wrk in interleaved rounds (bare view, page, bare view,
page…), times writes through the real forms, prints a table and saves it as JSON in var/bench/.
See bench/README.md for the parameters and how to read the table.

    .venv/bin/python -m bench.scale      # through `make bench-scale`, not by hand
"""

import json
import os
import secrets
import shutil
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from bench import dbcache, loadgen, procs, report, writes
from bench.pages import build_pages, check_statuses
from bench.procs import ROOT, Failure
from bench.report import Page
from bench.webclient import Client

BARE = "/_bench/bare/"
# What a browser sends; the site compresses the public pages for those that ask.
WRK_HEADERS = ["Accept-Encoding: gzip"]


@dataclass
class Config:
    quick: bool
    questions: int
    seed: int
    duration: int
    rounds: int
    writes: int
    servers: int
    workers: int
    threads: int
    connections: int
    port: int
    use_cache: bool
    settings: str

    @classmethod
    def from_env(cls) -> "Config":
        quick = _flag("BENCH_QUICK")
        servers = _number("BENCH_SERVERS", 1)
        if servers not in (1, 2):
            raise Failure("BENCH_SERVERS is 1 or 2.")
        return cls(
            quick=quick,
            questions=_number("BENCH_QUESTIONS", 2000 if quick else 10000),
            seed=_number("BENCH_SEED", 1, minimum=0),
            duration=_number("BENCH_DURATION", 1 if quick else 5),
            rounds=_number("BENCH_ROUNDS", 1 if quick else 3),
            writes=_number("BENCH_WRITES", 5 if quick else 50),
            servers=servers,
            # Two workers in all, whether on one server or split over two: comparable figures,
            # and no more processes than a two-core machine can run at once.
            workers=_number("BENCH_WORKERS", 2 // servers),
            threads=_number("BENCH_THREADS", 2),
            connections=_number("BENCH_CONNECTIONS", 8),
            port=_number("BENCH_PORT", 8101),
            use_cache=not _flag("BENCH_NO_CACHE"),
            settings=os.environ.get("BENCH_SETTINGS", "config.settings.bench"),
        )

    @property
    def ports(self) -> list[int]:
        return [self.port + i for i in range(self.servers)]


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def _number(name: str, default: int, minimum: int = 1) -> int:
    raw = os.environ.get(name, "").strip()
    try:
        value = int(raw) if raw else default
    except ValueError:
        raise Failure(f"{name} must be a whole number, not {raw!r}.") from None
    if value < minimum:
        raise Failure(f"{name} must be at least {minimum}.")
    return value


def _stop_on_signal(signum, _frame):
    raise SystemExit(128 + signum)  # runs the `finally` clauses: servers stopped, temp removed


def main() -> int:
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _stop_on_signal)
    started = time.monotonic()
    try:
        cfg = Config.from_env()
    except Failure as error:
        print(f"bench-scale: {error}", file=sys.stderr)
        return 2
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            print(f"bench-scale: {name} is not set; run `make bench-scale`.", file=sys.stderr)
            return 2
    temp = Path(tempfile.mkdtemp(prefix="rungs-bench."))
    logdir = ROOT / "var" / "bench" / "logs"
    logdir.mkdir(parents=True, exist_ok=True)
    for old in logdir.glob("*.html"):  # pages kept by an earlier run's failures
        old.unlink()
    servers = procs.Processes(logdir)
    try:
        return _bench(cfg, temp, servers, started)
    except Failure as error:
        print(f"\nbench-scale FAILED: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nbench-scale: interrupted; stopping the servers.", file=sys.stderr)
        return 130
    finally:
        servers.stop_all()
        shutil.rmtree(temp, ignore_errors=True)


def _bench(cfg: Config, temp: Path, servers: procs.Processes, started: float) -> int:
    password = secrets.token_urlsafe(18)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": cfg.settings,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_LOG_LEVEL": os.environ.get("DJANGO_LOG_LEVEL", "WARNING"),
        "BENCH_STATIC_ROOT": str(temp / "static"),
        "BENCH_PASSWORD": password,
        "BENCH_SEED": str(cfg.seed),
        "BENCH_WRITE_TARGETS": str(cfg.writes + 5),
    }
    mode = "quick check" if cfg.quick else "measurement"
    print(
        f"bench-scale ({mode}): {cfg.questions} questions, seed {cfg.seed}, {cfg.servers} "
        f"server(s) × {cfg.workers} worker(s), wrk -t{cfg.threads} -c{cfg.connections} "
        f"-d{cfg.duration}s, {cfg.rounds} round(s), {cfg.writes} of each write"
    )
    database = dbcache.prepare(
        questions=cfg.questions, seed=cfg.seed, env=env, use_cache=cfg.use_cache
    )
    procs.manage("collectstatic", "--noinput", "-v", "0", env=env, capture=True)
    picks = _picks(env)
    counts = picks["counts"]
    print(
        "Rows: " + ", ".join(f"{n} {what}" for what, n in counts.items()) + f"; logs in "
        f"{servers.logdir.relative_to(ROOT)}/"
    )

    servers.start("worker", [sys.executable, "manage.py", "db_worker"], env=env)
    for i, port in enumerate(cfg.ports):
        procs.start_gunicorn(servers, f"gunicorn-{'AB'[i]}", port, cfg.workers, env)
    for port in cfg.ports:
        procs.wait_until_serving(servers, port, BARE)

    client = Client(cfg.port)
    client.login(picks["user"]["email"], password)
    pages = build_pages(picks, temp)
    problems = check_statuses(pages, cfg.ports, client)
    for problem in problems:
        print(f"  ! {problem}")

    bare_runs = _measure(cfg, pages, client.cookies["sessionid"], servers)
    print(f"Writes through the forms on port {cfg.port} ({cfg.writes} of each)…")
    written = writes.run_writes(client, picks, cfg.writes, servers.logdir)

    consistency = None
    if cfg.servers == 2:
        own = next(iter(written["ask"]["made"]), None)
        try:
            passed, lines = writes.consistency(client, picks, cfg.ports, own, servers.logdir)
        except Failure as error:
            passed, lines = False, [(False, str(error))]
        consistency = {"passed": passed, "checks": [{"ok": ok, "what": w} for ok, w in lines]}

    # The table.
    page_rows = [page.summary() for page in pages]
    bare = report.bare_summary(bare_runs)
    print()
    report.print_pages(bare, page_rows)
    print()
    report.print_writes(written)
    print(
        "\nratio = the page's req/s ÷ the bare view's (mean of the runs just before and after), "
        f"median over {cfg.rounds} round(s); targets are for information.\nThe bare view ranged "
        f"from {bare['rps_min']:.0f} to {bare['rps_max']:.0f} req/s over {bare['runs']} runs: a "
        "wide range means a busy machine, and figures to compare with care."
    )
    warnings = []  # slowness rather than breakage: flagged, never failed on
    for row in page_rows:
        if row["non_2xx"]:
            problems.append(f"{row['label']}: {row['non_2xx']} answers of 400 or more under load")
        if row["socket_errors"]:
            warnings.append(
                f"{row['label']}: {row['socket_errors']} socket errors under load (connections "
                "refused or reset, or no answer within 10s)"
            )
    for kind, row in written.items():
        problems += row["failures"][:5]
        if len(row["failures"]) > 5:
            problems.append(f"{kind}: {len(row['failures']) - 5} more failures")
    if consistency is not None:
        verdict = "PASS" if consistency["passed"] else "FAIL"
        print(f"\nTwo servers, what A writes B shows at once: {verdict}")
        for check in consistency["checks"]:
            print(f"  {'✓' if check['ok'] else '✗'} {check['what']}")
        if not consistency["passed"]:
            problems.append("consistency between the two servers: FAIL")

    result = {
        "parameters": {k: v for k, v in asdict(cfg).items() if k != "settings"}
        | {"settings": cfg.settings, "wrk_headers": WRK_HEADERS},
        "machine": report.machine_facts(env),
        "database": database | {"rows": counts},
        "bare": bare,
        "pages": page_rows,
        "writes": written,
        "consistency": consistency,
        "problems": problems,
        "warnings": warnings,
        "seconds": round(time.monotonic() - started, 1),
    }
    saved = report.save(result, questions=cfg.questions, quick=cfg.quick)
    if warnings:
        print("\nWarnings (not counted as failures):")
        for warning in warnings:
            print(f"  ~ {warning}")
    if problems:
        print("\nProblems (the run counts as failed):")
        for problem in problems:
            print(f"  ! {problem}")
        print(f"Server logs: {servers.logdir.relative_to(ROOT)}/")
    print(
        f"\nSaved {', '.join(str(p.relative_to(ROOT)) for p in saved)}; "
        f"took {result['seconds']:.0f}s."
    )
    return 1 if problems else 0


def _picks(env: dict) -> dict:
    shown = procs.manage(
        "shell", "-c", "import bench.picks; bench.picks.main()", env=env, capture=True
    )
    for line in shown.stdout.splitlines():
        if line.startswith("PICKS "):
            return json.loads(line.removeprefix("PICKS "))
    raise Failure(f"bench/picks.py printed no picks:\n{shown.stdout[-2000:]}")


def _measure(cfg: Config, pages: list[Page], session: str, servers) -> list:
    """Rounds of bare, page, bare, page, …, bare: each page sits between two bare runs."""
    bare_runs = []

    def load(page: Page | None) -> loadgen.Run:
        servers.check_alive()
        loadgen.settle(cfg.ports, cfg.workers, BARE)
        headers = list(WRK_HEADERS)
        if page is not None and page.signed_in:
            headers.append(f"Cookie: sessionid={session}")
        return loadgen.wrk(
            cfg.ports,
            BARE if page is None else page.path,
            seconds=cfg.duration,
            threads=cfg.threads,
            connections=cfg.connections,
            headers=headers,
            paths_file=page.paths_file if page is not None else None,
        )

    for number in range(1, cfg.rounds + 1):
        print(f"Round {number}/{cfg.rounds}:", end="", flush=True)
        before = load(None)
        bare_runs.append(before)
        for page in pages:
            measured = load(page)
            after = load(None)
            bare_runs.append(after)
            page.rounds.append((before, measured, after))
            before = after
            print(".", end="", flush=True)
        print(f" bare view {statistics.median(r.rps for r in bare_runs):.0f} req/s")
    return bare_runs


if __name__ == "__main__":
    sys.exit(main())
