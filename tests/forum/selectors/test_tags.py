"""Tags offered while a question's tags are typed (forum/selectors/tags.py)."""

import pytest
from taggit.models import Tag

from forum.selectors.tags import TagSuggestion, tag_suggestions, tags_matching
from forum.services.tagwiki import tag_wiki_edit
from forum.services.visibility import contribution_delete
from tests.factories import QuestionFactory
from tests.moderation.factories import moderator

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("ladder")]


@pytest.fixture
def tagged():
    for tags in (["promotion", "pip"], ["promotion"], ["promotion", "probation"], ["pip"]):
        QuestionFactory(tags=tags)


def test_tags_that_start_with_what_is_typed_most_asked_first(tagged, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = tags_matching(start="p")
    assert found == [
        TagSuggestion("promotion", 3),
        TagSuggestion("pip", 2),
        TagSuggestion("probation", 1),
    ]
    assert tags_matching(start="pro") == [
        TagSuggestion("promotion", 3),
        TagSuggestion("probation", 1),
    ]
    assert tags_matching(start="zzz") == []


def test_tags_already_typed_are_not_offered_again(tagged):
    assert [tag.name for tag in tags_matching(start="p", exclude=["promotion"])] == [
        "pip",
        "probation",
    ]


def test_the_limit_and_the_popular_ones_before_any_typing(tagged):
    assert [tag.name for tag in tags_matching(start="", limit=2)] == ["promotion", "pip"]
    assert [tag.name for tag in tag_suggestions()] == ["promotion", "pip", "probation"]


def test_a_tag_whose_questions_are_all_gone_is_not_offered(tagged):
    question = QuestionFactory(tags=["burnout"])
    assert tags_matching(start="bu") == [TagSuggestion("burnout", 1)]
    contribution_delete(user=question.author, contribution=question)
    assert tags_matching(start="bu") == []


def test_a_suggestion_carries_the_tags_description_in_the_same_query(
    tagged, django_assert_num_queries
):
    tag_wiki_edit(
        editor=moderator(),
        tag=Tag.objects.get(name="pip"),
        excerpt="Performance improvement plans",
        body="",
    )
    with django_assert_num_queries(1):
        found = tags_matching(start="pi")
    assert found == [TagSuggestion("pip", 2, "Performance improvement plans")]
