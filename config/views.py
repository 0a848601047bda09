from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ladder.selectors import ladder_overview


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html", {"ladder": ladder_overview()})
