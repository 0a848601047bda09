from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("me/edit/", views.profile_update, name="profile_edit"),
    path("<str:username>/", views.profile, name="profile"),
]
