"""The /embed/ pages and /oembed through HTTP: what a review tool that frames them gets."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from api.app import create_app
from api.settings import Settings
from tests.api.test_forest import plotted
from tests.conftest import running_server


class Page(HTMLParser):
    """The tags, links, table rows and text of an HTML page."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.rows: list[list[str]] = []
        self.text: list[str] = []
        self._cell: list[str] | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data):
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)

    def all(self, tag: str) -> list[dict]:
        return [attrs for name, attrs in self.tags if name == tag]


def assert_frameable_and_self_contained(response: httpx.Response) -> Page:
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    assert "x-frame-options" not in response.headers
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors *" in policy and "default-src 'none'" in policy
    page = Page(response.text)
    assert not page.all("script") and not page.all("img") and not page.all("iframe")
    assert not [a for a in page.tags if "src" in a[1]]
    assert [link["rel"] for link in page.all("link")] == ["alternate"]  # no style sheet from anywhere
    assert "url(" not in response.text and "@import" not in response.text
    assert not [name for name, _ in page.tags if name in ("nav", "header")]  # no site chrome
    return page


def test_embedded_forest_plot_is_the_svg_of_forest_svg(http):
    params = {"trials": "VISION,TheraP", "endpoint": "rPFS"}
    response = http.get("/embed/forest", params=params)
    page = assert_frameable_and_self_contained(response)
    assert plotted(response.text[response.text.index("<svg") : response.text.index("</svg>") + 6]) == plotted(
        http.get("/forest.svg", params=params).text
    )
    hrefs = [a["href"] for a in page.all("a")]
    assert any("/publications.ris?trials=VISION,TheraP&endpoint=rPFS" in h for h in hrefs)
    assert all(a.get("target") == "_blank" for a in page.all("a"))  # links leave the frame
    # a trial asked for without an HR is named, not silently left out
    caption = " ".join(http.get("/embed/forest", params={"trials": "VISION,TheraP", "endpoint": "OS"}).text.split())
    assert "No hazard ratio reported for TheraP" in caption
    assert http.get("/embed/forest", params={"trials": "TheraP", "endpoint": "PSA50"}).status_code == 404


def test_embedded_comparison_table_has_every_row_with_its_publication_and_evidence(http):
    params = {"trials": "VISION,TheraP", "endpoint": "OS"}
    page = assert_frameable_and_self_contained(http.get("/embed/compare", params=params))
    header, *body = page.rows
    assert header == ["Trial", "Arm", "Endpoint", "Statistic", "Value", "Unit", "HR", "CI", "p", "Publication",
                      "Evidence"]  # fmt: skip
    rows = http.get("/compare", params=params).json()["data"]
    assert sorted((r[0], r[1], r[4], r[9], r[10]) for r in body) == sorted(
        (r["trial"], r["arm"], r["value"], r["publication"], r["sentence"]) for r in rows
    )
    vision = next(r for r in body if r[6] == "0.62")
    assert (vision[7], vision[8]) == ("0.52–0.74 (95%)", "<0.001")


def test_embedded_trial_summary_has_results_per_endpoint_and_marks_planned_values(http):
    page = assert_frameable_and_self_contained(http.get("/embed/trial/NCT03511664"))
    text = " ".join(page.text)
    assert "VISION: results by endpoint" in text and "NCT03511664" in text
    headings = [t.strip() for t in page.text if t.strip().endswith(("(OS)", "(rPFS)"))]
    assert headings == ["Overall survival (OS)", "Radiographic progression-free survival (rPFS)"]
    enza = http.get("/embed/trial/ENZA-p")
    assert "planned" in enza.text
    assert [r["data-hr"] for r in plotted(enza.text[enza.text.index("<svg") : enza.text.index("</svg>") + 6])] == [
        "0.43"
    ]  # the planned 0.625 is in the table, not the plot
    assert http.get("/embed/trial/NOSUCHTRIAL").status_code == 404


def test_embedded_pages_escape_what_they_are_given(http):
    response = http.get("/embed/compare", params={"trials": "VISION,<script>alert(1)</script>", "endpoint": "OS"})
    assert response.status_code == 200
    assert "<script>" not in response.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_who_may_frame_the_pages_comes_from_the_settings(demo_store):
    settings = Settings(embed_frame_ancestors="https://review.example")
    with running_server(create_app(settings, store=demo_store)) as url:
        response = httpx.get(f"{url}/embed/trial/VISION", timeout=30)
    assert response.status_code == 200
    assert response.headers["content-security-policy"].endswith("frame-ancestors https://review.example")


def test_oembed_describes_an_iframe_of_the_embedded_page(http, server):
    page_url = f"{server}/embed/forest?trials=VISION,TheraP&endpoint=OS"
    answer = http.get("/oembed", params={"url": page_url, "format": "json"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/json")
    data = answer.json()
    assert (data["type"], data["version"], data["provider_name"]) == ("rich", "1.0", "psma-kg")
    assert data["title"] == "Overall survival: hazard ratios (VISION, TheraP)"
    [iframe] = Page(data["html"]).all("iframe")
    assert (int(iframe["width"]), int(iframe["height"])) == (data["width"], data["height"])
    assert iframe["title"] == data["title"]
    framed = http.get(iframe["src"])
    assert_frameable_and_self_contained(framed)
    # the page names the same oEmbed answer for discovery
    [link] = Page(framed.text).all("link")
    assert link["type"] == "application/json+oembed"
    assert http.get(link["href"]).json() == data


@pytest.mark.parametrize(
    ("path", "embedded"),
    [("/forest.svg?trials=VISION&endpoint=rPFS", "/embed/forest?trials=VISION&endpoint=rPFS"),
     ("/compare?agents=177Lu-PSMA-617&endpoint=OS", "/embed/compare?agents=177Lu-PSMA-617&endpoint=OS"),
     ("/trials/NCT03511664", "/embed/trial/NCT03511664"), ("/embed/trial/VISION", "/embed/trial/VISION"),
     ("/trials/trial%3AVISION", "/embed/trial/trial:VISION")],
)  # fmt: skip
def test_oembed_maps_api_views_to_their_embedded_page(http, server, path, embedded):
    data = http.get("/oembed", params={"url": server + path}).json()
    src = Page(data["html"]).all("iframe")[0]["src"]
    assert src == server + embedded
    assert http.get(urlsplit(src).path + ("?" + urlsplit(src).query if urlsplit(src).query else "")).status_code == 200


def test_oembed_honours_maxwidth_and_maxheight(http, server):
    url = f"{server}/embed/trial/VISION"
    full = http.get("/oembed", params={"url": url}).json()
    small = http.get("/oembed", params={"url": url, "maxwidth": 400, "maxheight": 300}).json()
    assert (small["width"], small["height"]) == (400, 300) and full["width"] > 400 and full["height"] > 300
    [iframe] = Page(small["html"]).all("iframe")
    assert (iframe["width"], iframe["height"]) == ("400", "300")


def test_oembed_errors(http, server):
    xml = http.get("/oembed", params={"url": f"{server}/embed/trial/VISION", "format": "xml"})
    assert xml.status_code == 501 and xml.headers["content-type"] == "application/problem+json"
    for url in ("https://elsewhere.example/embed/trial/VISION", f"{server}/agents/Pluvicto",
                f"{server}/embed/forest?trials=TheraP&endpoint=PSA50", f"{server}/embed/compare",
                f"{server}/trials/NOSUCHTRIAL"):  # fmt: skip
        assert http.get("/oembed", params={"url": url}).status_code == 404, url


README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_iframe_and_oembed_examples(http, server):
    section = README.read_text().split("## Embedding in a review tool")[1].split("\n## ")[0]
    [src] = re.findall(r'<iframe src="([^"]+)"', section)
    framed = http.get(src.replace("http://127.0.0.1:8000", server))
    assert_frameable_and_self_contained(framed)
    svg = framed.text[framed.text.index("<svg") : framed.text.index("</svg>") + 6]
    assert [r["data-label"] for r in plotted(svg)] == ["VISION", "TheraP", "PSMAfore", "SPLASH"]
    [command] = [line for line in section.splitlines() if line.startswith("curl")]
    maxwidth = re.search(r"-d maxwidth=(\d+)", command).group(1)
    url = re.search(r'--data-urlencode "url=([^"]+)"', command).group(1).replace("http://127.0.0.1:8000", server)
    data = http.get("/oembed", params={"url": url, "maxwidth": maxwidth}).json()
    assert data["type"] == "rich" and data["width"] <= int(maxwidth)
    assert Page(data["html"]).all("iframe")[0]["src"] == src.replace("http://127.0.0.1:8000", server)
