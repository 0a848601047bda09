"""Editing a tag's description and wiki (forum/services/tagwiki.py)."""

import pytest
from taggit.models import Tag

from core.rules import ActionNotAllowed
from forum.models import TagWiki, TagWikiRevision
from forum.services.tagwiki import WikiConflict, tag_wiki_edit
from moderation.services.people import user_suspend
from tests.factories import QuestionFactory, UserFactory, superuser
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")


@pytest.fixture
def tag():
    QuestionFactory(tags=["pip"])
    return Tag.objects.get(name="pip")


def test_a_moderator_saves_a_revision_each_time(tag):
    mod = moderator()
    tag_wiki_edit(editor=mod, tag=tag, excerpt="Performance plans.", body="A **PIP** is…")
    wiki = tag_wiki_edit(
        editor=mod, tag=tag, excerpt="Performance  improvement\nplans.", body="Second", reason="x"
    )
    assert wiki.revision == 2
    assert wiki.excerpt == "Performance improvement plans."  # one line
    assert wiki.body_html == "<p>Second</p>\n"
    assert list(TagWikiRevision.objects.values_list("number", "body")) == [
        (2, "Second"),
        (1, "A **PIP** is…"),
    ]


def test_the_wiki_goes_through_the_markdown_pipeline(tag):
    wiki = tag_wiki_edit(
        editor=moderator(),
        tag=tag,
        excerpt="<b>not bold</b>",
        body="<script>alert(1)</script> [x](javascript:alert(1))",
    )
    assert "<script>" not in wiki.body_html
    assert 'href="javascript' not in wiki.body_html
    assert wiki.excerpt == "<b>not bold</b>"  # plain text, escaped by the templates


def test_saving_the_same_text_again_adds_no_revision(tag):
    mod = moderator()
    tag_wiki_edit(editor=mod, tag=tag, excerpt="Plans.", body="Body")
    wiki = tag_wiki_edit(editor=mod, tag=tag, excerpt="Plans.", body="Body")
    assert wiki.revision == 1
    assert TagWikiRevision.objects.count() == 1


def test_a_stale_edit_is_refused_not_saved_over(tag):
    mod = moderator()
    tag_wiki_edit(editor=mod, tag=tag, excerpt="First", body="", base_revision=0)
    tag_wiki_edit(editor=mod, tag=tag, excerpt="Second", body="", base_revision=1)
    with pytest.raises(WikiConflict):
        tag_wiki_edit(editor=mod, tag=tag, excerpt="Late", body="", base_revision=1)
    assert TagWiki.objects.get().excerpt == "Second"


@pytest.mark.parametrize("who", ["member", "suspended moderator"])
def test_only_moderators_edit(tag, who):
    editor = UserFactory(reputation=100_000) if who == "member" else moderator()
    if who == "suspended moderator":
        user_suspend(moderator=superuser(), user=editor, days=1, reason="Test")
        editor.refresh_from_db()
    with pytest.raises(ActionNotAllowed):
        tag_wiki_edit(editor=editor, tag=tag, excerpt="Mine", body="")
    assert not TagWiki.objects.exists()


def test_too_long_text_is_refused(tag):
    with pytest.raises(ValueError, match="too long"):
        tag_wiki_edit(editor=moderator(), tag=tag, excerpt="x" * 301, body="")
    assert not TagWikiRevision.objects.exists()
