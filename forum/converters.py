from django.urls import register_converter


class ContributionKindConverter:
    """<kind:...> in a URL: which kind of contribution it acts on (docs/glossary.md)."""

    regex = "question|answer|comment"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ContributionKindConverter, "kind")
