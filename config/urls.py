from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.decorators.http import require_safe

from accounts.views import privileges, welcome
from core.pagecache import cached_page
from forum.freshness import LISTS
from forum.sitemaps import SITEMAPS
from forum.views.lists import home
from ladder.freshness import LADDER


def _sitemap_page(view):
    return require_safe(cached_page([LISTS, LADDER])(view))


urlpatterns = [
    path("", home, name="home"),
    path("", include("forum.urls")),
    path("", include("moderation.urls")),
    path("ladder/", include("ladder.urls")),
    path("growth/", include("growth.urls")),
    path("", include("privacy.urls")),  # before accounts': /users/me/… are not profiles
    path("users/", include("accounts.urls")),
    path("welcome/", welcome, name="welcome"),
    path("privileges/", privileges, name="privileges"),
    path("accounts/", include("allauth.urls")),
    path(
        "sitemap.xml",
        _sitemap_page(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        _sitemap_page(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("admin/", admin.site.urls),
]
