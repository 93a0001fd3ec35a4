"""Step 4: phase, design words, patients enrolled (digits or words), randomization ratio."""

import pytest


@pytest.mark.parametrize(
    ("phrase", "phase"),
    [("phase 3", "3"), ("phase III", "3"), ("phase Ib/II", "1/2"), ("phase 1b", "1"), ("phase I/II", "1/2")],
)
def test_phase(record, phrase, phase):
    assert record(f"VISION was a {phrase} trial.")["trials"][0]["phase"] == phase


def test_design_patients_and_ratio(record):
    result = record(
        "VISION was an international, open-label, multicentre, randomised phase 3 trial. "
        "Patients were randomly assigned in a 2:1 ratio. A total of 831 patients underwent randomization."
    )
    trial = result["trials"][0]
    assert trial["n_patients"] == 831
    assert set(trial["design"]) >= {"open-label", "multicenter", "randomized"}


def test_patients_in_words(record):
    result = record("TheraP enrolled men with mCRPC.\nSixteen patients were enrolled in the TheraP substudy.")
    assert result["trials"][0]["n_patients"] == 16


def test_patients_written_as_pts_in_a_congress_abstract(record):
    result = record("LuTRIO (NCT01234567) is a phase 2 study of 177Lu-PSMA-I&T. Results: 64 pts were enrolled; age 71.")
    assert result["trials"][0]["n_patients"] == 64


def test_patients_enrolled_in_a_later_clause_of_a_long_sentence(record):
    result = record(
        "TheraP enrolled men with mCRPC.\n"
        "Median follow-up was 14 months (interquartile range 9 to 20 months) in the whole cohort; "
        "in total, 30 men were enrolled, and 12 patients were treated twice."
    )
    assert result["trials"][0]["n_patients"] == 30


def test_patients_in_words_above_a_hundred(record):
    result = record(
        "The LUNAR trial randomised men with oligometastatic disease. One hundred and twenty men were randomised."
    )
    assert result["trials"][0]["n_patients"] == 120


def test_design_words_written_in_capitals_with_a_dotted_i(record):
    # Text in capitals from a Turkish keyboard: "BLİND" lowers to "bli̇nd", which hides "blind" from a substring
    # test, while the case-insensitive design pattern still reads it.
    result = record("VISION was a DOUBLE-BL\u0130ND, placebo-controlled trial.")
    assert "double-blind" in result["trials"][0]["design"]


def test_a_randomised_trial_a_single_arm_study_calls_for_is_no_design_of_its_own(record):
    result = record(
        "In the single-arm phase 2 LUMEN study (NCT01234567), 40 men received 177Lu-PSMA-I&T. PSA50 was 55%. "
        "A randomised comparison with cabazitaxel is warranted."
    )
    assert set(result["trials"][0]["design"]) == {"single-arm"}


@pytest.mark.parametrize(
    ("sentence", "multicenter"),
    [
        ("Men were enrolled at 23 sites in Europe.", True),
        ("Men were enrolled at four German centres.", True),
        ("Men were enrolled at one centre; most had metastases at three sites.", False),
    ],
)
def test_a_study_run_at_several_centres_is_multicenter(record, sentence, multicenter):
    found = record(f"LUNAR is an open-label phase 2 trial of 177Lu-PSMA-I&T. {sentence}")
    assert ("multicenter" in found["trials"][0]["design"]) is multicenter


def test_a_known_trial_name_at_the_end_of_a_longer_hyphenated_name_is_that_other_trial(record):
    found = record(
        "Methods: Twenty men received 177Lu-PSMA-617 before prostatectomy in the single-arm phase 2 PRE-LuPSMA study.",
        title="Neoadjuvant 177Lu-PSMA-617 before radical prostatectomy (PRE-LuPSMA)",
    )
    assert [trial["label"] for trial in found["trials"]] == ["PRE-LuPSMA"]
