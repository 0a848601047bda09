"""What a question page shows beside the thread: related questions, and what its level
expects."""

from forum.models import Question
from ladder.models import Expectation, Level


def question_related(*, question: Question) -> list[Question]:
    """The related questions stored for this one (forum/related.py), those still visible."""
    if not question.related_ids:
        return []
    found = Question.objects.visible().filter(pk__in=question.related_ids)
    by_id = {q.pk: q for q in found.only("pk", "slug", "title", "score", "answer_count")}
    return [by_id[pk] for pk in question.related_ids if pk in by_id]


def level_highlights(*, level: Level, limit: int = 6) -> list[Expectation]:
    """A few of what a level adds, one per competency, for the question page's sidebar."""
    expectations = (
        Expectation.objects.active()
        .filter(level=level, track__isnull=True)
        .select_related("competency")
        .order_by("competency__order", "order")
    )
    picked, seen = [], set()
    for expectation in expectations:
        if expectation.competency_id not in seen:
            seen.add(expectation.competency_id)
            picked.append(expectation)
    return picked[:limit]
