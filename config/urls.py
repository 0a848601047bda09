from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.http import require_GET

from forum import views as forum_views
from forum.sitemaps import SITEMAPS

urlpatterns = [
    path("", forum_views.home, name="home"),
    path("", include("forum.urls")),
    path("", include("moderation.urls")),
    path("ladder/", include("ladder.urls")),
    path("growth/", include("growth.urls")),
    path("users/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("sitemap.xml", require_GET(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("admin/", admin.site.urls),
]
