from django.apps import AppConfig


class GrowthConfig(AppConfig):
    name = "growth"
    verbose_name = "Growth plans"

    def ready(self) -> None:
        # Imported here, not at the top: the panels read models, which may only be imported
        # once every app is loaded. They fill a slot of the profile page.
        from growth import panels

        panels.register()
