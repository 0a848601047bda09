"""axe-core in the browser tests: inject the npm package into a page, run the WCAG 2.2 AA rules,
and summarise what it finds by impact (docs/accessibility.md)."""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page

AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
IMPACTS = ("critical", "serious", "moderate", "minor")
BLOCKING = {"critical", "serious"}


@dataclass
class Scan:
    """axe's verdict on one page."""

    name: str
    url: str
    violations: list[dict] = field(default_factory=list)

    @property
    def counts(self) -> Counter:
        return Counter(v["impact"] for v in self.violations)

    @property
    def blocking(self) -> list[dict]:
        return [v for v in self.violations if v["impact"] in BLOCKING]

    def line(self) -> str:
        counts = self.counts
        found = ", ".join(f"{counts[i]} {i}" for i in IMPACTS if counts[i]) or "no violations"
        return f"{self.name:<22} {found}"

    def details(self) -> str:
        lines = [f"{self.name} ({self.url}):"]
        for v in self.blocking:
            targets = "; ".join(", ".join(node["target"]) for node in v["nodes"][:5])
            lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])}x) {targets}")
            summary = v["nodes"][0].get("failureSummary", "").replace("\n", " ")
            lines.append(f"      {summary[:300]}")
        return "\n".join(lines)


def axe_source() -> str:
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci` (or `make install-js`) first.")
    return AXE_JS.read_text()


def axe_scan(page: Page, name: str) -> Scan:
    """Run axe on the page as it is now. The script goes in through the DevTools protocol, not a
    <script> tag, so the site's Content-Security-Policy (no inline scripts) stays as it is."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    result = page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations"],
            });
            return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map((n) => ({target: n.target.map(String),
                                            failureSummary: n.failureSummary})),
            }));
        }""",
        TAGS,
    )
    return Scan(name=name, url=page.url, violations=result)
