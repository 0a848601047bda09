"""A hidden contribution leaves every public list, page and profile; moderators still see it
(forum/selectors: lists, home, tags, search, sidebar, activity, threads)."""

import pytest

from forum.models import Answer, Comment, Question
from forum.selectors.activity import user_activity
from forum.selectors.home import home as read_home
from forum.selectors.lists import question_list
from forum.selectors.search import question_search
from forum.selectors.sidebar import question_related
from forum.selectors.threads import question_get, question_page
from forum.services.visibility import contribution_delete
from moderation.services.visibility import contribution_hide
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory
from tests.moderation.factories import fresh, moderator

pytestmark = pytest.mark.usefixtures("ladder")


class TestHiddenContentLeavesThePublicSite:
    @pytest.fixture
    def hidden_question(self, ladder):
        shown = QuestionFactory(title="A visible question about promotions", tags=["promotion"])
        gone = QuestionFactory(
            title="A hidden question about quarterly promotions", tags=["promotion", "secret-tag"]
        )
        AnswerFactory(question=shown)
        AnswerFactory(question=gone)
        contribution_hide(moderator=moderator(), contribution=gone, reason="Spam")
        return shown, fresh(gone)

    def test_lists_home_levels_tags_search_related_and_profiles(self, hidden_question, ladder):
        shown, gone = hidden_question
        assert list(question_list()) == [shown]
        assert list(question_list(level=ladder["mid"])) == [shown]
        assert list(question_list(tag="promotion")) == [shown]
        home = read_home()
        assert gone not in home.newest
        assert gone not in home.active
        assert {c.level.slug: c.questions for c in home.levels}["mid"] == 1
        assert {t.name: t.n for t in home.tags} == {"promotion": 1}
        assert question_search(query="promotions") == [shown.pk]
        Question.objects.filter(pk=shown.pk).update(related_ids=[gone.pk])
        shown.refresh_from_db()
        assert question_related(question=shown) == []
        activity = user_activity(person=gone.author, viewer=gone.author)
        assert activity.questions == []
        assert question_get(pk=gone.pk, viewer=UserFactory()) is None
        assert question_get(pk=gone.pk, viewer=moderator()) == gone
        assert Question.objects.filter(pk=gone.pk).exists()

    def test_hidden_answers_and_comments_show_only_to_moderators(self):
        question = QuestionFactory()
        kept, gone = AnswerFactory(question=question), AnswerFactory(question=question)
        comment = CommentFactory(post=question)
        mod = moderator()
        contribution_hide(moderator=mod, contribution=gone, reason="Spam")
        contribution_hide(moderator=mod, contribution=comment, reason="Rude")
        question = fresh(question)
        assert (question.answer_count, question.comment_count) == (1, 0)
        public = question_page(question=question, viewer=UserFactory())
        assert [item.post for item in public.answers] == [kept]
        assert public.question.comments == []
        for_mod = question_page(question=question, viewer=mod)
        assert {item.post.pk for item in for_mod.answers} == {kept.pk, gone.pk}
        assert [c.comment for c in for_mod.question.comments] == [comment]
        assert Answer.objects.count() == 2
        assert Comment.objects.count() == 1

    def test_a_hidden_answers_own_activity_leaves_the_profile(self):
        answer = AnswerFactory()
        contribution_delete(user=answer.author, contribution=answer)
        activity = user_activity(person=answer.author, viewer=answer.author)
        assert activity.answers == []
