"""The sitemap: an index at /sitemap.xml pointing at sections of at most BLOCK questions each.

Question sections are blocks of ids, read through the primary key, so the last section costs
what the first does and no request lists every question. Cached like any public page.
"""

from functools import cached_property
from types import SimpleNamespace

from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max
from django.urls import reverse

from forum.models import Question
from ladder.models import Level

BLOCK = 2000


class _IdBlocks:
    """Django's sitemap paginator interface (num_pages, page(n).object_list), by id block."""

    @cached_property
    def num_pages(self) -> int:
        highest = Question.objects.aggregate(highest=Max("pk"))["highest"] or 0
        return max(1, -(-highest // BLOCK))

    def page(self, number) -> SimpleNamespace:
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That page number is not an integer.") from None
        if not 1 <= number <= self.num_pages:
            raise EmptyPage("That page contains no results.")
        block = (
            Question.objects.visible()
            .filter(pk__gt=(number - 1) * BLOCK, pk__lte=number * BLOCK)
            .order_by("pk")
            .only("pk", "slug", "last_activity_at")
        )
        return SimpleNamespace(object_list=block)


class QuestionSitemap(Sitemap):
    changefreq = "daily"

    @cached_property
    def paginator(self) -> _IdBlocks:
        return _IdBlocks()

    def items(self):
        return Question.objects.none()  # pages come from the id blocks above

    def lastmod(self, item: Question):
        return item.last_activity_at

    def get_latest_lastmod(self):
        latest = Question.objects.visible().order_by("-last_activity_at", "-id").first()
        return latest.last_activity_at if latest else None


class LadderSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self) -> list[str]:
        levels = list(Level.objects.order_by("order").values_list("slug", flat=True))
        pages = [reverse("ladder:index"), reverse("ladder:sources"), reverse("forum:questions")]
        pages += [reverse("ladder:level", args=[slug]) for slug in levels]
        pages += [
            reverse("ladder:compare", args=[low, high])
            for i, low in enumerate(levels)
            for high in levels[i + 1 :]
        ]
        return pages

    def location(self, item: str) -> str:
        return item


SITEMAPS = {"questions": QuestionSitemap, "ladder": LadderSitemap}
