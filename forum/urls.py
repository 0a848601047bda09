from django.urls import path

import forum.converters  # noqa: F401 - registers <kind:...>
from core.pagecache import cached_page
from forum import feeds, freshness, views


def _feed(feed):
    return cached_page([freshness.LISTS])(feed)


app_name = "forum"
urlpatterns = [
    path("questions/", views.question_list, name="questions"),
    path("questions/ask/", views.question_ask, name="ask"),
    path("questions/preview/", views.markdown_preview, name="preview"),
    path("questions/level/<slug:level>/", views.question_list, name="level_questions"),
    path("questions/tagged/<slug:tag>/", views.question_list, name="tag_questions"),
    path("questions/<int:pk>/", views.question_short, name="question_short"),
    path("questions/<int:pk>/edit/", views.question_edit, name="question_edit"),
    path("questions/<int:pk>/answer/", views.answer_create, name="answer_create"),
    path(
        "questions/<int:pk>/comment/",
        views.comment_create,
        {"kind": "question"},
        name="question_comment",
    ),
    path("questions/<int:pk>/vote/", views.vote, {"kind": "question"}, name="question_vote"),
    # Before the question page's <slug>, which would otherwise swallow "delete" and "revisions".
    path("<kind:kind>s/<int:pk>/delete/", views.item_delete, name="delete"),
    path("<kind:kind>s/<int:pk>/revisions/", views.revisions, name="revisions"),
    path("questions/<int:pk>/<slug:slug>/", views.question_detail, name="question"),
    path("answers/<int:pk>/edit/", views.answer_edit, name="answer_edit"),
    path(
        "answers/<int:pk>/comment/", views.comment_create, {"kind": "answer"}, name="answer_comment"
    ),
    path("answers/<int:pk>/vote/", views.vote, {"kind": "answer"}, name="answer_vote"),
    path("answers/<int:pk>/accept/", views.answer_accept, name="answer_accept"),
    path("revisions/<int:pk>/rollback/", views.revision_rollback, name="rollback"),
    path("tags/", views.tag_index, name="tags"),
    path("search/", views.search, name="search"),
    path("notifications/", views.notifications, name="notifications"),
    path("feeds/questions/rss/", _feed(feeds.LatestQuestionsRss()), name="feed_rss"),
    path("feeds/questions/atom/", _feed(feeds.LatestQuestionsAtom()), name="feed_atom"),
    path("feeds/level/<slug:level>/rss/", _feed(feeds.LevelQuestionsRss()), name="level_feed_rss"),
    path(
        "feeds/level/<slug:level>/atom/", _feed(feeds.LevelQuestionsAtom()), name="level_feed_atom"
    ),
    path("feeds/tag/<slug:tag>/rss/", _feed(feeds.TagQuestionsRss()), name="tag_feed_rss"),
    path("feeds/tag/<slug:tag>/atom/", _feed(feeds.TagQuestionsAtom()), name="tag_feed_atom"),
]
