import pytest

from forum import selectors, services
from forum.models import Answer, Notification, Question
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")


def titles(questions):
    return [q.title for q in questions]


@pytest.fixture
def three(ladder):
    """Three questions whose orderings differ by each sort."""
    old = QuestionFactory(title="Oldest question about promotion", tags=["promotion"])
    mid = QuestionFactory(title="Middle question about burnout", tags=["burnout", "pip"])
    new = QuestionFactory(title="Newest question about a PIP", tags=["pip"], level=ladder["junior"])
    services.vote_cast(user=UserFactory(), post=mid, value=1)
    AnswerFactory(question=old)  # old becomes the most recently active
    return old, mid, new


def test_sorts(three):
    old, mid, new = three
    assert titles(selectors.question_list(sort="newest")) == [new.title, mid.title, old.title]
    assert titles(selectors.question_list(sort="active"))[0] == old.title
    assert titles(selectors.question_list(sort="votes"))[0] == mid.title
    assert titles(selectors.question_list(sort="unanswered")) == [new.title, mid.title]


def test_filters_combine(three, ladder):
    _, mid, new = three
    assert titles(selectors.question_list(tag="pip")) == [new.title, mid.title]
    assert titles(selectors.question_list(tag="pip", level=ladder["mid"])) == [mid.title]
    assert titles(selectors.question_list(level=ladder["senior"])) == []


def test_hidden_questions_leave_the_lists(three):
    old, _, _ = three
    Question.objects.filter(pk=old.pk).update(is_hidden=True)
    assert old.title not in titles(selectors.question_list())
    assert selectors.question_get(pk=old.pk) is None


def test_answers_show_accepted_first_then_score_then_oldest():
    question = QuestionFactory()
    first, second, third, fourth = (AnswerFactory(question=question) for _ in range(4))
    services.vote_cast(user=UserFactory(), post=third, value=1)
    services.answer_accept(user=question.author, answer=fourth)
    page = selectors.question_page(question=question, viewer=UserFactory())
    assert [item.post.pk for item in page.answers] == [fourth.pk, third.pk, first.pk, second.pk]


def test_the_page_carries_comments_and_the_viewers_votes():
    question = QuestionFactory()
    answer = AnswerFactory(question=question)
    viewer = UserFactory()
    CommentFactory(post=question, body="A comment on the question")
    CommentFactory(post=answer, body="A comment on the answer")
    services.vote_cast(user=viewer, post=answer, value=-1)
    page = selectors.question_page(question=question, viewer=viewer)
    assert [c.comment.body for c in page.question.comments] == ["A comment on the question"]
    assert [c.comment.body for c in page.answers[0].comments] == ["A comment on the answer"]
    assert (page.question.my_vote, page.answers[0].my_vote) == (0, -1)


def test_hidden_answers_and_comments_are_left_out():
    question = QuestionFactory()
    kept, gone = AnswerFactory(question=question), AnswerFactory(question=question)
    comment = CommentFactory(post=question)
    Answer.objects.filter(pk=gone.pk).update(is_hidden=True)
    type(comment).objects.filter(pk=comment.pk).update(is_hidden=True)
    page = selectors.question_page(question=question, viewer=UserFactory())
    assert [item.post.pk for item in page.answers] == [kept.pk]
    assert page.question.comments == []


def test_related_questions_are_read_from_the_stored_list_and_still_visible(ladder):
    question = QuestionFactory(tags=["pip"])
    shown, gone = QuestionFactory(tags=["pip"]), QuestionFactory(tags=["pip"])
    Question.objects.filter(pk=question.pk).update(related_ids=[gone.pk, shown.pk])
    services.visibility_set(item=gone, hidden=True, by=None, reason="spam")
    question.refresh_from_db()
    assert selectors.question_related(question=question) == [shown]


def test_the_sidebar_picks_one_expectation_per_competency(ladder):
    picks = selectors.level_highlights(level=ladder["senior"])
    assert len(picks) == 6
    assert len({e.competency_id for e in picks}) == 6
    assert all(e.level_id == ladder["senior"].pk and e.track_id is None for e in picks)


def test_home_and_tag_counts(three):
    home = selectors.home(size=2)
    assert titles(home.newest) == ["Newest question about a PIP", "Middle question about burnout"]
    assert titles(home.active) == ["Oldest question about promotion"]  # answered, not shown yet
    assert selectors.home(size=3).active == []  # each question shows once
    counts = {item.level.slug: item.questions for item in home.levels}
    assert counts == {"junior": 1, "mid": 2, "senior": 0}
    assert [(tag.name, tag.n) for tag in home.tags] == [
        ("pip", 2),
        ("burnout", 1),
        ("promotion", 1),
    ]


def test_a_persons_anonymous_posts_show_only_to_them():
    person = UserFactory()
    QuestionFactory(author=person, title="My public question about growth")
    QuestionFactory(author=person, is_anonymous=True, title="My anonymous question on a PIP")
    AnswerFactory(author=person, is_anonymous=True)
    others_view = selectors.user_activity(person=person, viewer=UserFactory())
    own_view = selectors.user_activity(person=person, viewer=person)
    assert titles(others_view.questions) == ["My public question about growth"]
    assert others_view.answers == []
    assert len(own_view.questions) == 2
    assert len(own_view.answers) == 1


def test_the_unread_badge_counts_to_a_hundred_at_most(client):
    question = QuestionFactory()
    recipient = question.author
    Notification.objects.bulk_create(
        Notification(recipient=recipient, kind="answer", question=question) for _ in range(120)
    )
    assert selectors.notification_unread_count(recipient=recipient) == selectors.UNREAD_SHOWN + 1
    client.force_login(recipient)
    assert '<span class="nav-count">99+<' in client.get("/tags/").text
