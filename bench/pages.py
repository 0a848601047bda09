"""What the load test measures: the pages, chosen from the seeded data, and their targets."""

from pathlib import Path
from urllib.parse import quote_plus

from bench.report import Page, Target
from bench.webclient import Client

LISTS = Target(0.40)  # question page (10 answers), home, lists, level and tag pages, ladder, feeds
HEAVY = Target(0.25)  # the 200-answer thread, a deep list page, the sitemap
SEARCH = Target(0.05, p99_ms=150)  # 200 different queries
REPEATED_SEARCH = Target(0.25)
SIGNED_IN = Target(0.15)


def build_pages(picks: dict, temp: Path) -> list[Page]:
    """The pages in the order they are measured; the search paths go to a file in `temp`."""
    ten, most, tag = picks["question_ten"], picks["question_most"], picks["tag"]
    levels = picks["levels"]
    mid = "mid" if "mid" in levels else levels[len(levels) // 2]
    senior = "senior" if "senior" in levels else levels[-1]
    deep = min(2000, picks["last_page"])
    searches = [f"/search/?q={quote_plus(q)}" for q in picks["searches"]]
    popular = picks["popular_search"]
    searches_file = temp / "searches.txt"
    searches_file.write_text("\n".join(searches) + "\n")
    pages = [
        Page("home", "/", LISTS),
        Page("questions, newest", "/questions/", LISTS),
        Page("questions, by votes", "/questions/?sort=votes", LISTS),
        Page("questions, active", "/questions/?sort=active", LISTS),
        Page(f"level: {mid}", f"/questions/level/{mid}/", LISTS),
    ]
    if tag:
        pages.append(
            Page(
                f"tag: {tag['slug']} ({tag['questions']} questions)",
                f"/questions/tagged/{tag['slug']}/",
                LISTS,
            )
        )
    pages += [
        Page(f"question, {ten['answers']} answers", ten["url"], LISTS),
        Page(f"question, {most['answers']} answers (most)", most["url"], HEAVY),
        Page(f"questions, page {deep} (deepest ≤ 2000)", f"/questions/?page={deep}", HEAVY),
        Page(
            f"search, {len(searches)} different queries",
            searches[0],
            SEARCH,
            paths=searches,
            paths_file=searches_file,
        ),
        Page(f"search, repeated: {popular}", f"/search/?q={quote_plus(popular)}", REPEATED_SEARCH),
        Page("ladder", "/ladder/", LISTS),
        Page(f"ladder: {senior}", f"/ladder/{senior}/", LISTS),
        Page(f"ladder: compare {mid} → {senior}", f"/ladder/compare/{mid}/{senior}/", LISTS),
        Page("feed: RSS", "/feeds/questions/rss/", LISTS),
        Page("sitemap.xml", "/sitemap.xml", HEAVY),
        Page("home, signed in", "/", SIGNED_IN, signed_in=True),
        Page(f"question, {ten['answers']} answers, signed in", ten["url"], SIGNED_IN, True),
    ]
    return pages


def check_statuses(pages: list[Page], ports: list[int], client: Client) -> list[str]:
    """Every page twice on each server, expecting 200: the quick check's real test, and a
    warm-up for the measured runs. Of a list of paths (the searches) only ten are asked here, so
    that the site's caches stay cold for the rest; wrk counts the errors of all of them."""
    problems = []
    for page in pages:
        for port in ports:
            for path in page.paths[:: max(1, len(page.paths) // 10)] or [page.path] * 2:
                visitor = client if page.signed_in else Client(port)
                response = visitor.get(path, port=port)
                if response.status != 200:
                    problems.append(
                        f"{page.label}: GET {path} on port {port} answered {response.status} "
                        f"({response.title()[:80]})"
                    )
                    break
    return problems
