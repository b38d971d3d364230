"""axe-core in the browser tests: the script comes from npm (`make axe` puts it in .cache/axe, git-ignored) and is
run in the page under test for the WCAG 2.0 A and AA and WCAG 2.1 AA rules.

The pages forbid inline scripts (script-src 'self'), so the script is not added as a <script> tag: its source
is evaluated by the driver, which the Content-Security-Policy does not govern."""

from functools import lru_cache

import pytest

from tests.browser.conftest import ROOT

AXE_SCRIPT = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa"]


def require_axe() -> None:
    """Skip with the reason when axe-core was not installed."""
    if not AXE_SCRIPT.exists():
        pytest.skip(f"axe-core not found at {AXE_SCRIPT.relative_to(ROOT)}: run `make axe` (needs npm)")


@lru_cache(maxsize=1)
def axe_source() -> str:
    """The text of axe.min.js, read once."""
    return AXE_SCRIPT.read_text(encoding="utf-8")


def axe_violations(page) -> list[str]:
    """Run axe-core on the page as it is now; one line per violated rule with the elements that break it."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    violations = page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            const where = (n) => n.target.join(' ')
                + (n.failureSummary ? ' — ' + n.failureSummary.replace(/\\s+/g, ' ').slice(0, 200) : '');
            return result.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map(where)}));
        }""", AXE_TAGS)
    return [f"{v['id']} ({v['help']}): " + " | ".join(v["nodes"]) for v in violations]
