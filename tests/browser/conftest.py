import pytest
from django.core.servers.basehttp import WSGIServer
from django.db import connection
from django.test.testcases import LiveServerThread

pytestmark = pytest.mark.browser

# On SQLite the test database lives in memory, and the live server's threads share its one
# connection, which is not safe to use from two threads at once: two requests in flight (the
# ask page's tag suggestions and live preview beside a submit) then fail with "bad parameter
# or other API misuse". Served one request at a time, they cannot meet; Django's server says
# "Connection: close" when it is not threaded, so the browser's keep-alive cannot hold it.
# PostgreSQL gives each thread its own connection and keeps the threaded server.


class SerialWSGIServer(WSGIServer):
    """One request at a time, in the live server's own thread (which holds the shared
    connection: LiveServerThread.run installs it there)."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


if connection.vendor == "sqlite":
    LiveServerThread.server_class = SerialWSGIServer


@pytest.fixture(scope="session")
def base_url(live_server):
    return live_server.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, live_server):
    """Start the live server before the browser, so that it stops after it: the browser's last
    keep-alive connections then close while the server still shares the test database
    connection with its threads (else a thread closing one raises at the end of the run)."""
    return browser_type_launch_args


@pytest.fixture
def page(page):
    """Every browser test also fails on a console error, such as a CSP violation."""
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_default_timeout(10_000)
    yield page
    assert errors == []
