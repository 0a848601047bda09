from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("me/edit/", views.profile_update, name="profile_edit"),
    path("me/band/", views.level_band, name="level_band"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("<str:username>/", views.profile, name="profile"),
]
