"""The curl calls of the README's quickstart work against a real server."""

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"
CURL = re.compile(r'^curl -s "http://127\.0\.0\.1:8000(?P<path>/[^"]+)"$', re.M)


def test_every_quickstart_curl_answers(http):
    paths = CURL.findall(README.read_text())
    assert len(paths) >= 4
    for path in paths:
        response = http.get(path)
        assert response.status_code == 200, (path, response.text[:200])
        assert response.text.strip(), path
        if "format=csv" in path:
            assert response.text.startswith("publication,trial,arm")
        elif "/sparql" in path:
            assert response.json()["results"]["bindings"]
