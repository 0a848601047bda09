from django.urls import path

from ladder import views

app_name = "ladder"
urlpatterns = [
    path("", views.index, name="index"),
    path("compare/", views.compare_pick, name="compare_pick"),
    path("compare/<slug:lower>/<slug:higher>/", views.compare, name="compare"),
    path("sources/", views.sources, name="sources"),
    path("export.json", views.export_json, name="export"),
    path("<slug:level>/", views.level, name="level"),
]
