"""Every list route pages the same way: offset and limit in, {data, count, offset, limit} and a Link header out."""

import re

import pytest

from api.pagination import MAX_LIMIT

LISTS = [
    ("/agents", {}),
    ("/trials", {}),
    ("/endpoints", {}),
    ("/measurements", {"endpoint": "OS"}),
    ("/compare", {"trials": "VISION,TheraP,PSMAfore"}),
    ("/search", {"q": "psma"}),
]


def _next_link(response) -> str | None:
    match = re.search(r'<([^>]+)>; rel="next"', response.headers.get("link", ""))
    return match.group(1) if match else None


@pytest.mark.parametrize(("path", "params"), LISTS, ids=[path for path, _ in LISTS])
def test_following_next_links_visits_every_item_once(http, path, params):
    whole = http.get(path, params={**params, "limit": MAX_LIMIT}).json()
    assert 7 < whole["count"] <= MAX_LIMIT and len(whole["data"]) == whole["count"]
    pages, seen = 0, []
    url = str(http.build_request("GET", path, params={**params, "limit": 7}).url)
    while url:
        response = http.get(url)
        body = response.json()
        assert body["count"] == whole["count"] and body["limit"] == 7 and len(body["data"]) <= 7
        seen += body["data"]
        pages += 1
        url = _next_link(response)
    assert seen == whole["data"]
    assert pages == -(-whole["count"] // 7)


def test_a_middle_page_links_both_ways_and_past_the_end_is_empty(http):
    response = http.get("/trials", params={"offset": 5, "limit": 5})
    assert [t["label"] for t in response.json()["data"]] == [
        t["label"] for t in http.get("/trials", params={"limit": 10}).json()["data"][5:]
    ]
    assert 'offset=0>; rel="prev"' in response.headers["link"] and 'offset=10>; rel="next"' in response.headers["link"]
    beyond = http.get("/trials", params={"offset": 10_000}).json()
    assert beyond["data"] == [] and beyond["count"] > 0


def test_default_page_and_limits_outside_the_range_are_refused(http):
    assert http.get("/agents").json()["limit"] == 50
    for params in ({"limit": MAX_LIMIT + 1}, {"limit": 0}, {"offset": -1}):
        response = http.get("/measurements", params=params)
        assert response.status_code == 422 and response.headers["content-type"] == "application/problem+json"
        assert ("limit" in response.json()["detail"]) or ("offset" in response.json()["detail"])


def test_readme_link_example_is_what_the_server_sends(http, server):
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    shown = re.search(r"^# link: (.+)$", readme, re.M).group(1)
    response = http.get("/trials", params={"limit": 10, "offset": 10})
    assert response.headers["link"] == shown.replace("http://127.0.0.1:8000", server)
