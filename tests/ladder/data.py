"""A tiny ladder, small enough to reason about by hand, for loader and compare tests."""

import copy

import yaml


def _e(key, level, competency, text, *, track=None, supersedes=None, sources=("doc-a",)):
    return {
        "key": key,
        "level": level,
        "competency": competency,
        "track": track,
        "text": text,
        "sources": list(sources),
        **({"supersedes": supersedes} if supersedes else {}),
    }


TINY = {
    "version": "test.1",
    "sources": [
        {
            "short_name": "doc-a",
            "title": "Doc A",
            "kind": "article",
            "file": "a.txt",
            "summary": "A.",
        },
        {
            "short_name": "doc-b",
            "title": "Doc B",
            "kind": "essay",
            "file": "b.txt",
            "summary": "B.",
        },
    ],
    "tracks": [
        {"slug": "backend", "name": "Backend"},
        {"slug": "infrastructure", "name": "Infrastructure"},
    ],
    "levels": [
        {"slug": "junior", "name": "Junior", "order": 1, "codes": ["L3"], "summary": "J."},
        {"slug": "mid", "name": "Mid", "order": 2, "codes": ["L4"], "summary": "M."},
        {"slug": "senior", "name": "Senior", "order": 3, "codes": ["L5"], "summary": "S."},
    ],
    "competencies": [
        {"slug": "craft", "name": "Craft", "description": "Code.", "tags": ["code-quality"]},
        {"slug": "people", "name": "People", "description": "Others.", "tags": ["mentoring"]},
    ],
    "expectations": [
        _e("j-tests", "junior", "craft", "Writes tests."),
        _e("j-guided", "junior", "craft", "Ships small tasks with guidance."),
        _e("m-alone", "mid", "craft", "Ships features alone.", supersedes="j-guided"),
        _e("m-review", "mid", "people", "Reviews peers' code.", sources=("doc-a", "doc-b")),
        _e("m-sql", "mid", "craft", "Tunes slow queries.", track="backend"),
        _e("s-lead", "senior", "craft", "Leads features across teams.", supersedes="m-alone"),
        _e("s-mentor", "senior", "people", "Mentors juniors.", supersedes="m-review"),
        _e("s-k8s", "senior", "craft", "Debugs the cluster.", track="infrastructure"),
        _e("s-sql", "senior", "craft", "Designs the schema.", track="backend", supersedes="m-sql"),
    ],
    "transitions": [
        {
            "from": "junior",
            "to": "mid",
            "summary": "Independence.",
            "sources": ["doc-a"],
            "actions": [{"competency": "craft", "text": "Own a feature.", "sources": ["doc-a"]}],
        },
        {
            "from": "mid",
            "to": "senior",
            "summary": "Influence.",
            "sources": ["doc-b"],
            "actions": [
                {"competency": "people", "text": "Mentor someone.", "sources": ["doc-b"]},
                {"competency": "craft", "text": "Design a service.", "sources": ["doc-a"]},
            ],
        },
    ],
}


def tiny(**overrides) -> dict:
    data = copy.deepcopy(TINY)
    data.update(overrides)
    return data


def write(tmp_path, data, name="ladder.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return path


def with_group(data: dict | None = None, **fields) -> dict:
    """The tiny ladder plus a senior group: strength in one of s-lead and s-mentor suffices."""
    data = data or tiny()
    group = {
        "slug": "senior-one-of-two",
        "level": "senior",
        "name": "One of two: leading or mentoring",
        "threshold": 1,
        "summary": "Lead or mentor.",
        "sources": ["doc-b"],
        "members": [
            {"expectation": "s-lead", "if_only_strength": "Think about management."},
            {"expectation": "s-mentor"},
        ],
    }
    group.update(fields)
    data["groups"] = [group]
    return data
