"""The real pieces the drills start, stop, kill and restart: PostgreSQL (scripts/with-postgres
started it), Redis (scripts/with-redis started it; a restart is ours), the SMTP sink, the task
worker and two gunicorn servers (bench/procs.py starts and stops them)."""

import contextlib
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

from bench import procs
from bench.dbcache import pg_tool
from bench.procs import Failure, Processes

BARE = "/_bench/bare/"
_REDIS_CLI = shutil.which("redis-cli") or "/usr/bin/redis-cli"


def _as_postgres(argv: list) -> list:
    """PostgreSQL's own tools run as the postgres user when we are root (as with-postgres does)."""
    return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else argv


class Stack:
    def __init__(self, env: dict, logdir: Path, *, ports: list[int], smtp_port: int, workers: int):
        self.env = env
        self.logdir = logdir
        self.ports = ports
        self.smtp_port = smtp_port
        self.workers = workers
        self.procs = Processes(logdir)
        self.mail_log = logdir / "mail.jsonl"
        self.mail_control = logdir / "smtp-pause.json"
        self._generation: dict[str, int] = {}
        url = urlsplit(env["DATABASE_URL"])
        self.pg_port = url.port
        self.redis_port = urlsplit(env["REDIS_URL"]).port
        self._redis_dir: str | None = None

    # Bookkeeping -----------------------------------------------------------------------------

    def _name(self, base: str) -> str:
        n = self._generation[base] = self._generation.get(base, 0) + 1
        return base if n == 1 else f"{base}-{n}"

    def _find(self, base: str) -> tuple[str, subprocess.Popen]:
        for name, proc in self.procs.started:
            if name == base or (name.startswith(f"{base}-") and name[len(base) + 1 :].isdigit()):
                return name, proc
        raise Failure(f"{base} is not running")

    def kill(self, base: str, sig: int = signal.SIGKILL) -> None:
        """Kill a process and whatever it forked, as a crash or the OOM killer would."""
        name, proc = self._find(base)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        proc.wait(timeout=30)
        self.procs.started.remove((name, proc))

    def alive(self, base: str) -> bool:
        try:
            return self._find(base)[1].poll() is None
        except Failure:
            return False

    def stop_all(self) -> None:
        self.procs.stop_all()
        if self._redis_dir:
            with contextlib.suppress(OSError):
                for path in Path(self._redis_dir).iterdir():
                    path.unlink()
                Path(self._redis_dir).rmdir()

    # The SMTP sink ---------------------------------------------------------------------------

    def start_sink(self) -> None:
        self.procs.start(
            self._name("smtp-sink"),
            [
                *(sys.executable, "-m", "drills.smtpsink", "--port", self.smtp_port),
                *("--log", self.mail_log, "--control", self.mail_control),
            ],
            env=self.env,
        )
        self._wait_port(self.smtp_port, "the SMTP sink")

    def stop_sink(self) -> None:
        self.kill("smtp-sink", signal.SIGTERM)

    def pause_mail(self, stage: str | None, seconds: float = 0) -> None:
        if stage is None:
            self.mail_control.unlink(missing_ok=True)
        else:
            self.mail_control.write_text(json.dumps({stage: seconds}))

    def mail_events(self) -> list[dict]:
        try:
            lines = self.mail_log.read_text().splitlines()
        except OSError:
            return []
        return [json.loads(line) for line in lines if line.strip()]

    def messages(self) -> list[dict]:
        return [e for e in self.mail_events() if e["event"] == "message"]

    # The task worker and the app servers -----------------------------------------------------

    def start_worker(self) -> None:
        self.procs.start(
            self._name("worker"),
            [sys.executable, "manage.py", "db_worker", "--interval", "0.5", "--no-startup-delay"],
            env=self.env,
        )

    def start_server(self, index: int) -> None:
        port = self.ports[index]
        name = self._name(f"gunicorn-{'AB'[index]}")
        procs.start_gunicorn(self.procs, name, port, self.workers, self.env)
        procs.wait_until_serving(self.procs, port, BARE)

    def server(self, index: int) -> str:
        return f"gunicorn-{'AB'[index]}"

    def reload_server(self, index: int) -> None:
        """What an upgrade does to each server in turn: gunicorn starts workers on the new code
        and lets the old ones finish what they are answering (SIGHUP)."""
        _, proc = self._find(self.server(index))
        os.kill(proc.pid, signal.SIGHUP)

    # PostgreSQL and Redis --------------------------------------------------------------------

    def psql_admin(self, sql: str) -> str:
        result = subprocess.run(  # noqa: S603 - our own argv
            _as_postgres(
                [
                    *(pg_tool("psql"), "-h", "/tmp", "-p", str(self.pg_port), "-U", "postgres"),  # noqa: S108
                    *("-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql),
                ]
            ),
            capture_output=True,
            text=True,
            check=True,
            env=self.env,
        )
        return result.stdout.strip()

    def restart_postgres(self, down: float) -> float:
        """Stop PostgreSQL (`pg_ctl stop -m fast`: every connection is closed), keep it down for
        `down` seconds, and start it again with the options it ran with; returns how long it
        answered nothing."""
        datadir = self.psql_admin("SHOW data_directory")
        # postmaster.opts: the server's command line; everything after `-D <dir>` is its options.
        argv = shlex.split(Path(datadir, "postmaster.opts").read_text())
        options = argv[argv.index("-D") + 2 :] if "-D" in argv else argv[1:]
        ctl = [pg_tool("pg_ctl"), "-D", datadir, "-w", "-t", "60"]
        started = time.monotonic()
        subprocess.run(  # noqa: S603 - our own argv
            _as_postgres([*ctl, "-m", "fast", "stop"]), capture_output=True, check=True
        )
        time.sleep(down)
        subprocess.run(  # noqa: S603 - our own argv
            _as_postgres([*ctl, "-l", f"{datadir}/server.log", "-o", shlex.join(options), "start"]),
            capture_output=True,
            check=True,
        )
        return time.monotonic() - started

    def stop_redis(self) -> None:
        subprocess.run(  # noqa: S603 - our own argv
            [_REDIS_CLI, "-h", "127.0.0.1", "-p", str(self.redis_port), "shutdown", "nosave"],
            capture_output=True,
            check=False,
        )
        deadline = time.monotonic() + 10
        while self._redis_answers() and time.monotonic() < deadline:
            time.sleep(0.1)
        if self._redis_answers():
            raise Failure("Redis did not stop")

    def start_redis(self) -> None:
        """A new, empty Redis on the same port (as after a crash without persistence)."""
        self._redis_dir = self._redis_dir or tempfile.mkdtemp(prefix="rungs-drills-redis.")
        self.procs.start(
            self._name("redis"),
            [
                *("redis-server", "--bind", "127.0.0.1", "--port", self.redis_port),
                *("--dir", self._redis_dir, "--save", "", "--appendonly", "no"),
                *("--daemonize", "no", "--protected-mode", "yes"),
            ],
            env=self.env,
        )
        deadline = time.monotonic() + 10
        while not self._redis_answers():
            if time.monotonic() > deadline:
                raise Failure("Redis did not come back")
            time.sleep(0.05)

    def _redis_answers(self) -> bool:
        result = subprocess.run(  # noqa: S603 - our own argv
            [_REDIS_CLI, "-h", "127.0.0.1", "-p", str(self.redis_port), "ping"],
            capture_output=True,
            text=True,
            check=False,
        )
        return result.stdout.strip() == "PONG"

    def _wait_port(self, port: int, what: str, seconds: float = 15) -> None:
        import socket

        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.procs.check_alive()
            with socket.socket() as probe:
                probe.settimeout(0.5)
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.1)
        raise Failure(f"{what} is not listening on port {port}")


class Database:
    """Plain SQL from the drills' own process (the site's code stays in the servers)."""

    def __init__(self, url: str):
        self.url = url

    def rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        with psycopg.connect(self.url, connect_timeout=5, autocommit=True) as connection:
            return connection.execute(sql, params).fetchall()

    def execute(self, sql: str) -> None:
        with psycopg.connect(self.url, connect_timeout=5, autocommit=True) as connection:
            connection.execute(sql)

    def value(self, sql: str, params: tuple = ()):
        found = self.rows(sql, params)
        return found[0][0] if found else None

    def queue(self) -> int:
        """Tasks waiting or running."""
        return self.value(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult "
            "WHERE status IN ('READY', 'RUNNING')"
        )

    def wait_for_queue(self, seconds: float = 60) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.queue() == 0:
                return True
            time.sleep(0.25)
        return False
