from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("me/edit/", views.profile_edit, name="profile_edit"),
    path("<str:username>/", views.profile, name="profile"),
]
