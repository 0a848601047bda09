from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = "Moderation"

    def ready(self) -> None:
        # Imported here, not at the top: both read models, which may only be imported once
        # every app is loaded. The signals keep User.is_moderator in step with the Moderators
        # group and log moderators' edits (forum.signals); the panels put the moderators'
        # tools on question pages (forum.slots).
        from moderation import panels, signals  # noqa: F401 - signals connect on import

        panels.register()
