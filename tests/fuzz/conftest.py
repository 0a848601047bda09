"""The fuzz suite's Hypothesis profile and its tally of how many submissions each form took.

The profile is registered here and applied by tests/fuzz/support.py's `fuzz` decorator only,
so the rest of the suite keeps Hypothesis's defaults. RUNGS_FUZZ_EXAMPLES raises the number
of examples; with CI=true the run is derandomised, so CI sees the same examples every time.
"""

import os

from hypothesis import HealthCheck, settings

from tests.fuzz.support import TALLY

settings.register_profile(
    "rungs-fuzz",
    deadline=None,
    max_examples=int(os.environ.get("RUNGS_FUZZ_EXAMPLES", "40")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=os.environ.get("CI", "").lower() == "true",
    # No example database: a failure is reported with its reproducing example instead.
    database=None,
    print_blob=True,
)


def pytest_terminal_summary(terminalreporter):
    if not TALLY:
        return
    terminalreporter.section("fuzzed submissions per form")
    width = max(len(form) for form in TALLY)
    for form in sorted(TALLY):
        outcomes = TALLY[form]
        detail = ", ".join(f"{count} {outcome}" for outcome, count in sorted(outcomes.items()))
        terminalreporter.write_line(f"{form:<{width}}  {sum(outcomes.values()):>5}  ({detail})")
