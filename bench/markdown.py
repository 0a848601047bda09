"""Worst-case markdown: how long the one rendering pipeline takes on the most hostile bodies we
know of, each as long as a body may be. Prints a row per input; exits non-zero when any takes
longer than the target.

    .venv/bin/python -m bench.markdown            # make bench-markdown

The target: every body renders in 50 ms or less (the best of 3 runs, so that a busy machine
does not fail it; a body is rendered once, when it is saved, and again for every preview).
Correctness on the same inputs is tests/forum/test_markdown_worst_case.py's job.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django

django.setup()

from bench.markdown_inputs import WORST_CASES  # noqa: E402
from forum.markdown import render_inline, render_markdown  # noqa: E402
from forum.models import BODY_MAX_LENGTH, COMMENT_MAX_LENGTH  # noqa: E402

TARGET_MS = 50.0
RUNS = 3


def best_of(render, text: str) -> float:
    best = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        render(text)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> int:
    slow = []
    print(f"{'input':<28} {'body ms':>9} {'comment ms':>11}")
    print("-" * 50)
    for name, make in WORST_CASES.items():
        body = best_of(render_markdown, make(BODY_MAX_LENGTH))
        comment = best_of(render_inline, make(COMMENT_MAX_LENGTH))
        over = body > TARGET_MS or comment > TARGET_MS
        mark = " ✗" if over else ""
        print(f"{name:<28} {body:>9.1f} {comment:>11.1f}{mark}")
        if over:
            slow.append(name)
    print(f"\ntarget: {TARGET_MS:.0f} ms per input ({BODY_MAX_LENGTH} characters for a body)")
    if slow:
        print(f"FAIL: {len(slow)} of {len(WORST_CASES)} inputs over the target: {', '.join(slow)}")
        return 1
    print(f"PASS: all {len(WORST_CASES)} inputs within the target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
