"""Running things for the load test: commands, background servers, and stopping them again."""

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Failure(Exception):
    """The load test cannot go on; the message says why."""


def run(argv: list, *, env: dict, capture: bool = False, timeout: float | None = None):
    """Run a command from the project folder; raise Failure (with its output) if it fails."""
    result = subprocess.run(  # noqa: S603 - our own argv, never a shell
        [str(arg) for arg in argv],
        cwd=ROOT,
        env=env,
        text=True,
        capture_output=capture,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        shown = " ".join(str(arg) for arg in argv[:5])
        detail = (
            f"\n{(result.stdout or '')[-2000:]}{(result.stderr or '')[-3000:]}" if capture else ""
        )
        raise Failure(f"`{shown}…` exited with status {result.returncode}{detail}")
    return result


def manage(*args, env: dict, capture: bool = False, timeout: float | None = None):
    return run([sys.executable, "manage.py", *args], env=env, capture=capture, timeout=timeout)


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # As gunicorn binds: connections of an earlier run waiting out TIME_WAIT do not count.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


class Processes:
    """Background processes, each in a process group of its own so that stop_all() ends the
    process and whatever it forked (gunicorn's workers), and nothing else."""

    def __init__(self, logdir: Path):
        self.logdir = logdir
        self.started: list[tuple[str, subprocess.Popen]] = []

    def log(self, name: str) -> Path:
        return self.logdir / f"{name}.log"

    def start(self, name: str, argv: list, *, env: dict) -> subprocess.Popen:
        with self.log(name).open("w") as log:
            proc = subprocess.Popen(  # noqa: S603 - our own argv, never a shell
                [str(arg) for arg in argv],
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.started.append((name, proc))
        return proc

    def check_alive(self) -> None:
        for name, proc in self.started:
            if proc.poll() is not None:
                raise Failure(
                    f"{name} stopped (status {proc.returncode}); its log ends with:\n"
                    + tail(self.log(name))
                )

    def stop_all(self) -> None:
        for _, proc in reversed(self.started):
            _signal_group(proc, signal.SIGTERM)
        deadline = time.monotonic() + 10
        for _, proc in self.started:
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _signal_group(proc, signal.SIGKILL)
                proc.wait()
        self.started.clear()


def _signal_group(proc: subprocess.Popen, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, sig)  # the group we created for it: start_new_session=True


def start_gunicorn(procs: Processes, name: str, port: int, workers: int, env: dict):
    if not port_is_free(port):
        raise Failure(f"Port {port} is taken; choose others with BENCH_PORT=…")
    return procs.start(
        name,
        [
            *(sys.executable, "-m", "gunicorn", "config.wsgi:application"),
            *("--bind", f"127.0.0.1:{port}", "--workers", workers, "--worker-class", "sync"),
            *("--timeout", 60, "--graceful-timeout", 5, "--backlog", 2048),
            *("--log-level", "warning", "--error-logfile", "-"),
        ],
        env=env,
    )


def wait_until_serving(procs: Processes, port: int, path: str, seconds: float = 90) -> None:
    """Until `path` answers 200 on `port`; Failure with the logs if a process dies first."""
    deadline = time.monotonic() + seconds
    last = "no answer"
    while time.monotonic() < deadline:
        procs.check_alive()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status == 200:
                return
            last = f"status {response.status}"
        except OSError as error:
            last = str(error)
        finally:
            conn.close()
        time.sleep(0.25)
    raise Failure(f"Nothing served {path} on port {port} within {seconds:.0f}s ({last}).")
