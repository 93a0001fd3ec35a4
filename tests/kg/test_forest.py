"""The forest-plot renderer: rows, log-scale positions, clipping, escaping and what screen readers get."""

import math
import xml.etree.ElementTree as ET

import pytest

from kg.forest import forest_rows, forest_svg

SVG = "{http://www.w3.org/2000/svg}"


def row(trial, hr, low="", high="", **extra):
    return {"trial": trial, "endpoint": "OS", "hr": hr, "ci_low": low, "ci_high": high, "ci_level": "95",
            "status": "reported", "publication": "demo:001", "arm": "", "p_value": "", **extra}  # fmt: skip


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def ticks(root) -> dict[str, float]:
    return {g.get("data-value"): float(g.find(f"{SVG}line").get("x1")) for g in root.iter(f"{SVG}g")
            if g.get("class") == "tick"}  # fmt: skip


def square_centre(group) -> float:
    rect = group.find(f"{SVG}rect")
    return float(rect.get("x")) + float(rect.get("width")) / 2


def rows_of(root):
    return [g for g in root.iter(f"{SVG}g") if g.get("class") == "forest-row"]


def test_axis_is_logarithmic_with_ticks_around_one():
    root = parse(forest_svg([row("VISION", "0.62", "0.52", "0.74"), row("TheraP", "0.97", "0.7", "1.35")]))
    x = ticks(root)
    assert list(x) == ["0.5", "1", "2"]
    # equal ratios are equal distances: 0.5 -> 1 is as wide as 1 -> 2
    assert x["1"] - x["0.5"] == pytest.approx(x["2"] - x["1"])
    line = next(e for e in root.iter(f"{SVG}line") if e.get("class") == "no-effect")
    assert float(line.get("x1")) == pytest.approx(x["1"])
    vision = rows_of(root)[0]
    expected = x["0.5"] + (x["1"] - x["0.5"]) * math.log2(0.62 / 0.5)
    assert square_centre(vision) == pytest.approx(expected, abs=0.02)


def test_one_group_per_hazard_ratio_with_its_values_and_label():
    rows = [row("VISION", "0.4", "0.29", "0.57", endpoint="rPFS"), row("VISION", "", arm="standard of care"),
            row("TheraP", "0.64", "0.46", "0.88", status="planned")]  # fmt: skip
    root = parse(forest_svg(rows))
    [vision] = rows_of(root)
    assert (vision.get("data-label"), vision.get("data-hr"), vision.get("data-ci-low"), vision.get("data-ci-high")) == (
        "VISION", "0.4", "0.29", "0.57")  # fmt: skip
    assert vision.find(f"{SVG}text").text == "VISION — rPFS: HR 0.40 (0.29–0.57)"


def test_a_trial_with_two_hazard_ratios_has_two_rows_named_by_publication():
    rows = [row("VISION", "0.62", "0.52", "0.74"), row("VISION", "0.60", "0.50", "0.72", publication="demo:063"),
            row("VISION", "0.62", "0.52", "0.74")]  # fmt: skip
    assert [r.name for r in forest_rows(rows)] == ["VISION (demo:001)", "VISION (demo:063)"]


def test_the_same_numbers_in_two_publications_are_one_row_citing_both():
    rows = [row("VISION", "0.62", "0.52", "0.74"), row("VISION", "0.62", "0.52", "0.74", publication="file:a")]
    [vision] = rows_of(parse(forest_svg(rows)))
    assert (vision.get("data-label"), vision.get("data-publications")) == ("VISION", "demo:001 file:a")


def test_ci_beyond_the_axis_is_clipped_with_arrows():
    root = parse(forest_svg([row("Wide", "0.9", "0.05", "20")], limits=(0.25, 4)))
    [wide] = rows_of(root)
    x = ticks(root)
    ci = next(e for e in wide.iter(f"{SVG}line") if e.get("class") == "ci")
    assert float(ci.get("x1")) == pytest.approx(x["0.25"]) and float(ci.get("x2")) == pytest.approx(x["4"])
    assert wide.get("data-clipped") == "low high"
    assert {p.get("class") for p in wide.iter(f"{SVG}path")} == {"clip-low", "clip-high"}
    # the label still tells the true interval
    assert wide.find(f"{SVG}text").text == "Wide — OS: HR 0.90 (0.05–20.00)"


def test_ticks_are_powers_of_two_even_on_an_axis_that_is_not():
    assert list(ticks(parse(forest_svg([row("VISION", "0.62", "0.52", "0.74")], limits=(0.3, 3))))) == [
        "0.5", "1", "2"]  # fmt: skip


def test_the_automatic_axis_stops_at_one_eighth_and_eight():
    root = parse(forest_svg([row("Wide", "0.3", "0.001", "100")]))
    assert list(ticks(root)) == ["0.125", "0.25", "0.5", "1", "2", "4", "8"]
    assert rows_of(root)[0].get("data-clipped") == "low high"


def test_labels_and_title_are_escaped():
    svg = forest_svg([row('<script>alert("x")</script> & co', "0.5", "0.4", "0.6")], title="OS <b>&</b>")
    root = parse(svg)  # well-formed XML despite the markup in the input
    assert "<script>" not in svg
    assert rows_of(root)[0].get("data-label") == '<script>alert("x")</script> & co'
    assert root.find(f"{SVG}title").text == "OS <b>&</b>"


def test_screen_readers_get_a_title_and_a_description_of_every_row():
    root = parse(forest_svg([row("VISION", "0.62", "0.52", "0.74", p_value="<0.001")], title="Overall survival"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "forest-title forest-desc"
    desc = root.find(f"{SVG}desc").text
    assert "VISION, OS: hazard ratio 0.62, 95% CI 0.52 to 0.74, p <0.001" in desc and "log scale" in desc


def test_nothing_to_plot_is_an_error_not_an_empty_picture():
    with pytest.raises(ValueError, match="no reported hazard ratio"):
        forest_svg([row("VISION", ""), row("TheraP", "0.6", status="planned")])
