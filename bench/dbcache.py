"""The seeded database: seed_scale makes it once, pg_restore brings it back on later runs.

A dump is kept per size, seed and fingerprint in var/bench/cache/. The fingerprint hashes every
file that decides what the seeded database holds (the migrations, the seeding code, the ladder
data), so changing any of them makes the next run seed afresh.
"""

import hashlib
import os
import sys
import time
from pathlib import Path

from bench.procs import ROOT, Failure, manage, run

CACHE_DIR = ROOT / "var" / "bench" / "cache"
_SKIP_DIRS = {".git", ".venv", "var", "node_modules", "__pycache__", "bench", "tests"}


def _fingerprinted_files() -> list[Path]:
    found = set(ROOT.glob("*/migrations/*.py")) | set(ROOT.glob("ladder/data/*.yaml"))
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in _SKIP_DIRS and not d.startswith(".")]
        here = Path(folder)
        in_seeding = any(part.startswith("seed") for part in here.relative_to(ROOT).parts)
        for name in files:
            if name.endswith(".py") and (in_seeding or name.startswith("seed")):
                found.add(here / name)
    return sorted(found)


def fingerprint() -> str:
    digest = hashlib.sha256()
    for path in _fingerprinted_files():
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:10]


def pg_tool(name: str) -> str:
    """A PostgreSQL client tool of the server's version (scripts/with-postgres names the folder)."""
    folder = os.environ.get("RUNGS_PG_BINDIR")
    if folder and (Path(folder) / name).exists():
        return str(Path(folder) / name)
    versions = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
    )
    return str(versions[-1]) if versions else name


def psql(sql: str, *, env: dict) -> str:
    options = ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"]
    result = run(
        [pg_tool("psql"), *options, "-d", env["DATABASE_URL"], "-c", sql], env=env, capture=True
    )
    return result.stdout.strip()


def _reset_schema(env: dict) -> None:
    psql("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", env=env)


def _analyze(env: dict) -> None:
    # pg_restore brings back no planner statistics; gather them on both paths alike.
    psql("VACUUM ANALYZE", env=env)


def prepare(*, questions: int, seed: int, env: dict, use_cache: bool) -> dict:
    """Fill the (empty) database at DATABASE_URL; say how, and how long it took."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    mark = fingerprint()
    dump = CACHE_DIR / f"{questions}-{seed}-{mark}.dump"
    if use_cache and dump.exists():
        started = time.perf_counter()
        try:
            run(
                [pg_tool("pg_restore"), "-j", "2", "--no-owner", "-d", env["DATABASE_URL"], dump],
                env=env,
                capture=True,
            )
            _analyze(env)
        except Failure as error:
            print(f"Restoring {dump.name} failed; seeding instead.\n{error}", file=sys.stderr)
            dump.unlink(missing_ok=True)
            _reset_schema(env)
        else:
            seconds = time.perf_counter() - started
            print(f"Database: restored {_shown(dump)} in {seconds:.1f}s (pg_restore -j 2, ANALYZE)")
            return {"method": "restored", "seconds": round(seconds, 2), "cache": _shown(dump)}

    started = time.perf_counter()
    manage("migrate", "--noinput", "-v", "0", env=env, capture=True)
    manage("load_ladder", env=env, capture=True)
    manage("seed_scale", "--questions", questions, "--seed", seed, env=env)
    _analyze(env)
    seconds = time.perf_counter() - started
    print(f"Database: seeded {questions} questions (seed {seed}) in {seconds:.1f}s")
    info = {"method": "seeded", "seconds": round(seconds, 2), "cache": None}
    if use_cache:
        started = time.perf_counter()
        partial = dump.with_suffix(".partial")
        run([pg_tool("pg_dump"), "-Fc", "-f", partial, env["DATABASE_URL"]], env=env, capture=True)
        partial.replace(dump)
        for stale in CACHE_DIR.glob(f"{questions}-{seed}-*.dump"):
            if stale != dump:
                stale.unlink(missing_ok=True)
        info |= {"cache": _shown(dump), "dump_seconds": round(time.perf_counter() - started, 2)}
        print(f"          kept as {_shown(dump)} ({info['dump_seconds']:.1f}s) for the next run")
    return info


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT))
