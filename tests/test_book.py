"""Build the book offline and read every page in headless Chromium, as a reader would."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SEED, build_book

from analysis.report import analyze

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output free of one access-log line per request."""


@pytest.fixture(scope="module")
def server(built_book: Path) -> Iterator[str]:
    """Serve the built HTML on a loopback port."""
    handler = functools.partial(_QuietHandler, directory=str(built_book))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "Debian's chromium is required: run `make test` to install it"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


REDIRECT = '<meta http-equiv="Refresh" content="0; url=intro.html" />'
"""The whole of the ``index.html`` that sphinx-external-toc writes to send readers on."""


def pages(built_book: Path) -> list[str]:
    """The book's pages (theme templates under ``_static`` are not pages, nor is the redirect
    ``index.html``: a browser that opens it asks for ``/favicon.ico`` and then navigates on by
    itself, which made the page checks fail at random)."""
    found = (
        p.relative_to(built_book)
        for p in built_book.rglob("*.html")
        if p.read_text(encoding="utf-8").strip() != REDIRECT
    )
    return sorted(str(p) for p in found if p.parts[0] not in {"_static", "_sources"})


def test_book_has_every_chapter(built_book):
    found = set(pages(built_book))
    for page in ["intro.html", "chapters/article.html", "chapters/bibliography.html"]:
        assert page in found
    assert (built_book / "index.html").read_text(encoding="utf-8").strip() == REDIRECT


def test_two_builds_are_identical(built_book, tmp_path, offline):
    """Same commit, same book: no build date, random table id or unseeded number in a page."""
    again = build_book(tmp_path, offline)

    def files(root: Path) -> dict[str, bytes]:
        found = (p for p in root.rglob("*") if p.is_file() and "_screenshots" not in p.parts)
        return {str(p.relative_to(root)): p.read_bytes() for p in found}

    first, second = files(built_book), files(again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_every_page_reads_cleanly(built_book, server, browser):
    screenshots = built_book / "_screenshots"
    screenshots.mkdir(exist_ok=True)
    problems: list[str] = []
    for page_path in pages(built_book):
        page = browser.new_page()
        errors: list[str] = []
        page.on("console", lambda m, e=errors: e.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc, e=errors: e.append(str(exc)))
        page.on("requestfailed", lambda r, e=errors: e.append(f"failed request {r.url}"))
        page.on(
            "request",
            lambda r, e=errors: (
                None
                if r.url.startswith((server, "data:", "blob:"))
                else e.append(f"loads from another host: {r.url}")
            ),
        )
        page.on(
            "response",
            lambda r, e=errors: e.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None,
        )
        page.goto(f"{server}/{page_path}", wait_until="networkidle")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        text = page.inner_text("body")
        broken = page.evaluate(
            "Array.from(document.images)"
            ".filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"
        )
        error_cells = page.locator(".output.traceback, .output.error, .output.stderr").count()
        if "Traceback (most recent call last)" in text or error_cells:
            problems.append(f"{page_path}: shows a Python error")
        if "{glue" in text:
            problems.append(f"{page_path}: unresolved glue role")
        problems += [f"{page_path}: image does not load: {src}" for src in broken]
        problems += [f"{page_path}: console: {msg}" for msg in errors]
        name = page_path.replace("/", "__").removesuffix(".html")
        page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
        page.close()
    assert problems == [], "\n".join(problems)


def test_search_finds_the_articles_key_phrase(server, browser):
    page = browser.new_page()
    page.goto(f"{server}/search.html?q=Shanghai+Spirit", wait_until="networkidle")
    results = page.locator("#search-results ul.search li")
    results.first.wait_for(timeout=15_000)
    found = results.all_inner_texts()
    page.close()
    assert any("Voices" in hit for hit in found), found


def test_every_download_link_resolves(built_book, server, browser):
    page = browser.new_page()
    broken: list[str] = []
    links: dict[str, int] = {}
    for page_path in pages(built_book):
        page.goto(f"{server}/{page_path}", wait_until="load")
        for link in page.locator("a.reference.download").all():
            links[page_path] = links.get(page_path, 0) + 1
            href = link.get_attribute("href")
            response = page.request.get(f"{server}/{Path(page_path).parent / href}")
            if response.status != 200 or not response.body():
                broken.append(f"{page_path}: {href} -> HTTP {response.status}")
    page.close()
    without = [p for p in pages(built_book) if p.startswith("chapters/") and p not in links]
    assert without == ["chapters/bibliography.html"]
    assert "intro.html" in links
    assert broken == []


def test_article_chapter_shows_computed_numbers(built_book, server, browser):
    article = analyze(SEED).article
    page = browser.new_page()
    page.goto(f"{server}/chapters/article.html", wait_until="load")
    pasted = page.locator(".pasted-text").all_inner_texts()
    assert page.locator("figure img").count() >= 1
    page.close()
    for value in [
        article.outlet,
        "11 June 2018",
        str(len(article.paragraphs)),
        str(len(article.sentences)),
        str(len(article.words)),
        str(len(article.removed)),
    ]:
        assert value in pasted
    assert len(article.paragraphs) == 11
