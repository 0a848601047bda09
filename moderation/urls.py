from django.urls import path

import forum.converters  # noqa: F401 - registers <kind:...>
from moderation import views

app_name = "moderation"
urlpatterns = [
    path("flag/<kind:kind>/<int:pk>/", views.flag, name="flag"),
    path("moderation/", views.queue, name="queue"),
    path("moderation/log/", views.audit_log, name="log"),
    path("moderation/hidden/", views.hidden, name="hidden"),
    path("moderation/featured/", views.featured, name="featured"),
    path("moderation/featured/<int:pk>/", views.feature_move, name="feature_move"),
    path("moderation/people/<str:username>/", views.person, name="person"),
    path("moderation/people/<str:username>/suspend/", views.suspend, name="suspend"),
    path("moderation/suspensions/<int:pk>/lift/", views.lift, name="lift"),
    path("moderation/<kind:kind>/<int:pk>/hide/", views.hide, name="hide"),
    path("moderation/<kind:kind>/<int:pk>/restore/", views.restore, name="restore"),
    path("moderation/<kind:kind>/<int:pk>/dismiss/", views.dismiss, name="dismiss"),
    path("moderation/<kind:kind>/<int:pk>/warn/", views.warn, name="warn"),
    path("moderation/<kind:kind>/<int:pk>/reveal/", views.reveal, name="reveal"),
    path("moderation/answer/<int:pk>/curate/", views.curate, name="curate"),
    path("moderation/question/<int:pk>/close/", views.close, name="close"),
    path("moderation/question/<int:pk>/lock/", views.lock, name="lock"),
    path("moderation/question/<int:pk>/feature/", views.feature, name="feature"),
]
