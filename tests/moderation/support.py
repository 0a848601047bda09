"""Helpers the moderation tests share."""

from django.urls import reverse


def url(name: str, *args) -> str:
    return reverse(f"moderation:{name}", args=args)


def follow_messages(client, response) -> str:
    """The page a redirect lands on, where the flash messages show."""
    assert response.status_code == 302, response.status_code
    return client.get(response.url, follow=True).text
