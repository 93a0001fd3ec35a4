"""A real headless Chromium (Debian's package, driven by Playwright) on the explorer over the demo server.

Nothing here downloads a browser: ``scripts/install-browser.sh`` installs Debian's ``chromium`` and Playwright
launches that executable. Where it is missing the tests are skipped, except in CI (``CI`` set), where a
missing browser is a failure. Every page collects console errors and page errors, and a test fails on any.
Screenshots go to ``test-output/e2e/``.
"""

import os
import re
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("PSMAKG_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "e2e"


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the session, launched from the system executable (never ``playwright install``)."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: run scripts/install-browser.sh"
        if os.environ.get("CI"):
            pytest.fail(message + " (an end-to-end test skipped in CI is a failure)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server, request):
    """A fresh page (1280x900) on the server; fails the test on any console error or uncaught page error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    problems: list[str] = []
    page.on("console", lambda message: problems.append(f"console {message.type}: {message.text}")
            if message.type == "error" else None)  # fmt: skip
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.problems = problems
    yield page
    context.close()
    assert problems == [], f"{request.node.name} logged errors: {problems}"


@pytest.fixture
def shoot(request):
    """shoot(page, "name") saves a full-page screenshot under test-output/e2e/ and returns its path."""
    SHOTS.mkdir(parents=True, exist_ok=True)

    def save(page, name: str) -> Path:
        test = re.sub(r"[^\w-]+", "_", request.node.name)
        path = SHOTS / f"{test}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save
