from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from forum.models import Question
from ladder.models import Level


class QuestionSitemap(Sitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        return (
            Question.objects.visible()
            .order_by("-last_activity_at")
            .only("pk", "slug", "last_activity_at")
        )

    def lastmod(self, item: Question):
        return item.last_activity_at


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
