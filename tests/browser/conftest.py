import pytest

pytestmark = pytest.mark.browser


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
