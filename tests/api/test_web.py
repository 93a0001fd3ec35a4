"""The explorer's files over HTTP: the page at /, its own files, and only the library files it names."""

import re
from html.parser import HTMLParser

from api.routes.web import STATIC_DIR, VENDOR

# Namespace IRIs are names, not downloads; any other absolute URL in the page's files would need the internet.
NAMESPACES = re.compile(r"https?://(w3id\.org|www\.w3\.org|purl\.org)/")


class Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.urls.append(attrs["href"])


def test_the_page_and_every_asset_it_loads_are_served_here(http):
    page = http.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    parser = Assets()
    parser.feed(page.text)
    assert {"/vendor/codemirror.js", "/vendor/cytoscape.min.js", "/static/js/app.js"} <= set(parser.urls)
    for url in parser.urls:
        assert url.startswith("/"), f"{url} is not served by this server"
        answer = http.get(url)
        assert answer.status_code == 200, url
        assert answer.content, url


def test_no_file_of_the_page_loads_anything_from_the_internet():
    for path in [*STATIC_DIR.rglob("*.html"), *STATIC_DIR.rglob("*.js"), *STATIC_DIR.rglob("*.css")]:
        text = NAMESPACES.sub("", path.read_text())
        assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", text), f"{path} names an outside URL"
        assert "@import" not in text and "url(http" not in text, path


def test_every_es_module_import_resolves(http):
    for path in STATIC_DIR.rglob("*.js"):
        for target in re.findall(r'^import .* from "(\.{1,2}/[^"]+)";', path.read_text(), re.M):
            resolved = (path.parent / target).resolve()
            assert resolved.is_file(), f"{path.name} imports {target}, which is missing"
            assert http.get("/static/" + str(resolved.relative_to(STATIC_DIR))).status_code == 200


def test_only_the_named_library_files_are_served(http):
    for name in VENDOR:
        assert http.get(f"/vendor/{name}").status_code == 200, name
    for name in ("package.json", "..%2Fpackage.json", "codemirror%2Flib%2Fcodemirror.js"):
        answer = http.get(f"/vendor/{name}")
        assert answer.status_code == 404
        assert answer.headers["content-type"] == "application/problem+json"
    assert http.get("/static/../package.json").status_code == 404


def test_the_json_ld_context_is_served_for_the_page(http):
    context = http.get("/context.jsonld")
    assert context.headers["content-type"] == "application/ld+json"
    assert context.json()["@context"]["trial"] == "https://w3id.org/psma-kg/trial/"


def test_features_say_cypher_is_off_without_a_neo4j_mirror(http):
    assert http.get("/web/features").json() == {"cypher": False}


def test_the_api_pages_still_answer(http):
    assert http.get("/docs").status_code == 200
    assert "/" not in http.get("/openapi.json").json()["paths"]  # the page is not an API operation
