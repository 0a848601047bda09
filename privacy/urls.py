from django.urls import path

from privacy import views

app_name = "privacy"
urlpatterns = [
    path("privacy/", views.privacy, name="privacy"),
    path("users/me/data.json", views.data_export, name="export"),
    path("users/me/delete/", views.account_delete_confirm, name="delete"),
]
