"""Runs inside Django (`manage.py shell`): what the drills' writes left in the database.

Reads the writes the drills made (DRILLS_WRITES, a JSON file: every write with whether the site
acknowledged it) and prints one line, `AUDIT {json}`:

- acknowledged writes that are missing (lost), and writes that were refused or cut off but are
  in the database anyway (each must then be whole, see below);
- half-written state anywhere: a question or answer without its first revision, a stored
  answer, comment or vote count, score or reputation that disagrees with a fresh count, the
  per-level and per-tag tallies, more than one accepted answer on a question;
- e-mails owed for notifications made since the drills began and not sent (yet).
"""

import json
import os
from collections import Counter


def main() -> None:
    from django.db.models import Count, F, IntegerField, Q, Sum, Value
    from django.db.models.functions import Coalesce
    from django.utils.dateparse import parse_datetime

    from accounts.models import User
    from core.models import SentEmail
    from forum import reputation, tallies
    from forum.models import Answer, Comment, Notification, Question, Vote

    path = os.environ.get("DRILLS_WRITES")
    writes = json.loads(open(path).read()) if path else []  # noqa: SIM115
    since = parse_datetime(os.environ["DRILLS_SINCE"]) if os.environ.get("DRILLS_SINCE") else None

    models = {"question": Question, "answer": Answer, "comment": Comment}
    tokens = {kind: set() for kind in models}
    for write in writes:
        if write["kind"] in models:
            tokens[write["kind"]].add(write["token"])
    found = {
        kind: {
            str(t)
            for t in model.objects.filter(client_token__in=tokens[kind]).values_list(
                "client_token", flat=True
            )
        }
        for kind, model in models.items()
    }
    votes = {
        (user, answer)
        for user, answer in Vote.objects.filter(
            value=1,
            answer_id__in={w["answer"] for w in writes if w["kind"] == "vote"},
        ).values_list("user_id", "answer_id")
    }

    acknowledged, missing, unacknowledged_present = Counter(), [], Counter()
    for write in writes:
        if write["kind"] == "vote":
            present = (write["user"], write["answer"]) in votes
        else:
            present = write["token"] in found[write["kind"]]
        if write["acknowledged"]:
            acknowledged[write["kind"]] += 1
            if not present:
                missing.append(write)
        elif present:
            unacknowledged_present[write["kind"]] += 1

    half = []
    for model in (Question, Answer):
        without = model.objects.filter(revisions__isnull=True).values_list("pk", flat=True)
        half += [f"{model.__name__} {pk} has no revision" for pk in without[:20]]
    counted_answers = Question.objects.annotate(
        visible=Count("answers", filter=Q(answers__is_hidden=False))
    ).exclude(answer_count=F("visible"))
    half += [
        f"question {pk}: answer_count {n}, counted {v}"
        for pk, n, v in counted_answers.values_list("pk", "answer_count", "visible")[:20]
    ]
    for model in (Question, Answer):
        wrong = model.objects.annotate(
            visible=Count("comments", filter=Q(comments__is_hidden=False))
        ).exclude(comment_count=F("visible"))
        half += [
            f"{model.__name__} {pk}: comment_count {n}, counted {v}"
            for pk, n, v in wrong.values_list("pk", "comment_count", "visible")[:20]
        ]
        scored = model.objects.annotate(
            counted=Coalesce(Sum("votes__value"), Value(0), output_field=IntegerField())
        ).exclude(score=F("counted"))
        half += [
            f"{model.__name__} {pk}: score {n}, counted {v}"
            for pk, n, v in scored.values_list("pk", "score", "counted")[:20]
        ]
    totals = reputation.recount()
    wrong_reputation = [
        f"user {pk}: reputation {points}, counted {totals.get(pk, 0)}"
        for pk, points in User.objects.values_list("pk", "reputation")
        if points != totals.get(pk, 0)
    ]
    half += wrong_reputation[:20]
    half += tallies.differences()[:20]
    accepted = (
        Answer.objects.filter(is_accepted=True)
        .values("question_id")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
    )
    half += [f"question {row['question_id']}: {row['n']} accepted answers" for row in accepted]

    owed = Notification.objects.filter(
        recipient__email_frequency="immediate", recipient__email__gt=""
    )
    if since is not None:
        owed = owed.filter(created_at__gte=since)
    owed_keys = {f"notification:{pk}" for pk in owed.values_list("pk", flat=True)}
    sent_keys = set(SentEmail.objects.filter(key__in=owed_keys).values_list("key", flat=True))

    print(
        "AUDIT "
        + json.dumps(
            {
                "acknowledged": dict(acknowledged),
                "missing": missing[:20],
                "missing_count": len(missing),
                "unacknowledged_present": dict(unacknowledged_present),
                "unacknowledged": sum(1 for w in writes if not w["acknowledged"]),
                "half_written": half,
                "mail_owed": len(owed_keys),
                "mail_unsent": sorted(owed_keys - sent_keys)[:20],
                "mail_unsent_count": len(owed_keys - sent_keys),
                "rows": {
                    "questions": Question.objects.count(),
                    "answers": Answer.objects.count(),
                    "comments": Comment.objects.count(),
                    "votes": Vote.objects.count(),
                    "users": User.objects.count(),
                    "notifications": Notification.objects.count(),
                    "sent_emails": SentEmail.objects.count(),
                },
            }
        )
    )
