from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = "Forum"

    def ready(self) -> None:
        # Imported here, not at the top: the panels read models, which may only be imported
        # once every app is loaded. They fill the slots of profiles and ladder pages.
        from forum import panels

        panels.register()
