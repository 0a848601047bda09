from django.apps import AppConfig


class SeedingConfig(AppConfig):
    """`manage.py seed_scale`: a forum at scale for benchmarks, written through every app's
    models and derived with their own code, so it sits above all of them."""

    name = "seeding"
    verbose_name = "Seeding"
