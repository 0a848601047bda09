"""RSS and Atom feeds of the latest questions: all, per level and per tag."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.views.decorators.http import require_safe

from forum.identity import author_card
from forum.models import Question
from forum.selectors.lists import question_list
from forum.selectors.tags import tag_get
from ladder.models import Level

FEED_SIZE = 30


@method_decorator(require_safe, name="__call__")
class LatestQuestionsRss(Feed):
    title = "Rungs: latest questions"
    description = "New career questions from engineers: PIPs, reviews, promotions and growth."

    def link(self, obj=None) -> str:
        return reverse("forum:questions")

    def items(self, obj=None):
        return question_list(sort="newest")[:FEED_SIZE]

    def item_title(self, item: Question) -> str:
        return item.title

    def item_description(self, item: Question) -> str:
        # Feed readers treat descriptions as HTML, so the plain text is escaped once more.
        return escape(item.excerpt)

    def item_link(self, item: Question) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Question):
        return item.created_at

    def item_updateddate(self, item: Question):
        return item.edited_at or item.created_at

    def item_author_name(self, item: Question) -> str:
        return author_card(item).name  # "Anonymous · mid-level" for anonymous questions

    def item_categories(self, item: Question) -> list[str]:
        return [tag.name for tag in item.tags.all()]


class LatestQuestionsAtom(LatestQuestionsRss):
    feed_type = Atom1Feed
    subtitle = LatestQuestionsRss.description


class LevelQuestionsRss(LatestQuestionsRss):
    def get_object(self, request, level: str) -> Level:
        found = Level.objects.filter(slug=level).first()
        if found is None:
            raise Http404(f"There is no level called “{level}”.")
        return found

    def title(self, obj: Level) -> str:
        return f"Rungs: questions at {obj.name.lower()} level"

    def description(self, obj: Level) -> str:
        return f"New career questions about the {obj.name.lower()} level."

    def link(self, obj: Level) -> str:
        return reverse("forum:level_questions", kwargs={"level": obj.slug})

    def items(self, obj: Level):
        return question_list(sort="newest", level=obj)[:FEED_SIZE]


class LevelQuestionsAtom(LevelQuestionsRss):
    feed_type = Atom1Feed


class TagQuestionsRss(LatestQuestionsRss):
    def get_object(self, request, tag: str):
        found = tag_get(slug=tag)
        if found is None:
            raise Http404(f"No questions are tagged “{tag}”.")
        return found

    def title(self, obj) -> str:
        return f"Rungs: questions tagged {obj.name}"

    def description(self, obj) -> str:
        return f"New career questions tagged {obj.name}."

    def link(self, obj) -> str:
        return reverse("forum:tag_questions", kwargs={"tag": obj.slug})

    def items(self, obj):
        return question_list(sort="newest", tag=obj)[:FEED_SIZE]


class TagQuestionsAtom(TagQuestionsRss):
    feed_type = Atom1Feed
