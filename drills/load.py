"""Mixed reading and writing by many people at once, through a round-robin balancer in front of
the app servers, recording what every request got back.

The balancer does what nginx does by default: a server that refuses the connection is skipped
(the request goes to the next one), a GET cut off halfway is tried on the next server, and a POST
cut off halfway is not retried (the person sees an error; whether it was saved is for the audit
to say).
"""

import http.client
import random
import statistics
import threading
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlencode

from bench.writes import percentile

TIMEOUT = 10  # seconds; an answer slower than this counts as a hang


@dataclass
class Result:
    action: str
    method: str
    started: float  # time.monotonic()
    ms: float
    status: int = 0  # 0: no answer (see error)
    error: str = ""  # "", "refused", "cut", "timeout", "logged out", "no server"
    port: int | None = None
    rerouted: bool = False  # a server refused the connection; the next one answered
    write: dict | None = None  # what a POST meant to save

    @property
    def ok(self) -> bool:
        return not self.error and 200 <= self.status < 400

    @property
    def answered_5xx(self) -> bool:
        return self.status >= 500

    @property
    def ended(self) -> float:
        return self.started + self.ms / 1000


class Unanswered(Exception):
    def __init__(self, error: str, *, sent: bool):
        super().__init__(error)
        self.error = error
        self.sent = sent  # the request reached a server before it went wrong


def _send(port: int, method: str, path: str, headers: dict, body: str | None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        try:
            connection.connect()
        except ConnectionRefusedError:
            raise Unanswered("refused", sent=False) from None
        except TimeoutError:
            raise Unanswered("timeout", sent=False) from None
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
        except TimeoutError:
            raise Unanswered("timeout", sent=True) from None
        except (ConnectionError, http.client.HTTPException, OSError):
            raise Unanswered("cut", sent=True) from None
        return response.status, response.headers, data
    finally:
        connection.close()


class Visitor:
    """One person's browser: their cookies (none for an anonymous reader)."""

    def __init__(self, ports: list[int], cookies: dict | None = None, user: dict | None = None):
        self.ports = ports
        self.cookies = dict(cookies or {})
        self.user = user
        self._next = random.randrange(len(ports))
        self._lock = threading.Lock()

    @property
    def signed_in(self) -> bool:
        return "sessionid" in self.cookies

    def _order(self) -> list[int]:
        with self._lock:
            start, self._next = self._next, self._next + 1
        return [self.ports[(start + i) % len(self.ports)] for i in range(len(self.ports))]

    def request(self, action: str, method: str, path: str, fields=None, *, port=None, write=None):
        headers = {"User-Agent": "rungs-drills", "Accept": "text/html"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        result = Result(action=action, method=method, started=started, ms=0, write=write)
        for attempt, target in enumerate([port] if port else self._order()):
            try:
                status, response_headers, _ = _send(target, method, path, headers, body)
            except Unanswered as problem:
                result.error, result.port = problem.error, target
                if problem.sent and method == "POST":
                    break  # a balancer does not send a POST twice
                result.rerouted = True
                continue
            result.status, result.port, result.error = status, target, ""
            result.rerouted = attempt > 0
            location = response_headers.get("Location", "")
            if method == "POST" and status in (302, 303) and "/accounts/login/" in location:
                result.error = "logged out"
            break
        else:
            if not result.error:
                result.error = "no server"
        result.ms = (time.monotonic() - started) * 1000
        return result

    @property
    def csrf(self) -> str:
        return self.cookies.get("csrftoken", "")


class Plan:
    """What people do: mostly reading, some writing (signed-in visitors only)."""

    READS = (
        ("home", 3),
        ("question", 5),
        ("list", 2),
        ("tag", 1),
        ("search", 1),
        ("ladder", 1),
    )
    WRITES = (("answer", 2), ("comment", 3), ("vote", 4), ("ask", 1))
    SEARCHES = ("promotion", "manager review", "senior", "on-call", "feedback", "impact")

    def __init__(self, setup: dict, *, write_share: float = 0.2, seed: int = 1):
        self.setup = setup
        self.write_share = write_share
        self.rng = random.Random(seed)
        self._lock = threading.Lock()
        self._votes: dict[int, list[int]] = {}  # per person: answers not voted on yet

    def _pick(self, options):
        with self._lock:
            names, weights = zip(*options, strict=True)
            return self.rng.choices(names, weights)[0]

    def _choice(self, items):
        with self._lock:
            return self.rng.choice(items)

    def step(self, visitor: Visitor) -> Result:
        if visitor.signed_in and self.rng.random() < self.write_share:
            return self.write(visitor, self._pick(self.WRITES))
        return self.read(visitor, self._pick(self.READS))

    def read(self, visitor: Visitor, kind: str) -> Result:
        setup = self.setup
        if kind == "home":
            path = "/"
        elif kind == "question":
            path = self._choice(setup["questions"])["url"]
        elif kind == "list":
            sort = self._choice(["active", "newest", "votes", "unanswered"])
            path = f"/questions/?sort={sort}&page={self._choice([1, 1, 1, 2, 3])}"
        elif kind == "tag":
            path = f"/questions/tagged/{self._choice(setup['tags'])}/"
        elif kind == "search":
            path = "/search/?" + urlencode({"q": self._choice(self.SEARCHES)})
        else:
            path = f"/ladder/{self._choice(setup['levels'])}/"
        who = "signed-in" if visitor.signed_in else "anonymous"
        return visitor.request(f"read {kind} ({who})", "GET", path)

    def write(self, visitor: Visitor, kind: str) -> Result:
        token = str(uuid.uuid4())
        csrf = [("csrfmiddlewaretoken", visitor.csrf)]
        question = self._choice(self.setup["questions"])
        if kind == "vote":
            answer = self._next_vote(visitor)
            if answer is None:
                return self.read(visitor, "question")
            write = {"kind": "vote", "user": visitor.user["id"], "answer": answer}
            return visitor.request(
                "write vote",
                "POST",
                f"/answers/{answer}/vote/",
                [*csrf, ("value", "up")],
                write=write,
            )
        write = {"kind": kind if kind != "ask" else "question", "token": token}
        if kind == "answer":
            fields = [
                ("body", f"Keep a record of what you shipped and its effect. Drill {token}."),
                ("client_token", token),
            ]
            path = f"/questions/{question['id']}/answer/"
        elif kind == "comment":
            fields = [
                ("body", f"Which level is this about? Drill {token[:8]}."),
                ("client_token", token),
            ]
            path = f"/questions/{question['id']}/comment/"
        else:
            fields = [
                ("title", f"Drill question {token[:8]}: how do I show impact at my level?"),
                ("body", f"My review is soon and I need evidence of impact. Drill {token}."),
                ("level", "mid"),
                ("tags", self._choice(self.setup["tags"]) if self.setup["tags"] else "career"),
                ("client_token", token),
                ("similar_seen", "1"),  # the asker read the similar questions under the title
            ]
            path = "/questions/ask/"
        return visitor.request(f"write {kind}", "POST", path, [*csrf, *fields], write=write)

    def _next_vote(self, visitor: Visitor) -> int | None:
        """Each person votes on each answer once at most: every vote is then checkable."""
        with self._lock:
            pool = self._votes.get(visitor.user["id"])
            if pool is None:
                pool = list(self.setup["answers"])
                random.Random(visitor.user["id"]).shuffle(pool)
                self._votes[visitor.user["id"]] = pool
            return pool.pop() if pool else None


class Load:
    """`threads` connections doing plan.step over and over, until stop()."""

    def __init__(self, plan: Plan, visitors: list[Visitor], threads: int, pause: float = 0.0):
        self.plan = plan
        self.visitors = visitors
        self.threads = threads
        self.pause = pause
        self.results: list[Result] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._workers: list[threading.Thread] = []

    def start(self) -> "Load":
        for i in range(self.threads):
            thread = threading.Thread(target=self._loop, args=(i,), daemon=True)
            thread.start()
            self._workers.append(thread)
        return self

    def _loop(self, seed: int) -> None:
        """One connection: each request as one of the visitors, chosen at random."""
        rng = random.Random(seed)
        while not self._stop.is_set():
            result = self.plan.step(rng.choice(self.visitors))
            with self._lock:
                self.results.append(result)
            if self.pause:
                time.sleep(self.pause)

    def stop(self) -> list[Result]:
        self._stop.set()
        for thread in self._workers:
            thread.join(timeout=TIMEOUT + 5)
        return list(self.results)

    def run(self, seconds: float) -> list[Result]:
        self.start()
        time.sleep(seconds)
        return self.stop()


@dataclass
class Summary:
    requests: int = 0
    ok: int = 0
    status: dict = field(default_factory=dict)  # e.g. {"200": 10, "503": 2}
    errors: dict = field(default_factory=dict)  # e.g. {"cut": 1}
    p50: float | None = None
    p95: float | None = None
    p99: float | None = None
    max: float | None = None
    rerouted: int = 0
    writes: int = 0
    writes_saved: int = 0


def summarise(results: list[Result]) -> Summary:
    summary = Summary(requests=len(results))
    times = [r.ms for r in results]
    for r in results:
        summary.ok += r.ok
        if r.status:
            summary.status[str(r.status)] = summary.status.get(str(r.status), 0) + 1
        if r.error:
            summary.errors[r.error] = summary.errors.get(r.error, 0) + 1
        summary.rerouted += r.ok and r.rerouted
        if r.write is not None:
            summary.writes += 1
            summary.writes_saved += r.ok
    if times:
        summary.p50 = round(statistics.median(times), 1)
        summary.p95 = round(percentile(times, 95), 1)
        summary.p99 = round(percentile(times, 99), 1)
        summary.max = round(max(times), 1)
    return summary


def by_action(results: list[Result]) -> dict[str, Summary]:
    kinds: dict[str, list[Result]] = {}
    for r in results:
        kinds.setdefault(r.action, []).append(r)
    return {kind: summarise(rs) for kind, rs in sorted(kinds.items())}


def writes_of(results: list[Result]) -> list[dict]:
    """Every write, and whether the site acknowledged it (a redirect to what was saved)."""
    return [{**r.write, "acknowledged": r.ok} for r in results if r.write is not None]
