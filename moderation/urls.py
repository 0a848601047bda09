from django.urls import path

import forum.converters  # noqa: F401 - registers <kind:...>
from moderation.views import closevotes, contributions, curation, flags, people, questions, queue

app_name = "moderation"
urlpatterns = [
    path("flag/<kind:kind>/<int:pk>/", flags.flag_create, name="flag"),
    path("moderation/", queue.flag_queue, name="queue"),
    path("moderation/bulk/", queue.queue_bulk, name="queue_bulk"),
    path("moderation/log/", queue.audit_log, name="log"),
    path("moderation/hidden/", queue.hidden_contributions, name="hidden"),
    path("moderation/featured/", curation.features_by_page, name="featured"),
    path("moderation/featured/<int:pk>/", curation.feature_move, name="feature_move"),
    path("moderation/featured/<int:pk>/remove/", curation.question_unfeature, name="unfeature"),
    path("moderation/people/<str:username>/", people.person_record, name="person"),
    path("moderation/people/<str:username>/suspend/", people.user_suspend, name="suspend"),
    path("moderation/suspensions/<int:pk>/lift/", people.suspension_lift, name="lift"),
    path("moderation/<kind:kind>/<int:pk>/hide/", contributions.contribution_hide, name="hide"),
    path(
        "moderation/<kind:kind>/<int:pk>/restore/",
        contributions.contribution_restore,
        name="restore",
    ),
    path("moderation/<kind:kind>/<int:pk>/dismiss/", flags.flags_dismiss, name="dismiss"),
    path("moderation/<kind:kind>/<int:pk>/warn/", contributions.user_warn, name="warn"),
    path("moderation/<kind:kind>/<int:pk>/reveal/", contributions.author_reveal, name="reveal"),
    path("moderation/answer/<int:pk>/curate/", curation.answer_curate, name="curate"),
    path("moderation/answer/<int:pk>/uncurate/", curation.answer_uncurate, name="uncurate"),
    path("moderation/question/<int:pk>/close/", questions.question_close, name="close"),
    path(
        "moderation/question/<int:pk>/duplicates/",
        questions.duplicate_search,
        name="duplicate_search",
    ),
    path("moderation/question/<int:pk>/reopen/", questions.question_reopen, name="reopen"),
    path("questions/<int:pk>/votes/close/", closevotes.close_vote, name="close_vote"),
    path("questions/<int:pk>/votes/reopen/", closevotes.reopen_vote, name="reopen_vote"),
    path("questions/<int:pk>/votes/retract/", closevotes.vote_retract, name="retract_vote"),
    path("moderation/question/<int:pk>/lock/", questions.question_lock, name="lock"),
    path("moderation/question/<int:pk>/unlock/", questions.question_unlock, name="unlock"),
    path("moderation/question/<int:pk>/feature/", curation.question_feature, name="feature"),
    path(
        "moderation/question/<int:pk>/unfeature/",
        curation.question_unfeature_from,
        name="unfeature_question",
    ),
]
