"""Writes through the real forms, timed, and the two-server consistency check."""

import math
import re
import secrets
import statistics
from pathlib import Path

from bench.procs import Failure
from bench.webclient import Client, FormMissing, Response

WRITE_KINDS = ("ask", "answer", "comment", "vote")


def percentile(values: list[float], pct: float) -> float:
    """Nearest rank: the smallest value with at least pct % of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def run_writes(client: Client, picks: dict, count: int, logdir: Path) -> dict:
    """`count` of each kind of write; the POST itself is timed, the form's GET is not. A page
    that lacks the expected form is saved in `logdir` for a look."""
    results = {}
    for kind in WRITE_KINDS:
        timings, failures, made = [], [], []
        for i in range(count):
            try:
                response, made_url = _WRITERS[kind](client, picks, i)
            except FormMissing as error:
                saved = logdir / f"{kind}-{i + 1}.html"
                saved.write_text(error.page.body)
                failures.append(f"{kind} #{i + 1}: {error}; the page is in {saved.name}")
                continue
            except Failure as error:
                failures.append(f"{kind} #{i + 1}: {error}")
                continue
            if response.status in (302, 303):
                timings.append(response.ms)
                made.append(made_url or response.location)
            else:
                failures.append(f"{kind} #{i + 1}: status {response.status}, {response.title()}")
        results[kind] = {
            "count": len(timings),
            "median_ms": round(statistics.median(timings), 2) if timings else None,
            "p99_ms": round(percentile(timings, 99), 2) if timings else None,
            "timings_ms": [round(t, 2) for t in timings],
            "failures": failures,
            "made": made[:5],
        }
    return results


def _ask(client: Client, picks: dict, i: int) -> tuple[Response, str | None]:
    form = client.get("/questions/ask/").form(field_name="title")
    title = f"Bench question {i + 1} ({secrets.token_hex(3)}): how do I show impact at my level?"
    body = (
        "I am measuring how long asking takes. My manager wants evidence of impact before the "
        f"next review and I am not sure what counts. Attempt {i + 1}."
    )
    tags = ", ".join(picks["ask_tags"][:2]) or "career"
    fields = form.filled(title=title, body=body, level=picks["ask_level"], tags=tags)
    fields = [(n, v) for n, v in fields if n != "is_anonymous"]  # ask openly
    fields.append(("similar_seen", "1"))  # as after reading the similar questions under the title
    return client.post(form.action or "/questions/ask/", fields), None


def _answer(client: Client, picks: dict, i: int) -> tuple[Response, str | None]:
    target = picks["answer_targets"][i % len(picks["answer_targets"])]
    page = _page(client, target["url"])
    form = page.form(action=rf"/questions/{target['id']}/answer/$")
    body = (
        "Write down what you shipped and what it changed for the team, with numbers where you "
        f"have them, and bring it to your next one-to-one. (Bench answer {i + 1}.)"
    )
    return client.post(form.action, form.filled(body=body)), None


_COMMENT_FORM = r"/(questions|answers)/\d+/comment/$"
_COMMENT_LINK = re.compile(r'href="(/(?:questions|answers)/\d+/comment/)"')


def _comment(client: Client, picks: dict, i: int) -> tuple[Response, str | None]:
    """On the question (even turns) or on one of its answers (odd turns, when it has some):
    through the form on the thread's page, or, when the page offers an "Add a comment" link
    instead, through the form page that link opens."""
    target = picks["comment_targets"][i % len(picks["comment_targets"])]
    page = _page(client, target["url"])
    forms = [f for f in page.forms() if re.search(_COMMENT_FORM, f.action)]
    if not forms:
        links = list(dict.fromkeys(_COMMENT_LINK.findall(page.body)))
        if not links:
            raise FormMissing(f"no comment form or link on {target['url']}", page)
        on_answers = [link for link in links if link.startswith("/answers/")]
        link = on_answers[0] if i % 2 and on_answers else links[0]
        page = _page(client, link)
        forms = [f for f in page.forms() if re.search(_COMMENT_FORM, f.action)]
        if not forms:
            raise FormMissing(f"no comment form on {link}", page)
    on_answers = [f for f in forms if "/answers/" in f.action]
    form = on_answers[0] if i % 2 and on_answers else forms[0]
    body = f"Could you say which level this is about? (Bench comment {i + 1}.)"
    return client.post(form.action, form.filled(body=body)), None


def _vote(client: Client, picks: dict, i: int) -> tuple[Response, str | None]:
    target = picks["vote_targets"][i % len(picks["vote_targets"])]
    if not client.csrf_token:
        client.get("/questions/ask/")  # any page with a form hands out the CSRF cookie
    fields = [("csrfmiddlewaretoken", client.csrf_token), ("value", "up")]
    return client.post(f"/answers/{target['id']}/vote/", fields), target["question_url"]


_WRITERS = {"ask": _ask, "answer": _answer, "comment": _comment, "vote": _vote}


def _page(client: Client, path: str, *, port: int | None = None) -> Response:
    page = client.get(path, port=port)
    if page.status != 200:
        raise Failure(f"GET {path} answered {page.status}: {page.title()}")
    return page


def answer_score(html: str, answer_id: int) -> int | None:
    """The score shown in an answer's vote box (the number after the box's hidden "Score"
    label), or None if the page shows none."""
    start = html.find(f'id="vote-answer-{answer_id}"')
    if start < 0:
        return None
    found = re.search(
        r'class="vote__score"[^>]*>\s*(?:<span[^>]*>[^<]*</span>\s*)*([-−]?\d[\d,]*)',
        html[start : start + 4000],
    )
    return int(found.group(1).replace("−", "-").replace(",", "")) if found else None


def consistency(
    client: Client, picks: dict, ports: list[int], own_question: str | None, logdir: Path
) -> tuple[bool, list[tuple[bool, str]]]:
    """A vote and an edit made through server A must show on server B's very next page, to an
    anonymous reader and to the signed-in author alike. Returns (passed, lines)."""
    port_a, port_b = ports
    lines: list[tuple[bool, str]] = []

    def anonymous(path: str) -> Response:
        return _page(Client(port_b), path)  # a first-time reader: no cookies at all

    def signed_in(path: str) -> Response:
        return _page(client, path, port=port_b)

    # The vote: an answer the bench has not voted on, on a thread nobody wrote to.
    target = picks["vote_targets"][-1]
    url, answer_id = target["question_url"], target["id"]
    before = {
        who: answer_score(view(url).body, answer_id) for who, view in _views(anonymous, signed_in)
    }
    if None in before.values():
        lines.append((False, f"vote: cannot read answer {answer_id}'s score on {url}"))
    else:
        cast = client.post(
            f"/answers/{answer_id}/vote/",
            [("csrfmiddlewaretoken", client.csrf_token), ("value", "up")],
            port=port_a,
        )
        if cast.status not in (302, 303):
            lines.append((False, f"vote through A answered {cast.status}: {cast.title()}"))
        else:
            for who, view in _views(anonymous, signed_in):
                shown = answer_score(view(url).body, answer_id)
                ok = shown == before[who] + 1
                lines.append((ok, f"vote on A, {who} reader on B: score {before[who]} → {shown}"))

    # The edit: the bench user's own question, retitled through A.
    if own_question is None:
        asked, _ = _ask(client, picks, 999)
        own_question = asked.location if asked.status in (302, 303) else None
    if own_question is None:
        lines.append((False, "edit: the bench user has no question to edit"))
        return all(ok for ok, _ in lines), lines
    own_question = own_question.split("#")[0]
    question_id = re.search(r"/questions/(\d+)/", own_question).group(1)
    for _, view in _views(anonymous, signed_in):
        view(own_question)  # B has now served (and perhaps cached) the old title
    form = _page(client, f"/questions/{question_id}/edit/", port=port_a).form(field_name="title")
    marker = f"retitled {secrets.token_hex(4)}"
    title = f"Bench question edited on server A ({marker})"
    saved = client.post(
        form.action or f"/questions/{question_id}/edit/",
        form.filled(title=title, reason="consistency check"),
        port=port_a,
    )
    if saved.status not in (302, 303):
        (logdir / "edit-refused.html").write_text(saved.body)
        lines.append((False, f"edit through A answered {saved.status} (page in edit-refused.html)"))
        return all(ok for ok, _ in lines), lines
    new_url = saved.location.split("#")[0]
    for who, view in _views(anonymous, signed_in):
        ok = marker in view(new_url).body
        lines.append((ok, f"edit on A, {who} reader on B: {'new' if ok else 'OLD'} title shown"))
    if new_url != own_question:  # a new slug: the old address must not keep the old page alive
        readers = (("anonymous", Client(port_b)), ("signed-in", client))
        for who, reader in readers:
            old = reader.get(own_question, port=port_b)
            ok = (old.redirected and old.location.split("#")[0] == new_url) or (
                old.status == 200 and marker in old.body
            )
            shown = "redirects to the new one" if old.redirected else f"answers {old.status}"
            lines.append((ok, f"edit on A, {who} reader on B: the old address {shown}"))
    return all(ok for ok, _ in lines), lines


def _views(anonymous, signed_in):
    return (("anonymous", anonymous), ("signed-in", signed_in))
