from django.urls import path

import forum.converters  # noqa: F401 - registers <kind:...>
from core.pagecache import cached_page
from forum import feeds, freshness
from forum.views import (
    answers,
    comments,
    contributions,
    follows,
    lists,
    notifications,
    people,
    questions,
    revisions,
    search,
    suggestions,
    tags,
    votes,
)


def _feed(feed):
    return cached_page([freshness.LISTS])(feed)


app_name = "forum"
urlpatterns = [
    path("questions/", lists.question_list, name="questions"),
    path("questions/ask/", questions.question_create, name="ask"),
    path("questions/preview/", questions.markdown_preview, name="preview"),
    path("questions/similar/", questions.similar, name="similar"),
    path("questions/ask/tags/", questions.tag_suggest, name="ask_tags"),
    path("questions/level/<slug:level>/", lists.question_list, name="level_questions"),
    path("questions/tagged/<slug:tag>/", lists.question_list, name="tag_questions"),
    path("questions/<int:pk>/", questions.question_short, name="question_short"),
    path("questions/<int:pk>/edit/", questions.question_edit, name="question_edit"),
    path("questions/<int:pk>/answer/", answers.answer_create, name="answer_create"),
    path(
        "questions/<int:pk>/comment/",
        comments.comment_create,
        {"kind": "question"},
        name="question_comment",
    ),
    path("questions/<int:pk>/vote/", votes.vote_cast, {"kind": "question"}, name="question_vote"),
    # Before the question page's <slug>, which would otherwise swallow "delete" and "revisions".
    path("<kind:kind>s/<int:pk>/delete/", contributions.contribution_delete, name="delete"),
    path("<kind:kind>s/<int:pk>/revisions/", revisions.revision_list, name="revisions"),
    path(
        "<kind:kind>s/<int:pk>/suggest-edit/",
        suggestions.suggestion_create,
        name="suggest_edit",
    ),
    path("questions/<int:pk>/<slug:slug>/", questions.question_detail, name="question"),
    path("answers/<int:pk>/edit/", answers.answer_edit, name="answer_edit"),
    path(
        "answers/<int:pk>/comment/",
        comments.comment_create,
        {"kind": "answer"},
        name="answer_comment",
    ),
    path("answers/<int:pk>/vote/", votes.vote_cast, {"kind": "answer"}, name="answer_vote"),
    path("answers/<int:pk>/accept/", answers.answer_accept, name="answer_accept"),
    path("answers/<int:pk>/unaccept/", answers.answer_unaccept, name="answer_unaccept"),
    path("revisions/<int:pk>/rollback/", revisions.post_rollback, name="rollback"),
    path("review/edits/", suggestions.review_queue, name="review_edits"),
    path("review/edits/<int:pk>/", suggestions.suggestion_detail, name="suggestion"),
    path("review/edits/<int:pk>/accept/", suggestions.suggestion_accept, name="suggestion_accept"),
    path("review/edits/<int:pk>/reject/", suggestions.suggestion_reject, name="suggestion_reject"),
    path("tags/", lists.tag_index, name="tags"),
    path("badges/", people.badges, name="badges"),
    path("tags/<slug:tag>/", tags.tag_detail, name="tag"),
    path("tags/<slug:tag>/edit/", tags.tag_wiki_edit, name="tag_edit"),
    path("tags/<slug:tag>/history/", tags.tag_wiki_history, name="tag_history"),
    path("search/", search.search, name="search"),
    path("notifications/", notifications.notification_list, name="notifications"),
    path(
        "notifications/read/",
        notifications.notifications_mark_read,
        name="notifications_read",
    ),
    path("following/", follows.following, name="following"),
    path(
        "follow/question/<int:pk>/",
        follows.follow_toggle,
        {"kind": "question"},
        name="follow_question",
    ),
    path("follow/tag/<slug:slug>/", follows.follow_toggle, {"kind": "tag"}, name="follow_tag"),
    path(
        "follow/level/<slug:slug>/", follows.follow_toggle, {"kind": "level"}, name="follow_level"
    ),
    path("feeds/questions/rss/", _feed(feeds.LatestQuestionsRss()), name="feed_rss"),
    path("feeds/questions/atom/", _feed(feeds.LatestQuestionsAtom()), name="feed_atom"),
    path("feeds/level/<slug:level>/rss/", _feed(feeds.LevelQuestionsRss()), name="level_feed_rss"),
    path(
        "feeds/level/<slug:level>/atom/", _feed(feeds.LevelQuestionsAtom()), name="level_feed_atom"
    ),
    path("feeds/tag/<slug:tag>/rss/", _feed(feeds.TagQuestionsRss()), name="tag_feed_rss"),
    path("feeds/tag/<slug:tag>/atom/", _feed(feeds.TagQuestionsAtom()), name="tag_feed_atom"),
]
