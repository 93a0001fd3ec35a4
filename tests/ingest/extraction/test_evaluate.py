"""The scorer, and the extractor against the targets of the extraction issue on the development gold set."""

import json
from pathlib import Path

import pytest

from ingest.extraction.evaluate import load_records, same_arm, score
from ingest.extraction.pipeline import extract_document
from ingest.extraction.records import extraction_record
from ingest.jsonl import document_from_record

ROOT = Path(__file__).resolve().parents[3]
GOLD = sorted((ROOT / "eval" / "dev").glob("*.jsonl"))

RECORD = {
    "id": "x",
    "agents": [{"label": "Pluvicto"}],
    "trials": [{"label": "VISION"}],
    "diseases": ["mCRPC"],
    "comparators": ["standard of care"],
    "measurements": [
        {"endpoint": "OS", "arm": "177Lu-PSMA-617 + SOC", "statistic": "median", "value": 15.3, "hr": 0.62,
         "ci_low": 0.52, "ci_high": 0.74, "ci_level": 95, "p_value": "<0.001", "status": "reported"},
        {"endpoint": "rPFS", "arm": "SOC", "statistic": "hr", "value": None, "hr": 0.6, "status": "planned"},
    ],
}  # fmt: skip


def test_a_perfect_prediction_in_other_spellings_scores_one():
    predicted = json.loads(json.dumps(RECORD))
    predicted["agents"] = [{"label": "[177Lu]Lu-PSMA-617"}]
    predicted["measurements"][0]["endpoint"] = "overall survival"
    predicted["measurements"][0]["arm"] = "lutetium-177 PSMA-617 plus standard of care"
    scores = score([RECORD], [predicted])
    assert scores.agents.f1 == scores.trials.f1 == scores.measurements.f1 == scores.hr_tuples.f1 == 1.0
    assert scores.arm_right == scores.ci_right == scores.p_right == 2


def test_a_planned_value_reported_as_a_result_is_counted():
    predicted = json.loads(json.dumps(RECORD))
    predicted["measurements"][1]["status"] = "reported"
    assert score([RECORD], [predicted]).planned_as_reported == 1


def test_the_grade_of_a_matched_adverse_event_is_scored_apart_from_its_match():
    gold = json.loads(json.dumps(RECORD))
    gold["measurements"].append(
        {"endpoint": "AE:anemia", "arm": "177Lu-PSMA-617", "statistic": "rate", "value": 12.0, "unit": "%",
         "status": "reported", "grade": ">=3"}
    )  # fmt: skip
    predicted = json.loads(json.dumps(gold))
    assert score([gold], [predicted]).as_dict()["matched_grade_right"] == 1.0
    predicted["measurements"][-1]["grade"] = "any"
    scores = score([gold], [predicted])
    assert scores.measurements.f1 == 1.0  # still a match
    assert (scores.graded, scores.grade_right) == (1, 0)


def test_a_wrong_value_is_a_miss_and_a_false_positive():
    predicted = json.loads(json.dumps(RECORD))
    predicted["measurements"][0]["value"] = 15.4
    scores = score([RECORD], [predicted])
    assert (scores.measurements.tp, scores.measurements.fp, scores.measurements.fn) == (1, 1, 1)


def test_an_arm_named_by_its_role_stands_for_the_records_agents_in_that_role():
    gold = json.loads(json.dumps(RECORD))
    gold["agents"] = [{"label": "177Lu-PSMA-617", "role": "investigational"}]
    gold["measurements"][0]["arm"] = "the experimental arm"
    gold["measurements"][1]["arm"] = "control group"
    predicted = json.loads(json.dumps(RECORD))
    predicted["measurements"][0]["arm"] = "177Lu-PSMA-617"
    predicted["measurements"][1]["arm"] = "standard of care"
    assert score([gold], [predicted]).arm_right == 2
    predicted["measurements"][0]["arm"], predicted["measurements"][1]["arm"] = "standard of care", "177Lu-PSMA-617"
    assert score([gold], [predicted]).arm_right == 0


def test_a_subgroup_is_scored_on_whether_the_arm_names_one():
    gold = json.loads(json.dumps(RECORD))
    gold["measurements"][0]["arm"] = "177Lu-PSMA-617 + SOC, liver metastases"
    predicted = json.loads(json.dumps(RECORD))  # the arm alone: a subgroup missed, the arm still right
    scores = score([gold], [predicted])
    assert (scores.subgroups.tp, scores.subgroups.fp, scores.subgroups.fn) == (0, 0, 1)
    assert scores.arm_right == 2
    scores = score([RECORD], [gold])  # a subgroup named where the gold has none
    assert (scores.subgroups.tp, scores.subgroups.fp, scores.subgroups.fn) == (0, 1, 0)
    assert score([gold], [gold]).subgroups.f1 == 1.0


def test_a_gold_dose_level_with_a_bracket_or_route_after_it_is_a_subgroup():
    predicted = json.loads(json.dumps(RECORD))
    predicted["measurements"][0]["arm"] = "177Lu-PSMA-617, 7.4 GBq"
    for written in ("177Lu-PSMA-617 7.4 GBq (cohort 2)", "177Lu-PSMA-617 7.4 GBq intravenous"):
        gold = json.loads(json.dumps(RECORD))
        gold["measurements"][0]["arm"] = written
        scores = score([gold], [predicted])
        assert (scores.subgroups.tp, scores.subgroups.fp, scores.subgroups.fn) == (1, 0, 0), written


def test_a_gold_arm_that_is_the_predicted_qualifier_alone_names_a_subgroup():
    gold = json.loads(json.dumps(RECORD))
    gold["measurements"][0]["arm"] = "Liver  metastases"  # a prognostic factor's ratio, named by the factor
    predicted = json.loads(json.dumps(RECORD))
    predicted["measurements"][0]["arm"] = "177Lu-PSMA-617, liver metastases"
    assert (score([gold], [predicted]).subgroups.tp, score([gold], [predicted]).subgroups.fp) == (1, 0)
    predicted["measurements"][0]["arm"] = "177Lu-PSMA-617, visceral metastases"  # another qualifier: no match
    assert (score([gold], [predicted]).subgroups.tp, score([gold], [predicted]).subgroups.fp) == (0, 1)


def test_in_a_record_of_two_courses_a_gold_arm_that_names_its_course_names_a_subgroup_without_a_comma():
    gold = json.loads(json.dumps(RECORD))
    gold["measurements"][0]["arm"] = "177Lu-PSMA-617 first course"
    gold["measurements"][1]["arm"] = "177Lu-PSMA-617 rechallenge"
    predicted = json.loads(json.dumps(RECORD))
    predicted["measurements"][0]["arm"] = "177Lu-PSMA-617, first course"
    predicted["measurements"][1]["arm"] = "177Lu-PSMA-617, rechallenge"
    scores = score([gold], [predicted])
    assert (scores.subgroups.tp, scores.subgroups.fp, scores.subgroups.fn) == (2, 0, 0)
    gold["measurements"][0]["arm"] = "177Lu-PSMA-617"  # a study of rechallenge alone: its course is no part of it
    scores = score([gold], [predicted])
    assert (scores.subgroups.tp, scores.subgroups.fp, scores.subgroups.fn) == (0, 2, 0)


@pytest.mark.parametrize(
    ("gold", "predicted", "right"),
    [
        ("177Lu-PSMA-617 + standard of care", "177Lu-PSMA-617", True),
        ("LuPSMA", "177Lu-PSMA-617", True),
        ("177Lu-J591 45 mCi/m2 x2", "177Lu-J591", True),
        ("cabazitaxel", "177Lu-PSMA-617", False),
        ("standard of care", "177Lu-PSMA-617 + standard of care", False),
        # an agent the lexicon does not know compares by its name, without its qualifier or dose level
        ("KRN-5114 1.6 mg/kg", "KRN-5114, 1.6 mg/kg", True),
        ("KRN-5114 1.6 mg/kg", "KRN-5114", True),
        ("KRN-5114 1.6 mg/kg", "TGX-2203, 1.6 mg/kg", False),
    ],
)
def test_arm_rule(gold, predicted, right):
    assert same_arm(gold, predicted) is right


#: The extraction issue's targets on eval/dev: the build fails when any is missed.
TARGETS = {"agents": 0.95, "trials": 0.95, "measurements": 0.90, "hr_tuples": 0.95}


@pytest.fixture(scope="module")
def dev_scores():
    gold = [record for path in GOLD for record in load_records(str(path))]
    assert len(gold) >= 100
    predicted = [extraction_record(extract_document(document_from_record(record))) for record in gold]
    return score(gold, predicted)


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_dev_set_meets_the_targets(dev_scores, name):
    assert getattr(dev_scores, name).f1 >= TARGETS[name], dev_scores.table()


def test_no_planned_value_is_reported_as_a_result(dev_scores):
    assert dev_scores.planned_as_reported == 0
    assert dev_scores.arm_right / dev_scores.measurements.tp >= 0.9


#: Floors on the blind sets, which rules were drawn from after their first scoring (README, "Extraction quality"):
#: a change that loses what they taught fails the build. (The subgroups' floor is loose, the sets' annotators having
#: named subgroups in more ways than the rules read: it catches a change that stops reading them.)
BLIND_FLOORS = {"agents": 0.95, "trials": 0.95, "measurements": 0.90, "hr_tuples": 0.90, "subgroups": 0.45}


@pytest.mark.parametrize(
    "name",
    [
        "blind.jsonl",
        "blind2.jsonl",
        "blind3.jsonl",
        "blind4.jsonl",
        "blind6.jsonl",
        "blind7.jsonl",
        "blind8.jsonl",
        "blind9.jsonl",
        "blind10.jsonl",
        "blind11.jsonl",
        "blind12.jsonl",
        "blind13.jsonl",
        "blind14.jsonl",
        "blind15.jsonl",
        "blind17.jsonl",
        "blind18.jsonl",
        "blind19.jsonl",
        "blind20.jsonl",
        "blind21.jsonl",
        "blind22.jsonl",
        "blind23.jsonl",
        "blind24.jsonl",
        "blind25.jsonl",
        "blind26.jsonl",
        "blind27.jsonl",
        "blind28.jsonl",
        "blind29.jsonl",
        "blind30.jsonl",
        "blind32.jsonl",
        "blind33.jsonl",
        "blind34.jsonl",
        "blind35.jsonl",
        "blind37.jsonl",
        "blind38.jsonl",
        "blind39.jsonl",
        "blind40.jsonl",
        "blind41.jsonl",
        "blind42.jsonl",
        "blind43.jsonl",
        "blind45.jsonl",
        "blind50.jsonl",
        "blind53.jsonl",
        "blind54.jsonl",
        "blind55.jsonl",
        "blind56.jsonl",
        "blind58.jsonl",
        "blind59.jsonl",
    ],
)
def test_the_blind_sets_keep_what_they_taught(name):
    gold = load_records(str(ROOT / "eval" / name))
    predicted = [extraction_record(extract_document(document_from_record(record))) for record in gold]
    scores = score(gold, predicted)
    below = {
        field: getattr(scores, field).f1 for field, floor in BLIND_FLOORS.items() if getattr(scores, field).f1 < floor
    }
    assert not below and scores.planned_as_reported == 0, scores.table()


def test_psmakg_eval_scores_a_folder_and_names_a_broken_line(tmp_path, capsys):
    from kg.cli import main

    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "a.jsonl").write_text(GOLD[0].read_text().splitlines()[0] + "\n")
    (folder / "b.jsonl").write_text(GOLD[1].read_text().splitlines()[0] + "\n")
    assert main(["eval", str(folder), "--json"]) == 0
    assert '"documents": 2' in capsys.readouterr().out.replace("\n", " ").replace("  ", " ")

    (folder / "b.jsonl").write_text('{"id": "x"}\nnot json\n')
    assert main(["eval", str(folder)]) == 2
    assert f"{folder / 'b.jsonl'}: line 2 is not a JSON record" in capsys.readouterr().err
