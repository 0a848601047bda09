from django.urls import path

from growth.views import assessments, plans

app_name = "growth"
urlpatterns = [
    path("", assessments.dashboard, name="dashboard"),
    path("assessments/new/", assessments.assessment_start, name="start"),
    path("assessments/<int:pk>/", assessments.assessment_resume, name="assess"),
    path("assessments/<int:pk>/discard/", assessments.assessment_discard, name="discard"),
    path("assessments/<int:pk>/results/", assessments.results, name="results"),
    path("assessments/<int:pk>/plan/", plans.plan_generate, name="make_plan"),
    path("assessments/compare/", assessments.progress, name="compare"),
    path("plans/<int:pk>/", plans.plan_update, name="plan"),
    path("plans/<int:pk>/plan.md", plans.plan_markdown_export, name="plan_markdown"),
    path("plans/<int:pk>/print/", plans.plan_print, name="plan_print"),
    path("plans/<int:pk>/share/", plans.plan_share, name="plan_share"),
    path("plans/<int:pk>/unshare/", plans.plan_unshare, name="plan_unshare"),
    path("shared/<str:token>/", plans.plan_shared, name="shared"),
    path(
        "assessments/<int:pk>/step/<slug:competency>/",
        assessments.assessment_step,
        name="assess_step",
    ),
    path("goals/<int:pk>/actions/", plans.action_add, name="action_add"),
    path("actions/<int:pk>/", plans.action_edit, name="action_edit"),
    path("actions/<int:pk>/done/", plans.action_done, name="action_done"),
    path("actions/<int:pk>/remove/", plans.action_remove, name="action_remove"),
]
