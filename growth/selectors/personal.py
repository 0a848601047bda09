"""Everything growth keeps for a person, for their own export (privacy.selectors): each
self-assessment with every rating and its evidence, and each plan with its goals, their
actions, its live share link and when old links were turned off. A fixed number of queries,
however many there are."""

from django.db.models import Prefetch
from django.urls import reverse

from accounts.models import User
from growth.models import Assessment, Plan, Rating


def personal_data(*, owner: User) -> dict:
    assessments = (
        Assessment.objects.filter(owner=owner)
        .select_related("track", "current_level", "target_level")
        .prefetch_related(
            Prefetch(
                "ratings",
                queryset=Rating.objects.select_related("expectation__competency").order_by(
                    "expectation__competency__order", "expectation__order", "id"
                ),
            )
        )
        .order_by("created_at", "id")
    )
    plans = (
        Plan.objects.filter(owner=owner)
        .prefetch_related("goals__competency", "goals__actions", "revoked_links")
        .order_by("created_at", "id")
    )
    return {
        "assessments": [
            {
                "id": a.pk,
                "track": a.track.name,
                "current_level": a.current_level.name,
                "target_level": a.target_level.name,
                "status": a.status,
                "ladder_version": a.ladder_version,
                "created_at": a.created_at,
                "finished_at": a.finished_at,
                "ratings": [
                    {
                        "expectation": r.expectation.key,
                        "competency": r.expectation.competency.name,
                        "text": r.expectation.text,
                        "rating": r.get_value_display() if r.is_rated else None,
                        "evidence": r.evidence,
                        "carried_from": r.carried_from,
                    }
                    for r in a.ratings.all()
                ],
            }
            for a in assessments
        ],
        "plans": [
            {
                "id": p.pk,
                "title": p.title,
                "from_assessment_id": p.assessment_id,
                "to_discuss_with_manager": p.discussion_topics,
                "share_link": (
                    {
                        "url": reverse("growth:shared", kwargs={"token": p.share_token}),
                        "shared_at": p.shared_at,
                    }
                    if p.share_token
                    else None
                ),
                "turned_off_share_links": [
                    {"shared_at": link.shared_at, "turned_off_at": link.revoked_at}
                    for link in p.revoked_links.all()
                ],
                "created_at": p.created_at,
                "updated_at": p.updated_at,
                "goals": [
                    {
                        "goal": g.title,
                        "competency": g.competency.name if g.competency_id else None,
                        "why": g.why,
                        "actions": [
                            {
                                "action": a.text,
                                "due": a.due,
                                "done_at": a.done_at,
                                "created_at": a.created_at,
                            }
                            for a in g.actions.all()
                        ],
                        "who_can_help": g.support_list,
                        "evidence_to_collect": g.evidence_list,
                        "target_date": g.target_date,
                        "done": g.done,
                    }
                    for g in p.goals.all()
                ],
            }
            for p in plans
        ],
    }
