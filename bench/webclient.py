"""A small HTTP client for the load test, on the standard library: cookies, forms, timings."""

import http.client
import re
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import CookieError, SimpleCookie
from urllib.parse import urlencode, urlsplit

from bench.procs import Failure


class FormMissing(Failure):
    """The page has no such form; keeps the page so that someone can look at it."""

    def __init__(self, message: str, page: "Response"):
        super().__init__(message)
        self.page = page


@dataclass
class Form:
    action: str
    method: str
    fields: list[tuple[str, str]] = field(default_factory=list)  # what a browser would send
    hidden: list[tuple[str, str]] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # every named control, buttons included

    def value(self, name: str) -> str | None:
        return next((v for n, v in self.fields if n == name), None)

    def filled(self, **values: str) -> list[tuple[str, str]]:
        """The form's own fields (hidden ones included), with `values` put in."""
        kept = [(n, v) for n, v in self.fields if n not in values]
        return kept + list(values.items())


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: str
    ms: float

    @property
    def location(self) -> str:
        """Where a redirect points, as a path on this site."""
        parts = urlsplit(self.headers.get("Location", ""))
        return parts.path + (f"?{parts.query}" if parts.query else "")

    @property
    def redirected(self) -> bool:
        return self.status in (301, 302, 303)

    def forms(self) -> list[Form]:
        parser = _FormParser()
        parser.feed(self.body)
        parser.close()
        return parser.forms

    def form(self, *, action: str | None = None, field_name: str | None = None) -> Form:
        """The first form posting to `action` (a regex) or holding a field named `field_name`."""
        for form in self.forms():
            names = {n for n, _ in form.fields} | set(form.names)
            if action and not re.search(action, form.action):
                continue
            if field_name and field_name not in names:
                continue
            return form
        wanted = action or field_name
        raise FormMissing(f"no form for {wanted!r} on the page (status {self.status})", self)

    def title(self) -> str:
        match = re.search(r"<title>(.*?)</title>", self.body, re.S)
        return " ".join(match.group(1).split()) if match else self.body[:120]


class Client:
    """One visitor: keeps its cookies between requests; a new connection per request (gunicorn's
    sync workers close the connection after every response anyway)."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def get(self, path: str, *, port: int | None = None) -> Response:
        return self.request("GET", path, port=port)

    def post(self, path: str, fields: list[tuple[str, str]], *, port: int | None = None):
        return self.request("POST", path, fields=fields, port=port)

    def request(self, method: str, path: str, *, fields=None, port: int | None = None):
        port = port or self.port
        headers = {"User-Agent": "rungs-bench", "Accept": "text/html"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{port}{path}"
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            raw = connection.getresponse()
            data = raw.read()
        except OSError as error:
            raise Failure(f"{method} {path} on port {port}: {error}") from None
        finally:
            connection.close()
        ms = (time.perf_counter() - started) * 1000
        for header in raw.headers.get_all("Set-Cookie") or []:
            self._keep(header)
        return Response(raw.status, raw.headers, data.decode("utf-8", "replace"), ms)

    def _keep(self, header: str) -> None:
        jar = SimpleCookie()
        try:
            jar.load(header)
        except CookieError:
            return
        for name, morsel in jar.items():
            if morsel["max-age"] == "0" or "1970" in morsel["expires"] or not morsel.value:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = morsel.value

    @property
    def csrf_token(self) -> str:
        return self.cookies.get("csrftoken", "")

    def login(self, email: str, password: str) -> None:
        """Through allauth's real form, as a person would."""
        page = self.get("/accounts/login/")
        if page.status != 200:
            raise Failure(f"The login page answered {page.status}: {page.title()}")
        form = page.form(field_name="login")
        answer = self.post(
            form.action or "/accounts/login/", form.filled(login=email, password=password)
        )
        if not answer.redirected or "sessionid" not in self.cookies:
            raise Failure(f"Logging in failed (status {answer.status}): {answer.title()}")


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._textarea: tuple[str, list[str]] | None = None
        self._select: tuple[str, list[tuple[str, bool]]] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k: v if v is not None else "" for k, v in attrs}
        if tag == "form":
            action = a.get("action", "").split("#")[0]  # a browser never sends the fragment
            self._form = Form(action=action, method=a.get("method", "get").lower())
            self.forms.append(self._form)
            return
        if tag == "option" and self._select is not None:
            self._select[1].append((a.get("value", ""), "selected" in a))
            return
        if self._form is None or not a.get("name") or "disabled" in a:
            return
        name = a["name"]
        self._form.names.append(name)
        if tag == "input":
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            value = a.get("value", "on" if kind in ("checkbox", "radio") else "")
            self._form.fields.append((name, value))
            if kind == "hidden":
                self._form.hidden.append((name, value))
        elif tag == "textarea":
            self._textarea = (name, [])
        elif tag == "select":
            self._select = (name, [])

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None and self._form is not None:
            name, parts = self._textarea
            self._form.fields.append((name, "".join(parts).removeprefix("\n")))
            self._textarea = None
        elif tag == "select" and self._select is not None and self._form is not None:
            name, options = self._select
            chosen = [value for value, selected in options if selected] or [
                value for value, _ in options[:1]
            ]
            self._form.fields.extend((name, value) for value in chosen)
            self._select = None
