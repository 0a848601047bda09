"""Runs inside Django (`manage.py shell`): the drills' people and the posts they act on.

Prints one line, `SETUP {json}`, that drills/run.py reads. Everything is made through the
services, so counters, revisions and notifications are what the site itself would write.
"""

import json
import os
import random

PEOPLE = 60  # drill-01 … drill-60: voters, writers, notification recipients
DOMAIN = "drills.rungs.localhost"


def _person(name: str, password: str, **extra):
    from allauth.account.models import EmailAddress

    from accounts.models import User

    email = f"{name}@{DOMAIN}"
    user = User(
        username=name,
        email=email,
        display_name=name.replace("-", " ").title(),
        band="mid",
        email_frequency="immediate",
        **extra,
    )
    user.set_password(password)
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def main() -> None:
    from forum.models import Answer, Question, TaggedQuestion
    from forum.services.answers import answer_create
    from forum.services.questions import question_create
    from ladder.models import Level

    password = os.environ["DRILLS_PASSWORD"]
    rng = random.Random(1)
    mid = Level.objects.get(slug="mid")
    people = [_person(f"drill-{i:02d}", password) for i in range(1, PEOPLE + 1)]
    moderator = _person("drill-moderator", password, is_moderator=True)
    asker = _person("drill-asker", password)
    author = _person("drill-author", password)

    def ask(who, title: str):
        return question_create(
            author=who,
            title=title,
            body=(
                "My manager says the work is good but not yet at the next level. What evidence "
                "should I collect before the review, and how do I bring it up?"
            ),
            level=mid,
            tags=["promotion"],
        )

    def answer(who, question, text: str):
        return answer_create(
            author=who,
            question=question,
            body=f"{text} Write down what you shipped and what it changed for the team.",
        )

    # 20 answers to accept and unaccept concurrently.
    accept_question = ask(asker, "Drill: which of these twenty answers should I accept?")
    accept_answers = [
        answer(person, accept_question, f"Answer {i + 1} to accept.")
        for i, person in enumerate(people[:20])
    ]
    # One answer that 50 people upvote at once; its author is nobody else's voter.
    seeded = Question.objects.visible().filter(closed_at__isnull=True, locked_at__isnull=True)
    vote_question = seeded.order_by("pk").first()
    vote_answer = answer(author, vote_question, "The answer fifty people upvote at once.")
    # A question its author and a moderator edit from the same revision.
    edit_question = ask(people[59], "Drill: the question two people edit at the same time")
    # Questions whose authors get an e-mail per answer (mail drills).
    mail_questions = [
        ask(person, f"Drill: a question whose author is mailed, number {i + 1}")
        for i, person in enumerate(people[50:58])
    ]

    # What the load reads and writes: open, visible questions and answers by others.
    questions = list(
        seeded.exclude(pk=vote_question.pk).order_by("pk").values_list("pk", "slug")[:300]
    )
    rng.shuffle(questions)
    answers = list(
        Answer.objects.visible()
        .filter(question__in=seeded, question__is_anonymous=False)
        .exclude(pk=vote_answer.pk)
        .exclude(author__username__startswith="drill-")
        .order_by("pk")
        .values_list("pk", flat=True)[:4000]
    )
    rng.shuffle(answers)
    tags = list(TaggedQuestion.objects.values_list("tag__slug", flat=True).distinct()[:20])
    setup = {
        "domain": DOMAIN,
        "people": [{"id": p.pk, "email": p.email, "username": p.username} for p in people],
        "moderator": {"id": moderator.pk, "email": moderator.email},
        "asker": {"id": asker.pk, "email": asker.email},
        "author": {"id": author.pk, "email": author.email},
        "accept": {"question": accept_question.pk, "answers": [a.pk for a in accept_answers]},
        "vote": {"answer": vote_answer.pk, "question": vote_question.pk},
        "edit": {"question": edit_question.pk, "author": people[59].pk},
        "mail_questions": [
            {"id": q.pk, "author_email": q.author.email, "url": q.get_absolute_url()}
            for q in mail_questions
        ],
        "questions": [{"id": pk, "url": f"/questions/{pk}/{slug}/"} for pk, slug in questions],
        "answers": answers,
        "tags": tags,
        "levels": list(Level.objects.order_by("order").values_list("slug", flat=True)),
    }
    print("SETUP " + json.dumps(setup))
