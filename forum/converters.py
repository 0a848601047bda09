from django.urls import register_converter


class ItemKindConverter:
    """The kind of thing a URL acts on: question, answer or comment."""

    regex = "question|answer|comment"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ItemKindConverter, "kind")
