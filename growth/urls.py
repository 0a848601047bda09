from django.urls import path

from growth import views

app_name = "growth"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("assessments/new/", views.start, name="start"),
    path("assessments/<int:pk>/", views.assess, name="assess"),
    path("assessments/<int:pk>/discard/", views.discard, name="discard"),
    path("assessments/<int:pk>/results/", views.results, name="results"),
    path("assessments/<int:pk>/plan/", views.make_plan, name="make_plan"),
    path("assessments/compare/", views.compare, name="compare"),
    path("plans/<int:pk>/", views.plan, name="plan"),
    path("plans/<int:pk>/plan.md", views.plan_markdown_export, name="plan_markdown"),
    path("plans/<int:pk>/print/", views.plan_print, name="plan_print"),
    path("plans/<int:pk>/share/", views.plan_share, name="plan_share"),
    path("shared/<str:token>/", views.shared, name="shared"),
]
