"""`make drills`: the real stack under load, one fault at a time, and what people saw.

Runs inside scripts/with-postgres and scripts/with-redis (the Makefile does that). Seeds a forum
(bench/dbcache.py: seed_scale, or the cached dump of an earlier run), starts an SMTP sink, the task
worker and two gunicorn servers with production settings (config/settings/drills.py), signs 60
people in through allauth's real form, and then, each under mixed reading and writing through
both servers unless said otherwise:

  PostgreSQL restarted · Redis stopped · mail server unreachable · task worker killed while
  sending (twice: before and after the server accepted the message) · one app server killed ·
  a rolling restart (the upgrade procedure) · 50 people voting on one answer at once · 20 accept
  and unaccept clicks at once · two people editing one post · a 60-second soak · a backup
  restored into a new database and checked

and prints a table: fault, what users saw, what was lost. The audit after each drill
(drills/audit.py) checks every write the site acknowledged and looks for half-written state.
Exits non-zero if any drill fails. See docs/operations.md.

    .venv/bin/python -m drills.run      # through `make drills`, not by hand
"""

import json
import os
import secrets
import shutil
import signal
import sys
import tempfile
import textwrap
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bench import dbcache, procs
from bench.procs import ROOT, Failure
from bench.webclient import Client
from drills.load import Load, Plan, Result, Visitor, by_action, summarise, writes_of
from drills.stack import Database, Stack

RESULTS = ROOT / "var" / "drills"


@dataclass
class Config:
    questions: int = 500
    port: int = 8111
    smtp_port: int = 8025
    workers: int = 2  # per server
    threads: int = 8  # load during the fault drills
    soak_seconds: int = 60
    soak_connections: int = 16
    only: list[str] = field(default_factory=list)

    @classmethod
    def from_env(cls) -> "Config":
        def number(name: str, default: int) -> int:
            raw = os.environ.get(name, "").strip()
            if not raw:
                return default
            if not raw.isdigit() or int(raw) < 1:
                raise Failure(f"{name} must be a whole number above 0, not {raw!r}")
            return int(raw)

        only = os.environ.get("DRILLS_ONLY", "")
        return cls(
            questions=number("DRILLS_QUESTIONS", 500),
            port=number("DRILLS_PORT", 8111),
            smtp_port=number("DRILLS_SMTP_PORT", 8025),
            workers=number("DRILLS_WORKERS", 2),
            threads=number("DRILLS_THREADS", 8),
            soak_seconds=number("DRILLS_SOAK_SECONDS", 60),
            soak_connections=number("DRILLS_SOAK_CONNECTIONS", 16),
            only=[name.strip() for name in only.split(",") if name.strip()],
        )

    @property
    def ports(self) -> list[int]:
        return [self.port, self.port + 1]


@dataclass
class Row:
    drill: str
    saw: str
    lost: str
    passed: bool
    details: dict = field(default_factory=dict)


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} ms"


def _counts(summary) -> str:
    """ "812 requests: 790 × 2xx/3xx, 22 × 503" and the like."""
    by_class = Counter()
    for status, n in summary.status.items():
        code = int(status)
        by_class["2xx/3xx" if code < 400 else status] += n
    parts = [f"{n} × {what}" for what, n in sorted(by_class.items())]
    parts += [f"{n} × {what}" for what, n in sorted(summary.errors.items())]
    return f"{summary.requests} requests: " + ", ".join(parts)


class Drills:
    def __init__(self, cfg: Config, env: dict, stack: Stack, temp: Path):
        self.cfg = cfg
        self.env = env
        self.stack = stack
        self.temp = temp
        self.db = Database(env["DATABASE_URL"])
        self.setup: dict = {}
        self.people: list[Visitor] = []
        self.anonymous: list[Visitor] = []
        self.plan: Plan | None = None
        self.baseline: set[str] = set()
        self.all_writes: list[dict] = []
        self.started_at = datetime.now(UTC)
        self._log_marks: dict[Path, int] = {}
        self.notes: list[str] = []  # printed under the table

    # Preparing ------------------------------------------------------------------------------

    def prepare(self) -> None:
        dbcache.prepare(questions=self.cfg.questions, seed=1, env=self.env, use_cache=True)
        procs.manage("migrate", "--noinput", "-v", "0", env=self.env, capture=True)
        procs.manage("collectstatic", "--noinput", "-v", "0", env=self.env, capture=True)
        shown = procs.manage(
            "shell", "-c", "import drills.setup; drills.setup.main()", env=self.env, capture=True
        )
        self.setup = _tagged(shown.stdout, "SETUP")
        self.started_at = datetime.now(UTC)
        self.baseline = set(self.audit([])["half_written"])
        if self.baseline:
            print(f"  (the seeded data already disagrees in {len(self.baseline)} places; only new")
            print("   disagreements count below)")
        self.stack.start_sink()
        self.stack.start_worker()
        for index in range(2):
            self.stack.start_server(index)
        self.plan = Plan(self.setup)
        print(f"Signing in {len(self.setup['people'])} people through allauth's form…", flush=True)
        for i, person in enumerate(self.setup["people"]):
            self.people.append(self.sign_in(person, self.cfg.ports[i % 2]))
        self.anonymous = [Visitor(self.cfg.ports) for _ in range(4)]

    def sign_in(self, person: dict, port: int) -> Visitor:
        client = Client(port)
        client.login(person["email"], self.env["DRILLS_PASSWORD"])
        client.get("/questions/ask/")  # a page with a form: the CSRF cookie
        return Visitor(self.cfg.ports, client.cookies, user=person)

    def client(self, person: dict, port: int) -> Client:
        client = Client(port)
        client.login(person["email"], self.env["DRILLS_PASSWORD"])
        return client

    # Checking --------------------------------------------------------------------------------

    def audit(self, writes: list[dict], *, url: str | None = None) -> dict:
        path = self.temp / f"writes-{secrets.token_hex(4)}.json"
        path.write_text(json.dumps(writes))
        env = {
            **self.env,
            "DRILLS_WRITES": str(path),
            "DRILLS_SINCE": self.started_at.isoformat(),
        }
        if url:
            env["DATABASE_URL"] = url
        shown = procs.manage(
            "shell", "-c", "import drills.audit; drills.audit.main()", env=env, capture=True
        )
        found = _tagged(shown.stdout, "AUDIT")
        found["new_half_written"] = [h for h in found["half_written"] if h not in self.baseline]
        return found

    def lost(self, results: list[Result]) -> tuple[str, bool, dict]:
        """What the audit says about this drill's writes: the 'what was lost' column."""
        writes = writes_of(results)
        self.all_writes += writes
        self.db.wait_for_queue(30)
        found = self.audit(writes)
        acknowledged = sum(found["acknowledged"].values())
        missing = found["missing_count"]
        half = found["new_half_written"]
        refused = found["unacknowledged"]
        present = sum(found["unacknowledged_present"].values())
        ok = missing == 0 and not half
        if ok:
            text = f"nothing: {acknowledged}/{acknowledged} acknowledged writes saved"
        else:
            text = f"{missing} of {acknowledged} acknowledged writes MISSING"
        if refused:
            text += (
                f"; of {refused} refused or cut-off writes {present} were saved whole and "
                f"{refused - present} not at all"
            )
        text += "; 0 half-written" if not half else f"; HALF-WRITTEN: {'; '.join(half[:3])}"
        return text, ok, {"audit": found}

    def mark_logs(self) -> None:
        self._log_marks = {path: path.stat().st_size for path in self.stack.logdir.glob("*.log")}

    def tracebacks(self) -> int:
        """Tracebacks the servers and the worker logged since mark_logs()."""
        count = 0
        for path in self.stack.logdir.glob("*.log"):
            with path.open("rb") as log:
                log.seek(self._log_marks.get(path, 0))
                count += log.read().count(b"Traceback (most recent call last)")
        return count

    def logged(self, base: str, text: str) -> bool:
        """Whether the logs of `base` (and its restarts) say `text` since mark_logs()."""
        for path in self.stack.logdir.glob(f"{base}*.log"):
            with path.open("rb") as log:
                log.seek(self._log_marks.get(path, 0))
                if text.encode() in log.read():
                    return True
        return False

    def load(self, threads: int | None = None, visitors: list[Visitor] | None = None) -> Load:
        visitors = visitors or [*self.people[:40], *self.anonymous]
        return Load(self.plan, visitors, threads or self.cfg.threads).start()

    # The drills -----------------------------------------------------------------------------

    def postgres(self) -> Row:
        self.mark_logs()
        load = self.load()
        time.sleep(3)
        down = time.monotonic()
        took = self.stack.restart_postgres(down=3)
        up = time.monotonic()
        time.sleep(5)
        results = load.stop()
        during = [r for r in results if r.ended >= down and r.started <= up]
        after = [r for r in results if r.started >= up + 0.5]
        s = summarise(results)
        unavailable = [r for r in results if r.status == 503]
        other_5xx = [r for r in results if r.status >= 500 and r.status != 503]
        failed_after = [r for r in after if not r.ok]
        first_ok = min((r.ended for r in results if r.ok and r.ended >= up), default=None)
        worker_alive = self.stack.alive("worker")
        tracebacks = self.tracebacks()
        worker_waited = self.logged("worker", "Task worker: database unavailable")
        lost, lost_ok, details = self.lost(results)
        slowest_503 = max((r.ms for r in unavailable), default=None)
        saw = (
            f"{_counts(s)}. PostgreSQL was down {took:.1f}s; {len(during)} requests met it: "
            f"{len(unavailable)} got the 503 page at once (slowest {_ms(slowest_503)}), "
            f"{len(other_5xx)} another 5xx, slowest answer overall {_ms(s.max)}; "
            f"answering again {((first_ok or up) - up):.1f}s after it was back, with no app "
            f"restart; {len(failed_after)} failures after that; the task worker "
            f"{'waited for it and went on' if worker_waited else 'went on'}"
            f"{'' if worker_alive else ' (NO: it DIED)'}; {tracebacks} tracebacks logged"
        )
        passed = (
            lost_ok
            and not other_5xx
            and not s.errors
            and (slowest_503 or 0) < 3000
            and not failed_after
            and worker_alive
            and tracebacks == 0
        )
        return Row(
            "PostgreSQL restarted mid-load", saw, lost, passed, {"load": asdict(s)} | details
        )

    def redis(self) -> Row:
        load = self.load()
        time.sleep(3)
        down = time.monotonic()
        self.stack.stop_redis()
        time.sleep(8)
        self.stack.start_redis()
        up = time.monotonic()
        time.sleep(6)
        results = load.stop()
        outage = [r for r in results if r.started >= down + 0.2 and r.ended <= up]
        reads = [r for r in outage if r.method == "GET"]
        writes = [r for r in outage if r.method == "POST"]
        after = [r for r in results if r.started >= up + 3]
        first_write = min(
            (r.ended for r in results if r.method == "POST" and r.ok and r.started >= up),
            default=None,
        )
        s = summarise(results)
        other_5xx = [r for r in results if r.status >= 500 and r.status != 503]
        reads_ok = sum(r.ok for r in reads)
        writes_refused = sum(r.status == 503 for r in writes)
        writes_saved = sum(r.ok for r in writes)
        failed_after = [r for r in after if not r.ok]
        lost, lost_ok, details = self.lost(results)
        saw = (
            f"{_counts(s)}. With Redis down (8s): {reads_ok}/{len(reads)} page views answered "
            f"from the database (p99 {_ms(summarise(reads).p99)}); {writes_refused}/{len(writes)} "
            f"form posts refused with the 503 page (fail closed), {writes_saved} saved; "
            f"{len(other_5xx)} other 5xx. Redis back empty: writes saved again after "
            f"{((first_write or up) - up):.1f}s, sessions kept (read from the database), "
            f"{len(failed_after)} failures after 3s"
        )
        passed = (
            lost_ok
            and not other_5xx
            and not s.errors
            and reads_ok == len(reads)
            and writes_refused + writes_saved == len(writes)
            and first_write is not None
            and not failed_after
        )
        return Row("Redis stopped (and restarted empty)", saw, lost, passed, details)

    def smtp(self) -> Row:
        self.db.wait_for_queue(60)
        before = len(self.stack.messages())
        self.stack.stop_sink()
        stopped = time.monotonic()
        responses: list[tuple[str, int, float]] = []
        people = self.setup["people"]
        expected: Counter = Counter()
        # Password resets, through the real form, by people who are not signed in.
        for person in people[56:59]:
            client = Client(self.cfg.ports[0])
            form = client.get("/accounts/password/reset/").form(field_name="email")
            answer = client.post(
                form.action or "/accounts/password/reset/", form.filled(email=person["email"])
            )
            responses.append(("password reset", answer.status, answer.ms))
            expected[person["email"]] += 1
        # A sign-up: its verification e-mail.
        newcomer = f"drill-new-{secrets.token_hex(3)}@{self.setup['domain']}"
        client = Client(self.cfg.ports[1])
        form = client.get("/accounts/signup/").form(field_name="username")
        password = secrets.token_urlsafe(12)
        answer = client.post(
            form.action or "/accounts/signup/",
            form.filled(
                email=newcomer,
                username=newcomer.split("@")[0],
                password1=password,
                password2=password,
            ),
        )
        responses.append(("sign-up", answer.status, answer.ms))
        expected[newcomer] += 1
        # Answers: their authors are notified by e-mail.
        results = []
        for i, question in enumerate(self.setup["mail_questions"][:4]):
            visitor = self.people[i]
            token = secrets.token_hex(8)
            result = visitor.request(
                "write answer",
                "POST",
                f"/questions/{question['id']}/answer/",
                [
                    ("csrfmiddlewaretoken", visitor.csrf),
                    ("body", f"Collect the evidence in one document before the review. {token}"),
                ],
            )
            responses.append(("answer", result.status, result.ms))
            results.append(result)
            expected[question["author_email"]] += 1
        time.sleep(4)
        failed_attempts = self.db.value(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'FAILED' "
            "AND exception_class_path = 'builtins.ConnectionRefusedError'"
        )
        self.stack.start_sink()
        back = time.monotonic()
        arrived = self._wait_for_mail(expected, since=before, seconds=90)
        delivered_after = time.monotonic() - back
        counts = Counter(to for m in self.stack.messages()[before:] for to in m["to"])
        exact = all(counts[address] == n for address, n in expected.items())
        answered = [status for _, status, _ in responses]
        slowest = max(ms for _, _, ms in responses)
        saw = (
            f"mail server down {back - stopped:.0f}s: {len(responses)} requests that send mail "
            f"(3 password resets, 1 sign-up, 4 answers that notify) all answered "
            f"{'302' if set(answered) == {302} else answered} at once (slowest {_ms(slowest)}); "
            f"the worker's {failed_attempts} failed attempts were retried"
        )
        lost = (
            f"nothing: all {sum(expected.values())} e-mails delivered, each once, "
            f"{delivered_after:.0f}s after the server came back"
            if arrived and exact
            else f"e-mails delivered per address {dict(counts)}, expected {dict(expected)}"
        )
        self.all_writes += writes_of([r for r in results if r.write])
        passed = arrived and exact and set(answered) == {302}
        return Row("Mail server unreachable", saw, lost, passed)

    def _wait_for_mail(self, expected: Counter, *, since: int, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            counts = Counter(to for m in self.stack.messages()[since:] for to in m["to"])
            if all(counts[address] >= n for address, n in expected.items()):
                time.sleep(1)  # long enough for a duplicate to show up too
                return True
            time.sleep(0.25)
        return False

    def _notify(self, question: dict, visitor: Visitor) -> int | None:
        """Answer `question` as `visitor`; the id of the notification its author gets."""
        token = secrets.token_hex(8)
        result = visitor.request(
            "write answer",
            "POST",
            f"/questions/{question['id']}/answer/",
            [
                ("csrfmiddlewaretoken", visitor.csrf),
                ("body", f"Ask your manager which evidence counts, in writing. {token}"),
            ],
        )
        if not result.ok:
            return None
        return self.db.value(
            "SELECT n.id FROM forum_notification n JOIN forum_answer a ON a.id = n.answer_id "
            "WHERE n.question_id = %s AND a.body LIKE %s",
            (question["id"], f"%{token}%"),
        )

    def _task_of(self, notification: int) -> tuple | None:
        rows = self.db.rows(
            "SELECT status, worker_ids, return_value FROM django_tasks_database_dbtaskresult "
            "WHERE task_path = 'forum.tasks.send_notification_email' "
            "AND args_kwargs -> 'args' ->> 0 = %s",
            (str(notification),),
        )
        return rows[0] if rows else None

    def worker_killed(self, stage: str) -> Row:
        """Kill the worker while it sends: at RCPT (the server has not accepted the message)
        or at QUIT (it has; the task is not marked done yet)."""
        self.db.wait_for_queue(60)
        question = self.setup["mail_questions"][4 if stage == "rcpt" else 5]
        since = len(self.stack.messages())
        events_before = len(self.stack.mail_events())
        self.stack.pause_mail(stage, 6)
        notification = self._notify(question, self.people[10])
        if notification is None:
            self.stack.pause_mail(None)
            return Row(f"Worker killed ({stage})", "the answer was not saved", "–", False)
        paused = self._wait_for_event(f"{stage}-pause", after=events_before, seconds=20)
        self.stack.kill("worker")
        killed = time.monotonic()
        self.stack.pause_mail(None)
        self.stack.start_worker()
        deadline = time.monotonic() + 60
        task = None
        while time.monotonic() < deadline:
            task = self._task_of(notification)
            if task and task[0] == "SUCCESSFUL":
                break
            time.sleep(0.25)
        rerun_after = time.monotonic() - killed
        time.sleep(1)
        copies = sum(question["author_email"] in m["to"] for m in self.stack.messages()[since:])
        status, worker_ids, returned = task if task else ("missing", [], None)
        attempts = len(worker_ids or [])
        if stage == "rcpt":
            name = "Task worker killed mid-send (before the mail server accepted)"
            saw = (
                f"the answer was saved (302); the worker was SIGKILLed while the mail server "
                f"held the e-mail at RCPT; a new worker ran the task again "
                f"{rerun_after:.0f}s later (attempt {attempts}; abandoned tasks are queued "
                f"again after RUNGS_TASK_TIMEOUT, 8s here, 600s by default)"
            )
            expected_return = True
        else:
            name = "Task worker killed mid-task (after the mail server accepted)"
            saw = (
                f"the answer was saved (302); the worker was SIGKILLed after the server had "
                f"accepted the e-mail, while closing the SMTP session, before the task was "
                f"marked done; the task ran again {rerun_after:.0f}s later (attempt {attempts}) "
                f"and found the e-mail's SentEmail key taken"
            )
            expected_return = False
        passed = (
            paused
            and status == "SUCCESSFUL"
            and attempts == 2
            and copies == 1
            and returned is expected_return
        )
        lost = (
            f"nothing: the notification e-mail arrived once ({copies} cop"
            f"{'y' if copies == 1 else 'ies'})"
        )
        if not paused:
            lost += "; the worker was not caught mid-send (drill not exercised)"
        return Row(name, saw, lost, passed, {"task": [status, worker_ids, returned]})

    def _wait_for_event(self, event: str, *, after: int, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if any(e["event"] == event for e in self.stack.mail_events()[after:]):
                return True
            time.sleep(0.05)
        return False

    def server_killed(self) -> Row:
        load = self.load()
        time.sleep(4)
        self.stack.kill(self.stack.server(0))
        killed = time.monotonic()
        time.sleep(6)
        self.stack.start_server(0)
        back = time.monotonic()
        time.sleep(3)
        results = load.stop()
        s = summarise(results)
        down = [r for r in results if r.started >= killed and r.ended <= back]
        on_b = [r for r in down if r.port == self.cfg.ports[1]]
        cut = [r for r in results if r.error == "cut"]
        cut_gets = [r for r in results if r.rerouted and r.ok and r.method == "GET"]
        other_5xx = [r for r in results if r.status >= 500]
        after = [r for r in results if r.started >= back + 0.5]
        lost, lost_ok, details = self.lost(results)
        saw = (
            f"{_counts(s)}. While A was down ({back - killed:.0f}s): B answered "
            f"{sum(r.ok for r in on_b)}/{len(on_b)} (p99 {_ms(summarise(on_b).p99)}); "
            f"{s.rerouted} requests the balancer moved to B; {len(cut)} POSTs in flight on A "
            f"were cut off (a balancer shows 502; not retried), {len(cut_gets)} cut GETs "
            f"retried on B; {len(other_5xx)} 5xx; A restarted and served "
            f"{sum(r.ok and r.port == self.cfg.ports[0] for r in after)} requests after"
        )
        passed = (
            lost_ok
            and not other_5xx
            and all(r.ok for r in on_b)
            and all(r.ok for r in after)
            and not [e for e in s.errors if e not in ("cut",)]
        )
        return Row("One of two app servers killed under load", saw, lost, passed, details)

    def rolling_restart(self) -> Row:
        self.mark_logs()
        load = self.load()
        time.sleep(2)
        for index in range(2):
            self.stack.reload_server(index)
            time.sleep(4)
        results = load.stop()
        s = summarise(results)
        failed = [r for r in results if not r.ok]
        lost, lost_ok, details = self.lost(results)
        saw = (
            f"{_counts(s)}: each server reloaded in turn (SIGHUP: new workers start, old ones "
            f"finish what they answer); {len(failed)} failed requests, p99 {_ms(s.p99)}"
        )
        passed = lost_ok and not failed and self.tracebacks() == 0
        return Row("Upgrade: rolling restart of both app servers", saw, lost, passed, details)

    def voters(self) -> Row:
        answer = self.setup["vote"]["answer"]
        author = self.setup["author"]["id"]

        def state():
            return (
                self.db.value("SELECT score FROM forum_answer WHERE id = %s", (answer,)),
                self.db.value(
                    "SELECT count(*) FROM forum_vote WHERE answer_id = %s AND value = 1", (answer,)
                ),
                self.db.value("SELECT reputation FROM accounts_user WHERE id = %s", (author,)),
            )

        before = state()
        voters = self.people[:50]
        results = _at_once(
            [
                lambda v=v, i=i: v.request(
                    "vote",
                    "POST",
                    f"/answers/{answer}/vote/",
                    [("csrfmiddlewaretoken", v.csrf), ("value", "up")],
                    port=self.cfg.ports[i % 2],
                    write={"kind": "vote", "user": v.user["id"], "answer": answer},
                )
                for i, v in enumerate(voters)
            ]
        )
        after = state()
        ok = sum(r.ok for r in results)
        deltas = tuple(a - b for a, b in zip(after, before, strict=True))
        lost, lost_ok, details = self.lost(results)
        saw = (
            f"50 people upvoted one answer at the same moment, 25 through each server: {ok} "
            f"× 302 (p99 {_ms(summarise(results).p99)}); score {before[0]} → {after[0]} "
            f"(+{deltas[0]}), vote rows +{deltas[1]}, author's reputation {before[2]} → "
            f"{after[2]} (+{deltas[2]})"
        )
        passed = lost_ok and ok == 50 and deltas == (50, 50, 500)
        return Row("50 concurrent voters on one answer", saw, lost, passed, details)

    def accepts(self) -> Row:
        question = self.setup["accept"]["question"]
        answers = self.setup["accept"]["answers"]
        asker = self.sign_in(self.setup["asker"], self.cfg.ports[0])

        def click(answer: int, undo: bool, i: int):
            fields = [("csrfmiddlewaretoken", asker.csrf)] + ([("undo", "1")] if undo else [])
            return lambda: asker.request(
                "accept", "POST", f"/answers/{answer}/accept/", fields, port=self.cfg.ports[i % 2]
            )

        def accepted() -> list[int]:
            return [
                row[0]
                for row in self.db.rows(
                    "SELECT id FROM forum_answer WHERE question_id = %s AND is_accepted",
                    (question,),
                )
            ]

        first = _at_once([click(a, False, i) for i, a in enumerate(answers)])
        after_first = accepted()
        current = after_first[0] if after_first else answers[0]
        second = _at_once(
            [click(current if i % 2 else a, bool(i % 2), i) for i, a in enumerate(answers)]
        )
        after_second = accepted()
        found = self.audit([])
        reputation_wrong = [h for h in found["new_half_written"] if "reputation" in h]
        ok_first = sum(r.ok for r in first)
        ok_second = sum(r.ok for r in second)
        saw = (
            f"the asker clicked accept on 20 answers at once through both servers: {ok_first} "
            f"× 302, {len(after_first)} accepted; then 10 accepts and 10 unaccepts at once: "
            f"{ok_second} × 302, {len(after_second)} accepted; the answer authors' reputation "
            f"{'matches a recount' if not reputation_wrong else 'DISAGREES with a recount'}"
        )
        lost = "nothing: " + ("0 half-written" if not found["new_half_written"] else "HALF")
        passed = (
            ok_first == 20
            and ok_second == 20
            and len(after_first) == 1
            and len(after_second) <= 1
            and not found["new_half_written"]
        )
        return Row("20 concurrent accept/unaccept", saw, lost, passed)

    def edit_conflict(self) -> Row:
        question = self.setup["edit"]["question"]
        path = f"/questions/{question}/edit/"
        author_person = next(
            p for p in self.setup["people"] if p["id"] == self.setup["edit"]["author"]
        )
        author = self.client(author_person, self.cfg.ports[0])
        moderator = self.client(self.setup["moderator"], self.cfg.ports[1])
        mine = author.get(path).form(field_name="title")
        theirs = moderator.get(path).form(field_name="title")
        base = mine.value("base_revision")
        same_base = base == theirs.value("base_revision") and base is not None
        author_text = mine.value("body") + "\n\nUpdate: my manager agreed to a written plan."
        moderator_text = mine.value("body") + "\n\n(Moderator: removed the company's name.)"
        first = author.post(path, mine.filled(body=author_text, reason="an update"))
        second = moderator.post(path, theirs.filled(body=moderator_text, reason="tidy"))
        shows_diff = "while you were editing" in second.body and "<ins>" in second.body
        kept = second.status == 409 and "(Moderator: removed the company" in second.body
        stored = self.db.value("SELECT body FROM forum_question WHERE id = %s", (question,))
        revisions = self.db.value(
            "SELECT count(*) FROM forum_revision WHERE question_id = %s", (question,)
        )
        again = None
        if second.status == 409:
            retry = second.form(field_name="title")
            again = moderator.post(path, retry.fields)
        final = self.db.value("SELECT body FROM forum_question WHERE id = %s", (question,))
        saw = (
            f"author (server A) and moderator (server B) opened the edit form on revision "
            f"{base}; the author saved first ({first.status}); the moderator got {second.status} "
            f"'someone saved this question while you were editing' with the difference "
            f"{'shown' if shows_diff else 'MISSING'} and their own text kept in the form; "
            f"saving that form again, knowingly, answered {again.status if again else '–'}"
        )
        lost = (
            "nothing: the author's edit was not overwritten silently (it is revision "
            f"{int(base or 0) + 1}, {revisions} revisions after the conflict)"
        )
        passed = (
            same_base
            and first.status == 302
            and kept
            and shows_diff
            and stored == author_text.replace("\r\n", "\n")
            and revisions == int(base or 0) + 1
            and again is not None
            and again.status == 302
            and final == moderator_text.replace("\r\n", "\n")
        )
        return Row("Two people editing the same post", saw, lost, passed)

    def soak(self) -> Row:
        self.mark_logs()
        visitors = [*self.people[:14], *self.anonymous[:2]]
        load = Load(self.plan, visitors, self.cfg.soak_connections).start()
        time.sleep(self.cfg.soak_seconds)
        results = load.stop()
        s = summarise(results)
        per_server = {
            port: summarise([r for r in results if r.port == port]) for port in self.cfg.ports
        }
        kinds = by_action(results)
        self.notes.append("Soak, by kind of request:")
        self.notes += [
            f"  {kind:32} {k.requests:5} requests  p50 {_ms(k.p50):>8}  p99 {_ms(k.p99):>8}"
            f"  max {_ms(k.max):>8}  non-2xx/3xx {k.requests - k.ok}"
            for kind, k in kinds.items()
        ]
        fives = sum(n for status, n in s.status.items() if int(status) >= 500)
        lost, lost_ok, details = self.lost(results)
        saw = (
            f"{self.cfg.soak_seconds}s at {self.cfg.soak_connections} connections through both "
            f"servers ({self.cfg.workers} sync workers each), "
            f"{sum(1 for r in results if r.write)} of them writes: {_counts(s)}; "
            f"{s.requests / self.cfg.soak_seconds:.0f} req/s; p50 {_ms(s.p50)}, p95 "
            f"{_ms(s.p95)}, p99 {_ms(s.p99)}, max {_ms(s.max)}; "
            + ", ".join(
                f"{'AB'[i]}: {v.requests} req p99 {_ms(v.p99)}"
                for i, v in enumerate(per_server.values())
            )
        )
        passed = lost_ok and fives == 0 and not s.errors and self.tracebacks() == 0
        return Row(
            "Soak: mixed reads and writes",
            saw,
            lost,
            passed,
            {
                "summary": asdict(s),
                "per_server": {p: asdict(v) for p, v in per_server.items()},
                "by_action": {k: asdict(v) for k, v in kinds.items()},
            }
            | details,
        )

    def backup(self) -> Row:
        self.db.wait_for_queue(60)
        dump = self.temp / "rungs.dump"
        url = self.env["DATABASE_URL"]
        started = time.monotonic()
        procs.run([dbcache.pg_tool("pg_dump"), "-Fc", "-f", dump, url], env=self.env, capture=True)
        dumped = time.monotonic() - started
        live = self.audit([])["rows"]
        restored_url = url.rsplit("/", 1)[0] + "/rungs_restored"
        self.db.execute("DROP DATABASE IF EXISTS rungs_restored")
        self.db.execute("CREATE DATABASE rungs_restored")
        try:
            started = time.monotonic()
            procs.run(
                [dbcache.pg_tool("pg_restore"), "-j", "2", "--no-owner", "-d", restored_url, dump],
                env=self.env,
                capture=True,
            )
            restored = time.monotonic() - started
            found = self.audit([], url=restored_url)
            migrations = procs.run(
                [sys.executable, "manage.py", "migrate", "--check"],
                env={**self.env, "DATABASE_URL": restored_url},
                capture=True,
            )
        finally:
            self.db.execute("DROP DATABASE IF EXISTS rungs_restored")
        same = found["rows"] == live
        saw = (
            f"pg_dump -Fc: {dump.stat().st_size / 1e6:.1f} MB in {dumped:.1f}s while the site "
            f"ran; pg_restore -j 2 into a new database in {restored:.1f}s; migrate --check "
            f"{'clean' if migrations.returncode == 0 else 'FAILED'}"
        )
        lost = (
            "nothing: the restored copy has the same rows ("
            + ", ".join(f"{n} {what}" for what, n in live.items())
            + ") and passes the same audit"
            if same and not found["new_half_written"]
            else f"restored {found['rows']} vs live {live}; {found['new_half_written'][:3]}"
        )
        return Row("Backup and restore", saw, lost, same and not found["new_half_written"])

    def mail_overall(self) -> Row:
        """Every notification e-mail owed since the drills began went out, and none twice."""
        deadline = time.monotonic() + 120
        found = self.audit(self.all_writes)
        while found["mail_unsent_count"] and time.monotonic() < deadline:
            time.sleep(3)
            found = self.audit(self.all_writes)
        messages = self.stack.messages()
        ids = Counter(m["message_id"] for m in messages)
        duplicates = sum(n - 1 for n in ids.values() if n > 1)
        saw = (
            f"{len(messages)} e-mails reached the mail server over all the drills "
            f"(notifications and account mail); {duplicates} Message-IDs arrived twice"
        )
        lost = (
            f"nothing: {found['mail_owed']}/{found['mail_owed']} notification e-mails owed "
            "since the drills began were sent"
            if not found["mail_unsent_count"]
            else f"{found['mail_unsent_count']} of {found['mail_owed']} notification e-mails "
            f"NOT SENT: {found['mail_unsent'][:5]}"
        )
        missing = found["missing_count"]
        if missing:
            lost += f"; {missing} acknowledged writes missing overall"
        passed = not found["mail_unsent_count"] and duplicates == 0 and not missing
        return Row("All drills: e-mail and writes, end to end", saw, lost, passed)


def _at_once(calls: list) -> list[Result]:
    """Run every call in its own thread, released together."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(i: int, call) -> None:
        barrier.wait()
        results[i] = call()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _tagged(output: str, tag: str) -> dict:
    for line in output.splitlines():
        if line.startswith(f"{tag} "):
            return json.loads(line.removeprefix(f"{tag} "))
    raise Failure(f"no {tag} line in:\n{output[-2000:]}")


def print_table(rows: list[Row]) -> None:
    widths = (26, 64, 40, 4)
    heads = ("fault / check", "what users saw", "what was lost", "")
    line = "+" + "+".join("-" * (w + 2) for w in widths) + "+"

    def emit(cells):
        wrapped = [textwrap.wrap(c, w) or [""] for c, w in zip(cells, widths, strict=True)]
        for i in range(max(len(w) for w in wrapped)):
            parts = [
                (w[i] if i < len(w) else "").ljust(width)
                for w, width in zip(wrapped, widths, strict=True)
            ]
            print("| " + " | ".join(parts) + " |")

    print(line)
    emit(heads)
    print(line.replace("-", "="))
    for row in rows:
        emit((row.drill, row.saw, row.lost, "ok" if row.passed else "FAIL"))
        print(line)


DRILLS = {
    "postgres": Drills.postgres,
    "redis": Drills.redis,
    "smtp": Drills.smtp,
    "worker-rcpt": lambda d: d.worker_killed("rcpt"),
    "worker-quit": lambda d: d.worker_killed("quit"),
    "server": Drills.server_killed,
    "rolling": Drills.rolling_restart,
    "voters": Drills.voters,
    "accepts": Drills.accepts,
    "edits": Drills.edit_conflict,
    "soak": Drills.soak,
    "backup": Drills.backup,
    "mail": Drills.mail_overall,
}


def _stop_on_signal(signum, _frame):
    raise SystemExit(128 + signum)


def main() -> int:
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _stop_on_signal)
    try:
        cfg = Config.from_env()
    except Failure as error:
        print(f"drills: {error}", file=sys.stderr)
        return 2
    unknown = [name for name in cfg.only if name not in DRILLS]
    if unknown:
        print(f"drills: unknown drill(s) {unknown}; known: {', '.join(DRILLS)}", file=sys.stderr)
        return 2
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            print(f"drills: {name} is not set; run `make drills`.", file=sys.stderr)
            return 2
    started = time.monotonic()
    temp = Path(tempfile.mkdtemp(prefix="rungs-drills."))
    logdir = RESULTS / "logs"
    shutil.rmtree(logdir, ignore_errors=True)
    logdir.mkdir(parents=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.drills",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_LOG_LEVEL": os.environ.get("DJANGO_LOG_LEVEL", "WARNING"),
        "BENCH_STATIC_ROOT": str(temp / "static"),
        "DRILLS_PASSWORD": secrets.token_urlsafe(18),
        "DRILLS_SMTP_PORT": str(cfg.smtp_port),
        # The worker's safety net, quicker than production's so that a drill takes seconds.
        "RUNGS_TASK_TIMEOUT": "8",
        "RUNGS_TASK_RETRY_SECONDS": "1",
        "RUNGS_TASK_RECOVERY_SECONDS": "1",
    }
    stack = Stack(env, logdir, ports=cfg.ports, smtp_port=cfg.smtp_port, workers=cfg.workers)
    rows: list[Row] = []
    try:
        for port in [*cfg.ports, cfg.smtp_port]:
            if not procs.port_is_free(port):
                raise Failure(f"port {port} is taken (DRILLS_PORT, DRILLS_SMTP_PORT choose others)")
        drills = Drills(cfg, env, stack, temp)
        print(
            f"drills: {cfg.questions} questions, servers on {cfg.ports[0]} and {cfg.ports[1]} "
            f"({cfg.workers} workers each), mail on {cfg.smtp_port}; logs in "
            f"{logdir.relative_to(ROOT)}/"
        )
        drills.prepare()
        for name, drill in DRILLS.items():
            if cfg.only and name not in cfg.only:
                continue
            print(f"Drill: {name}…", flush=True)
            try:
                row = drill(drills)
            except Failure as error:
                row = Row(name, f"the drill could not run: {error}", "–", False)
            rows.append(row)
            stack.procs.check_alive()
    except Failure as error:
        print(f"\ndrills FAILED: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\ndrills: interrupted; stopping everything.", file=sys.stderr)
        return 130
    finally:
        stack.stop_all()
        shutil.rmtree(temp, ignore_errors=True)
    print()
    print_table(rows)
    for note in drills.notes:
        print(note)
    seconds = time.monotonic() - started
    failed = [row.drill for row in rows if not row.passed]
    RESULTS.mkdir(parents=True, exist_ok=True)
    saved = RESULTS / "latest.json"
    saved.write_text(
        json.dumps(
            {
                "rows": [asdict(row) for row in rows],
                "seconds": round(seconds),
                "config": asdict(cfg),
            },
            indent=1,
            default=str,
        )
    )
    verdict = "all passed" if not failed else f"FAILED: {', '.join(failed)}"
    print(
        f"\n{len(rows)} drills, {verdict}; took {seconds:.0f}s. Details: {saved.relative_to(ROOT)}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
