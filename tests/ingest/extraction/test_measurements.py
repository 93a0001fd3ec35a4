"""Steps 5 to 7: numbers per endpoint and arm, status and polarity, evidence."""

from ingest import read_documents
from ingest.document import Document, Section
from ingest.extraction.pipeline import extract_document
from ingest.extraction.records import extraction_record

TWO_ARM = (
    "Patients were randomly assigned to 177Lu-PSMA-617 plus standard of care or to standard of care alone.\n"
    "Imaging-based progression-free survival was longer with 177Lu-PSMA-617 (median, 8.7 vs. 3.4 months; "
    "hazard ratio for progression or death, 0.40; 99.2% confidence interval [CI], 0.29 to 0.57; P<0.001)."
)


def test_two_arm_result_with_hr_and_99_2_ci(record):
    measurements = record(TWO_ARM)["measurements"]
    first, second = measurements
    assert (first["endpoint"], first["statistic"], first["value"], first["unit"]) == ("rPFS", "median", 8.7, "months")
    assert first["arm"] == "177Lu-PSMA-617 + standard of care"
    assert (first["hr"], first["ci_low"], first["ci_high"], first["ci_level"]) == (0.40, 0.29, 0.57, 99.2)
    assert first["p_value"] == "<0.001"
    assert (second["value"], second["arm"], second["hr"]) == (3.4, "standard of care", None)
    assert {m["status"] for m in measurements} == {"reported"}


def test_rates_per_arm_named_next_to_each_value(record):
    text = (
        "Men were randomly assigned to 177Lu-PSMA-617 or cabazitaxel.\n"
        "PSA responses occurred in 66% of men with 177Lu-PSMA-617 and 37% with cabazitaxel (p<0.0001)."
    )
    rows = [(m["endpoint"], m["value"], m["arm"], m["p_value"]) for m in record(text)["measurements"]]
    assert rows == [("PSA50", 66.0, "177Lu-PSMA-617", "<0.0001"), ("PSA50", 37.0, "cabazitaxel", None)]


def test_each_value_takes_the_arm_its_clause_opens_with(record):
    text = (
        "Men were randomly assigned to 177Lu-PSMA-I&T or to cabazitaxel.\n"
        "In the cabazitaxel arm, the median PSA-PFS was 4.2 months, whereas in the 177Lu-PSMA-I&T arm it was "
        "6.6 months."
    )
    rows = _rows(record, text, "value", "arm")
    assert rows == [(4.2, "cabazitaxel"), (6.6, "177Lu-PSMA-I&T")]


def test_a_radionuclide_in_brackets_names_the_arm_and_the_pairs_after_keep_its_order(record):
    text = (
        "Men with rising PSA were randomised 1:1 to [18F]PSMA-1007 or [68Ga]Ga-PSMA-11 PET/CT.\n"
        "The detection rate was 71.2% (18F) vs. 66.9% (68Ga) in all men and, by PSA level, 45% vs. 41% below "
        "0.5 ng/mL and 88% vs. 86% at 0.5 ng/mL or more."
    )
    rows = _rows(record, text, "value", "arm")
    assert rows == [
        (71.2, "18F-PSMA-1007"),
        (66.9, "68Ga-PSMA-11"),
        (45.0, "18F-PSMA-1007, PSA <0.5 ng/mL"),
        (41.0, "68Ga-PSMA-11, PSA <0.5 ng/mL"),
        (88.0, "18F-PSMA-1007, PSA ≥0.5 ng/mL"),
        (86.0, "68Ga-PSMA-11, PSA ≥0.5 ng/mL"),
    ]


def test_aluminium_fluoride_psma_11_in_its_written_out_spelling(record):
    found = record(
        "Men were randomised to aluminium-[18F]fluoride PSMA-11 or 68Ga-PSMA-11 PET/CT.",
        title="Two PSMA tracers in biochemical recurrence",
    )
    assert [a["label"] for a in found["agents"]] == ["18F-AlF-PSMA-11", "68Ga-PSMA-11"]


def test_a_change_from_one_arms_value_to_the_others(record):
    text = (
        "Men were randomly assigned to 177Lu-PSMA-I&T or to cabazitaxel.\n"
        "177Lu-PSMA-I&T lengthened rPFS from a median of 5.1 months with cabazitaxel to 8.4 months (HR 0.62)."
    )
    rows = _rows(record, text, "value", "arm", "hr")
    assert rows == [(5.1, "cabazitaxel", None), (8.4, "177Lu-PSMA-I&T", 0.62)]


def test_a_percentage_right_after_any_grade_is_a_value_not_a_grade(record):
    text = (
        "Men were randomly assigned to 177Lu-PSMA-617 or to enzalutamide.\n"
        "Nausea of any grade affected 40% vs 22%, and dry mouth of any grade 61% vs 9%."
    )
    assert _rows(record, text, "endpoint", "value", "arm") == [
        ("AE:nausea", 40.0, "177Lu-PSMA-617"),
        ("AE:nausea", 22.0, "enzalutamide"),
        ("AE:dry mouth", 61.0, "177Lu-PSMA-617"),
        ("AE:dry mouth", 9.0, "enzalutamide"),
    ]


def test_values_written_before_a_list_of_endpoints_with_respectively(record):
    text = (
        "Thirty men received 177Lu-PSMA-I&T. 52% and 17% reached PSA50 and PSA90, respectively. "
        "0.41 and 0.05 Gy/GBq were the mean absorbed doses to the kidneys and the red marrow, respectively."
    )
    assert _rows(record, text, "endpoint", "value") == [
        ("PSA50", 52.0),
        ("PSA90", 17.0),
        ("absorbed dose:kidney", 0.41),
        ("absorbed dose:bone marrow", 0.05),
    ]


def test_positive_and_negative_predictive_values_named_together(record):
    text = (
        "Ninety men had 18F-DCFPyL PET/CT before surgery. Its positive and negative predictive values were 91% and "
        "78%, respectively."
    )
    assert _rows(record, text, "endpoint", "value") == [("PPV", 91.0), ("NPV", 78.0)]


def test_a_hazard_ratio_with_its_abbreviation_in_square_brackets(record):
    text = (
        "Men were randomly assigned to 177Lu-PSMA-617 or to cabazitaxel.\n"
        "Median rPFS was 8.2 months with 177Lu-PSMA-617 and 5.0 months with cabazitaxel (hazard ratio [HR] 0.61, "
        "95% CI 0.44-0.85)."
    )
    assert _rows(record, text, "value", "hr", "ci_low", "ci_high") == [(8.2, 0.61, 0.44, 0.85), (5.0, None, None, None)]


def test_a_ratio_of_an_endpoint_the_ontology_lacks_takes_no_endpoint_from_before(record):
    text = (
        "Men were randomly assigned to 177Lu-PSMA-617 or to cabazitaxel. Overall survival was similar.\n"
        "Four-year event-free survival was 71% vs 58% (hazard ratio [HR] 0.62; 95% CI 0.45-0.86)."
    )
    assert [m for m in record(text)["measurements"] if m.get("hr") is not None] == []


def test_dose_thresholds_are_no_absorbed_doses_and_an_organ_is_never_denied(record):
    text = (
        "Forty men had dosimetry after 177Lu-PSMA-617. The median kidney absorbed dose was 0.43 Gy/GBq. Men with a "
        "tumour dose of at least 12 Gy responded more often, and no patient exceeded a kidney BED of 28 Gy. A "
        "whole-body tumour dose of 10 Gy or more predicted response."
    )
    rows = record(text)["measurements"]
    assert [(m["endpoint"], m["value"], m.get("negated")) for m in rows] == [("absorbed dose:kidney", 0.43, None)]


def test_a_changed_radiotherapy_plan_is_a_management_change(record):
    text = (
        "Ninety men had 18F-DCFPyL PET/CT before salvage radiotherapy. PET detected disease in 52 patients (57.8%) "
        "and changed the radiotherapy plan in 33 (36.7%)."
    )
    assert _rows(record, text, "endpoint", "value") == [("detection rate", 57.8), ("management change", 36.7)]


def test_the_share_given_a_supportive_drug_is_no_rate_of_the_event(record):
    text = (
        "Forty men received ZR-2150, a PSMA x CD3 T-cell engager. Cytokine release syndrome occurred in 70%; "
        "tocilizumab was given to 30%."
    )
    assert _rows(record, text, "endpoint", "value") == [("AE:CRS", 70.0)]


def test_an_absorbed_dose_to_an_organ_named_with_words_before_it(record):
    text = (
        "Twenty men received 177Lu-PSMA-617 before prostatectomy. The mean absorbed dose per cycle was 18.2 Gy to "
        "the dominant intraprostatic tumour and 2.1 Gy to the kidneys."
    )
    assert _rows(record, text, "endpoint", "value") == [("absorbed dose:tumor", 18.2), ("absorbed dose:kidney", 2.1)]


def test_a_maximum_tolerated_dose_of_cells_is_written_in_full(record):
    text = (
        "Eighteen men received PSMA CAR-T cells. DLTs occurred in 2 of 6 patients treated at 3×10^7 cells/kg, and "
        "1 × 10^7 cells/kg was declared the maximum tolerated dose."
    )
    rows = _rows(record, text, "endpoint", "value", "unit")
    assert ("MTD", 10_000_000.0, "cells/kg") in rows
    assert ("MTD", 30_000_000.0, "cells/kg") not in rows  # the dose before it, not the one declared


def test_disease_detected_in_an_imaging_study_is_a_detection_rate(record):
    text = (
        "One hundred men with biochemical recurrence had 18F-DCFPyL scans. Local recurrence was identified in 31% "
        "of men. Extrapelvic (M1) disease was detected in 12 of 100 men (12.0%). Nodal metastases were found in "
        "20 of 64 men (31.3%) at surgery."
    )
    found = record(text, title="18F-DCFPyL PET/CT in biochemical recurrence")["measurements"]
    rows = [(m["endpoint"], m["value"]) for m in found if not m.get("negated")]
    assert rows == [("detection rate", 31.0), ("detection rate", 12.0)]  # not what surgery found


def test_hr_alone_takes_the_endpoint_of_the_previous_sentence(record):
    text = "Overall survival was longer with 177Lu-PSMA-617.\nThe HR was 0.62 (95% CI 0.52-0.74)."
    (only,) = record(text)["measurements"]
    assert (only["endpoint"], only["statistic"], only["value"], only["hr"]) == ("OS", "hr", None, 0.62)
    assert (only["ci_low"], only["ci_high"], only["ci_level"]) == (0.52, 0.74, 95.0)


def test_not_reached_and_time_points_and_diagnostics(record):
    rows = record(
        "With 177Lu-PSMA-617, median overall survival was not reached. "
        "Sensitivity was 85% (95% CI 78-90%) and specificity 98%."
    )["measurements"]
    assert [(m["endpoint"], m["value"], m.get("note")) for m in rows] == [
        ("OS", None, "not reached"),
        ("sensitivity", 85.0, None),
        ("specificity", 98.0, None),
    ]
    assert (rows[1]["ci_low"], rows[1]["ci_high"]) == (78.0, 90.0)


def test_adverse_events_with_grade(record):
    rows = record("With 177Lu-PSMA-617, grade 3 or higher thrombocytopenia occurred in 13% and dry mouth in 87%.")[
        "measurements"
    ]
    assert [(m["endpoint"], m["value"], m.get("grade")) for m in rows] == [
        ("AE:thrombocytopenia", 13.0, ">=3"),
        ("AE:dry mouth", 87.0, None),
    ]


def test_values_shared_out_over_a_list_of_endpoints(record):
    respectively = record(
        "Twenty men received 225Ac-PSMA-617. Grade 3-4 leukopenia, anaemia and nausea occurred in 12%, 7% and 2% "
        "of men, respectively."
    )["measurements"]
    assert [(m["endpoint"], m["value"], m.get("grade")) for m in respectively] == [
        ("AE:leukopenia", 12.0, ">=3"),
        ("AE:anemia", 7.0, ">=3"),
        ("AE:nausea", 2.0, ">=3"),
    ]
    each = record("Twenty men received 225Ac-PSMA-617. Grade 3 anaemia and grade 3 fatigue each affected 5% of men.")
    assert [(m["endpoint"], m["value"]) for m in each["measurements"]] == [("AE:anemia", 5.0), ("AE:fatigue", 5.0)]
    # Two arms named with "respectively" are arms, not a list of endpoints.
    arms = record(
        "Men were randomly assigned to 177Lu-PSMA-617 or cabazitaxel. PSA50 responses occurred in 66% and 37% "
        "of men in the 177Lu-PSMA-617 and cabazitaxel groups, respectively."
    )["measurements"]
    assert [(m["endpoint"], m["value"]) for m in arms] == [("PSA50", 66.0), ("PSA50", 37.0)]
    assert arms[0]["arm"] != arms[1]["arm"]


def test_an_endpoint_right_before_its_value_keeps_it(record):
    rows = record(
        "Men received 177Lu-J591. PSA fell in most men, with any decline in 81.0%, a decline >30% in 52.4% "
        "and >50% in 33.3%."
    )["measurements"]
    assert [(m["endpoint"], m["value"]) for m in rows] == [
        ("any PSA decline", 81.0),
        ("PSA30", 52.4),
        ("PSA50", 33.3),
    ]


def test_information_fraction_and_crossover_are_not_results(record):
    rows = record(
        "Men were randomly assigned to 177Lu-PNT2002 or an ARPI change. At an interim analysis with 50% of the "
        "planned events, and after 80.5% of control patients had crossed over, the OS hazard ratio was 1.05 "
        "(95% CI 0.70-1.60)."
    )["measurements"]
    assert [(m["endpoint"], m["statistic"], m["value"], m["hr"]) for m in rows] == [("OS", "hr", None, 1.05)]


def test_the_event_named_as_the_most_common_adverse_event_keeps_its_values(record):
    rows = record(
        "Men received acapatamab. Cytokine release syndrome was the most common adverse event, occurring in 95.0% "
        "of men."
    )["measurements"]
    assert [(m["endpoint"], m["value"]) for m in rows] == [("AE:CRS", 95.0)]


def test_plural_endpoint_names_are_endpoints(record):
    rows = record(
        "Men had 68Ga-PSMA-11 PET/CT. Detection rates were 40%, 55% and 90% for PSA levels of <0.5, 0.5 to <2.0 "
        "and ≥2.0 ng/mL, respectively. Grade 3 toxicities occurred in 2%."
    )["measurements"]
    assert [(m["endpoint"], m["value"]) for m in rows][:3] == [
        ("detection rate", 40.0),
        ("detection rate", 55.0),
        ("detection rate", 90.0),
    ]


def test_ratios_listed_with_respectively_and_a_subgroup_hr_in_a_later_sentence(record):
    rows = record(
        "Men were randomised to 177Lu-PSMA-617, 177Lu-PSMA-617 plus enzalutamide, or cabazitaxel. Median rPFS was "
        "7.0, 9.1 and 4.8 months; hazard ratios versus cabazitaxel were 0.70 (95% CI 0.45-1.08; p=0.1) and 0.55 "
        "(95% CI 0.35-0.86; p=0.01), respectively. Grade 3-4 adverse events occurred in 30%, 35% and 45%. In men "
        "with liver metastases, the hazard ratio for the combination was 0.79 (95% CI 0.36-1.74)."
    )["measurements"]
    ratios = [(m["endpoint"], m["hr"], m["ci_low"], m["ci_high"]) for m in rows if m["hr"] is not None]
    assert ratios == [("rPFS", 0.70, 0.45, 1.08), ("rPFS", 0.55, 0.35, 0.86), ("rPFS", 0.79, 0.36, 1.74)]


def test_psa_thresholds_written_elliptically_and_other_markers(record):
    rows = record(
        "Men received 177Lu-PSMA-617. PSA fell by at least 50% in 20 men (65%) and of at least 90% in 9 (29%). "
        "Circulating tumour cell counts fell by at least 50% in 70% of men with detectable CTCs; at 12 months, 60% "
        "of men were free of PSA progression. Grade 3 adverse events occurred in 4 men (13%)."
    )["measurements"]
    assert [(m["endpoint"], m["value"], m.get("grade")) for m in rows] == [
        ("PSA50", 65.0, None),
        ("PSA90", 29.0, None),
        ("PSA-PFS", 60.0, None),
        ("AE grade>=3", 13.0, "3"),
    ]


def test_imaging_positivity_and_diagnostic_proportions(record):
    rows = record(
        "Men underwent 18F-DCFPyL PET. PET was positive in 31 of 40 men (77.5%). Sensitivity was 0.62 and "
        "specificity 0.97."
    )["measurements"]
    assert [(m["endpoint"], m["value"]) for m in rows] == [
        ("detection rate", 77.5),
        ("sensitivity", 0.62),
        ("specificity", 0.97),
    ]


def test_quality_of_life_instruments_name_hrqol(record):
    rows = record(
        "Men were randomly assigned to 177Lu-PSMA-617 or cabazitaxel. Median time to deterioration of the FACT-P "
        "score was 7.9 vs 4.1 months (HR 0.61, 95% CI 0.45-0.83)."
    )["measurements"]
    assert [(m["endpoint"], m["value"]) for m in rows] == [("HRQoL", 7.9), ("HRQoL", 4.1)]
    assert rows[0]["hr"] == 0.61


def test_the_spread_in_brackets_after_a_value_is_no_value_but_a_range_alone_is_the_result(record):
    spread = record(
        "Men underwent 18F-DCFPyL PET, read by four readers. The median detection rate was 81% (range across "
        "readers, 74%-88%), and the median PSA-PFS 6.2 months (IQR 4.0-9.1 months)."
    )
    assert [(m["endpoint"], m["value"]) for m in spread["measurements"]] == [("detection rate", 81.0), ("PSA-PFS", 6.2)]
    ranged = record("Men underwent 18F-DCFPyL PET. Across readers, the detection rate ranged from 74% to 88%.")
    assert [(m["endpoint"], m["value"]) for m in ranged["measurements"]] == [
        ("detection rate", 74.0),
        ("detection rate", 88.0),
    ]


def test_the_men_a_share_is_of_are_no_count_and_a_complete_radiographic_response_is_a_cr(record):
    found = record(
        "Forty men received 177Lu-PSMA-I&T. Of them, 64% of the 25 patients with measurable disease had an objective "
        "response, and two men had a complete radiographic response."
    )
    assert [(m["endpoint"], m["statistic"], m["value"]) for m in found["measurements"]] == [
        ("ORR", "rate", 64.0),
        ("CR", "count", 2.0),
    ]


def test_decimals_written_with_a_raised_point(record):
    found = record("Twenty men received 225Ac-PSMA-617. Median overall survival was 9·4 months (95% CI 6·1–12·7).")
    assert [(m["endpoint"], m["value"], m["ci_low"], m["ci_high"]) for m in found["measurements"]] == [
        ("OS", 9.4, 6.1, 12.7)
    ]


def test_fractions_and_shares_written_in_words_above_a_hundred(record):
    found = record(
        "Men received 177Lu-PSMA-I&T. A PSA decline of 50% or more was reached by sixty-one of the one hundred and "
        "twenty-four treated men (forty-nine per cent)."
    )
    assert [(m["endpoint"], m["statistic"], m["value"]) for m in found["measurements"]] == [("PSA50", "rate", 49.0)]


def test_shares_that_again_reach_a_response_and_some_decline_of_them(record):
    found = record(
        "Men responding to 177Lu-PSMA-617 were retreated. On rechallenge, 14 of 30 patients (47%) again reached a PSA "
        "decline of at least 50%, and 80% of them had some decline in PSA."
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("PSA50", 47.0), ("any PSA decline", 80.0)]


def test_numbers_that_are_design_or_labels_are_not_results(record):
    design = record(
        "Men underwent 18F-DCFPyL PET. To succeed, the lower bound of the 95% confidence interval had to exceed 40% "
        "for sensitivity. A type 1 error rate of 5% was used."
    )["measurements"]
    assert all(m["status"] == "planned" for m in design) and 5.0 not in [m["value"] for m in design]
    readers = record(
        "Men underwent 18F-DCFPyL PET. Sensitivity was 61% (95% CI 50-71%) for reader 1 and 58% (47-68%) for "
        "reader 2, with lower confidence bounds of 50% to 47%."
    )["measurements"]
    assert [(m["endpoint"], m["value"]) for m in readers] == [("sensitivity", 61.0), ("sensitivity", 58.0)]
    among = record("Men received 177Lu-PSMA-617. Among 72 men with pain at baseline, pain improved in 55%.")
    assert [(m["endpoint"], m["value"]) for m in among["measurements"]] == [("pain", 55.0)]


def test_a_value_with_an_outcome_of_its_own_is_not_given_to_an_earlier_endpoint(record):
    rows = record(
        "Men received 177Lu-J591. Five had PSA declines of at least 50%, and another 12 (40%) had PSA "
        "stabilisation; 6 patients (20%) had a partial response and 9 of 30 (30%) had at least one grade ≥3 event."
    )["measurements"]
    # The 40% of another 12 is PSA stabilisation's, not the PSA decline's; the five are the decline's own count.
    assert [(m["endpoint"], m["value"]) for m in rows] == [("PSA50", 5.0), ("ORR", 20.0), ("AE grade>=3", 30.0)]


def test_not_been_reached_and_management_change_phrasings(record):
    rows = record(
        "Forty men were treated with 177Lu-PSMA-I&T. Median PFS was 6.2 months and median overall survival had "
        "not yet been reached."
    )["measurements"]
    assert [(m["endpoint"], m["value"], m.get("note")) for m in rows] == [
        ("PFS", 6.2, None),
        ("OS", None, "not reached"),
    ]
    changed = record("Sixty men had 18F-DCFPyL PET. The scan changed the planned management in 43% of them.")
    assert [(m["endpoint"], m["value"], m["status"]) for m in changed["measurements"]] == [
        ("management change", 43.0, "reported")
    ]


def test_absorbed_doses_per_organ(record):
    rows = record(
        "With 177Lu-PSMA-617, the kidneys received 0.82 ± 0.25 Gy/GBq and the parotid glands 1.90 ± 1.19 Gy/GBq."
    )["measurements"]
    assert [(m["endpoint"], m["value"], m["statistic"]) for m in rows] == [
        ("absorbed dose:kidney", 0.82, "absorbed-dose"),
        ("absorbed dose:parotid glands", 1.9, "absorbed-dose"),
    ]
    rows = record(
        "With 177Lu-PSMA-I&T, kidney doses were 0.73 Gy/GBq, while the parotid dose was 0.47 Gy/GBq and the"
        " submandibular dose 0.41 Gy/GBq."
    )["measurements"]
    assert [(m["endpoint"], m["value"]) for m in rows] == [
        ("absorbed dose:kidney", 0.73), ("absorbed dose:parotid glands", 0.47),
        ("absorbed dose:submandibular glands", 0.41),
    ]  # fmt: skip


def test_design_assumptions_are_planned_never_results(record):
    rows = record(
        "Assuming a hazard ratio of 0.67 for radiographic progression-free survival, 450 patients give the trial "
        "80% power at a two-sided alpha of 5%."
    )["measurements"]
    assert [(m["endpoint"], m["hr"], m["status"]) for m in rows] == [("rPFS", 0.67, "planned")]


def test_a_change_the_study_is_powered_for_without_its_endpoint_is_the_primary_endpoints(record):
    text = (
        "Men were randomly assigned to 177Lu-PSMA-617 with or without enzalutamide. The primary endpoint was the "
        "PSA50 response rate. Enrolling 150 men gave the study 85% power to detect an improvement from 40% to 62%. "
        "Overall survival was a secondary endpoint."
    )
    rows = [(m["endpoint"], m["value"], m["status"]) for m in record(text)["measurements"]]
    assert sorted(rows) == [("PSA50", 40.0, "planned"), ("PSA50", 62.0, "planned")]


def test_a_result_set_against_what_was_expected_is_reported_not_planned(record):
    text = (
        "Thirty men received 177Lu-PSMA-617 before surgery. Dry mouth of any grade occurred in 31% of men, and "
        "wound complications were in line with those expected after prostatectomy."
    )
    rows = [(m["endpoint"], m["value"], m["status"]) for m in record(text)["measurements"]]
    assert rows == [("AE:dry mouth", 31.0, "reported")]


def test_a_cohort_letter_that_ends_a_sentence_is_no_initial_so_the_next_sentence_stands_alone(record):
    text = (
        "Cohort A received acapatamab and cohort B acapatamab plus enzalutamide. Median rPFS was 3.1 months in A and "
        "3.9 months in B. Anti-drug antibodies developed in 61% and 44%."
    )
    assert [m["value"] for m in record(text)["measurements"]] == [3.1, 3.9]


def test_shares_a_design_expects_to_be_free_of_progression_are_planned_rates_of_that_endpoint(record):
    text = (
        "Men are randomised to enzalutamide alone or enzalutamide plus 177Lu-PSMA-617. The primary endpoint is PSA "
        "progression-free survival. We expect 40% of men in the enzalutamide-alone arm and 60% in the combination "
        "arm to be free of PSA progression at 24 months."
    )
    rows = [(m["endpoint"], m["value"], m["status"], m["note"]) for m in record(text)["measurements"]]
    assert rows == [("PSA-PFS", 40.0, "planned", "24-month"), ("PSA-PFS", 60.0, "planned", "24-month")]


def test_success_criteria_on_a_confidence_bound_are_planned_and_the_level_is_no_value(record):
    rows = record(
        "With 18F-DCFPyL, patient-level sensitivity and specificity were co-primary endpoints; each would be met if "
        "the lower limit of its 95% confidence interval exceeded 40% and 80%, respectively."
    )["measurements"]
    assert [(m["endpoint"], m["value"], m["status"]) for m in rows] == [
        ("sensitivity", 40.0, "planned"), ("specificity", 80.0, "planned"),
    ]  # fmt: skip


def test_thresholds_a_confidence_bound_had_to_clear_are_planned_each_of_its_endpoint(record):
    rows = record(
        "Cohort A had 18F-DCFPyL PET/CT before surgery; its co-primary endpoints were specificity and sensitivity, "
        "with prespecified success thresholds for the lower bound of the 95% CI of 80% for specificity and 40% for "
        "sensitivity. Specificity was 96.1% (95% CI 92.0-98.4)."
    )["measurements"]
    assert [(m["endpoint"], m["value"], m["status"]) for m in rows] == [
        ("specificity", 80.0, "planned"), ("sensitivity", 40.0, "planned"), ("specificity", 96.1, "reported"),
    ]  # fmt: skip


def test_the_level_of_an_interval_named_without_bounds_is_no_result(record):
    rows = record("With 68Ga-PSMA-11, the detection rate was 71%, and the 95% confidence limits were wide.")[
        "measurements"
    ]
    assert [(m["endpoint"], m["value"]) for m in rows] == [("detection rate", 71.0)]
    rows = record("With 68Ga-PSMA-11, the detection rate was 64%, known to a 95% CI half-width of 6 points.")[
        "measurements"
    ]
    assert [(m["endpoint"], m["value"]) for m in rows] == [("detection rate", 64.0)]


def test_a_result_set_against_the_plan_stays_a_result(record):
    rows = record(
        "With 68Ga-PSMA-11 PET/CT, intended management changed in 62 of 150 men (41%), more than the planned 25%, "
        "and the change was major in 22%."
    )["measurements"]
    assert [(m["value"], m["status"]) for m in rows] == [(41.0, "reported"), (25.0, "planned"), (22.0, "reported")]


def test_agreement_of_two_of_three_reads_is_no_count_of_patients(record):
    rows = record("With 18F-DCFPyL, the detection rate was 64%, agreed in two of the three reads.")["measurements"]
    assert [(m["statistic"], m["value"]) for m in rows] == [("rate", 64.0)]


def test_trial_in_progress_abstract_is_all_planned(record):
    text = (
        "BACKGROUND: ENZA-p will compare enzalutamide with or without 177Lu-PSMA-617.\n"
        "METHODS: Men will be randomly assigned 1:1 to enzalutamide or to enzalutamide plus 177Lu-PSMA-617. "
        "The expected PSA50 rate is 50% vs 71%.\n"
        "DISCUSSION: Enrolment is ongoing."
    )
    rows = record(text)["measurements"]
    assert rows and {m["status"] for m in rows} == {"planned"}


def test_a_design_abstract_in_the_first_person_is_all_planned(record):
    title = "Rationale and design of a randomised phase 2 trial of 177Lu-PSMA-617 before prostatectomy"
    text = (
        "Men with high-risk localised prostate cancer are randomised 1:1 to prostatectomy alone or after two cycles "
        "of 177Lu-PSMA-617. We expect 20% of men in the control arm and 40% in the experimental arm to reach an "
        "undetectable PSA, a hazard ratio of 0.60 for biochemical progression-free survival."
    )
    rows = record(text, title)["measurements"]
    assert rows and {m["status"] for m in rows} == {"planned"}
    assert any(m["hr"] == 0.6 for m in rows)


def test_the_primary_endpoint_of_a_result_is_the_endpoint_defined_as_primary(record):
    text = (
        "Thirty men received 177Lu-PSMA-617. The primary endpoint was objective response by RECIST 1.1. "
        "Twelve of 30 men (40%; 95% CI 23-59) met the primary endpoint, and the median rPFS was 8.1 months."
    )
    assert _rows(record, text, "endpoint", "value", "ci_low") == [("ORR", 40.0, 23.0), ("rPFS", 8.1, None)]
    # With no endpoint defined as primary, "the primary endpoint" names none.
    undefined = "Thirty men received 177Lu-PSMA-617. Twelve of 30 men (40%) met the primary endpoint."
    assert _rows(record, undefined, "endpoint", "value") == []


def test_negated_adverse_event_is_kept_as_negated_not_as_a_result(record):
    rows = record("With 177Lu-PSMA-617, no grade 4 thrombocytopenia was observed.")["measurements"]
    assert [(m["endpoint"], m["value"], m.get("negated")) for m in rows] == [("AE:thrombocytopenia", None, True)]


def test_evidence_points_at_the_sentence(record):
    text = "Background sentence.\nMedian overall survival was 15.3 months with 177Lu-PSMA-617."
    result = record(text)
    (measurement,) = result["measurements"]
    full = "A test abstract\n" + text
    start, end = measurement["evidence"]["start"], measurement["evidence"]["end"]
    assert full[start:end] == "Median overall survival was 15.3 months with 177Lu-PSMA-617."


def test_scraped_web_text_gives_evidence_in_the_users_text(tmp_path):
    original = (
        "Lutetium in a scraped page\n\n   Imaging-based progression-free survival was longer with ¹⁷⁷Lu\u2013PSMA-617\n"
        "   (median 8.\n   7 vs 3.4 months; HR 0.40, 99.2% CI 0.29\u20130.57).\n"
    )
    path = tmp_path / "page.txt"
    path.write_text(original)
    (document,) = read_documents([str(path)])
    extraction = extract_document(document)
    first = extraction.measurements[0]
    assert (first.endpoint, first.value, first.hr, first.ci_level) == ("rPFS", 8.7, 0.4, 99.2)
    assert original[first.evidence.start : first.evidence.end].startswith("Imaging-based progression-free")
    assert "8.\n   7 vs 3.4" in original[first.evidence.start : first.evidence.end]
    assert extraction_record(extraction)["agents"][0]["label"] == "177Lu-PSMA-617"
    assert first.evidence.extractor and first.evidence.version and 0 < first.evidence.confidence <= 1


def _rows(record, text, *fields):
    return [tuple(m.get(f) for f in fields) for m in record(text)["measurements"] if not m.get("negated")]


def test_counts_written_in_words_over_a_denominator_in_words(record):
    text = (
        "Twelve men received 225Ac-PSMA-617. Seven of the twelve had a PSA decline of 50% or more. "
        "Two of the ten evaluable men developed grade 3 thrombocytopenia."
    )
    assert _rows(record, text, "endpoint", "statistic", "value") == [
        ("PSA50", "count", 7.0),
        ("AE:thrombocytopenia", "count", 2.0),  # not 10: the denominator is no count of its own
    ]


def test_a_count_after_its_adverse_event_and_verb(record):
    text = "With 225Ac-PSMA-617, grade 3 anaemia developed in three men; xerostomia affected all twelve patients."
    assert _rows(record, text, "endpoint", "value") == [("AE:anemia", 3.0), ("AE:dry mouth", 12.0)]


def test_events_counted_in_pts_without_a_verb_as_congress_abstracts_write_them(record):
    text = (
        "Phase 1 of 225Ac-PSMA-I&T, 30 pts treated. Safety: DLTs in 2 pts at 9 MBq; G3 xerostomia in 4 patients, "
        "and grade 3 anaemia in 3 pts at 11 MBq."
    )
    assert _rows(record, text, "endpoint", "statistic", "value") == [
        ("DLT", "count", 2.0),
        ("AE:dry mouth", "count", 4.0),
        ("AE:anemia", "count", 3.0),
    ]
    # A count of the patients a result was measured in is no count of the result.
    measured = "Phase 1 of 225Ac-PSMA-I&T, 30 pts treated. The PSA50 rate in 18 pts with prior taxane was 33%."
    assert _rows(record, measured, "endpoint", "statistic", "value") == [("PSA50", "rate", 33.0)]


def test_an_adverse_event_with_its_abbreviation_in_brackets_before_the_verb_and_count(record):
    text = (
        "Fourteen men received PSMA-directed CAR T cells. Cytokine release syndrome (CRS) developed in nine men; "
        "neurotoxicity (ICANS) was recorded in three patients."
    )
    assert _rows(record, text, "endpoint", "statistic", "value") == [
        ("AE:CRS", "count", 9.0),
        ("AE:ICANS", "count", 3.0),
    ]


def test_values_that_open_their_sentence_take_the_endpoint_named_right_after_them(record):
    text = (
        "Men were randomised to 177Lu-PSMA-I&T or to docetaxel. Results: With 7.9 and 4.4 months, the median time "
        "to deterioration of the QLQ-C30 favoured 177Lu-PSMA-I&T (HR 0.61). 13.0 and 11.2 months of median "
        "overall survival were seen in the two arms."
    )
    assert _rows(record, text, "endpoint", "value", "arm", "hr") == [
        ("HRQoL", 7.9, "177Lu-PSMA-I&T", 0.61),
        ("HRQoL", 4.4, "docetaxel", None),
        ("OS", 13.0, "177Lu-PSMA-I&T", None),
        ("OS", 11.2, "docetaxel", None),
    ]


def test_serious_adverse_events_are_their_own_endpoint_not_adverse_events_of_any_grade(record):
    text = (
        "Men were randomised to 177Lu-PSMA-I&T or docetaxel. Grade 3-4 adverse events: 28% vs 41%; SAEs 11% vs "
        "19%. Adverse events of any grade occurred in 90%, and serious adverse events in 12% of the radioligand arm."
    )
    assert _rows(record, text, "endpoint", "value") == [
        ("AE grade>=3", 28.0),
        ("AE grade>=3", 41.0),
        ("other:serious adverse events", 11.0),
        ("other:serious adverse events", 19.0),
        ("AE any grade", 90.0),
        ("other:serious adverse events", 12.0),
    ]


def test_stopping_treatment_because_of_adverse_events_is_its_own_endpoint_not_the_events(record):
    text = (
        "Forty men received the PSMA-targeted conjugate PTX-811 every three weeks. Treatment-related adverse events "
        "of grade 3 or higher affected 14 men (35%), and 6 (15%) discontinued therapy due to toxicity. Adverse "
        "events led to permanent discontinuation in three patients. Two men withdrew owing to AEs."
    )
    assert _rows(record, text, "endpoint", "value") == [
        ("TRAE grade>=3", 35.0),
        ("other:discontinuation due to adverse events", 15.0),
        ("other:discontinuation due to adverse events", 3.0),
        ("other:discontinuation due to adverse events", 2.0),
    ]


def test_a_partial_or_complete_response_is_an_objective_response_not_a_complete_one(record):
    text = (
        "Twenty-four men received 225Ac-PSMA-I&T. Nine had a partial or complete response by RECIST 1.1, and three a "
        "complete or partial response."
    )
    assert _rows(record, text, "endpoint", "statistic", "value") == [("ORR", "count", 9.0), ("ORR", "count", 3.0)]


def test_complete_responses_counted_by_the_number_written_before_them(record):
    text = (
        "Thirty men received 177Lu-PSMA-I&T. Of 18 with measurable disease, 9 (50%) had an objective response, "
        "among them three complete responses."
    )
    assert _rows(record, text, "endpoint", "statistic", "value") == [("ORR", "rate", 50.0), ("CR", "count", 3.0)]


def test_a_count_of_patients_keeps_a_bracket_that_details_the_events_but_not_one_that_gives_their_share(record):
    text = (
        "Eighteen men received PSMA-targeted CAR T cells. Neurotoxicity was seen in three patients (two of grade 1, "
        "one of grade 3); hepatotoxicity was seen in four patients (22%)."
    )
    assert _rows(record, text, "endpoint", "statistic", "value") == [
        ("AE:ICANS", "count", 3.0),
        ("AE:hepatotoxicity", "rate", 22.0),
    ]


def test_the_next_adverse_event_of_a_list_counted_with_its_verb_left_out(record):
    text = (
        "Forty men received 177Lu-PSMA-I&T. Grade 3 neutropenia was observed in 5 (12%) patients and grade 3 "
        "anaemia in three; grade 2 fatigue was seen in 9 men, and nausea in two."
    )
    assert _rows(record, text, "endpoint", "statistic", "value") == [
        ("AE:neutropenia", "rate", 12.0),
        ("AE:anemia", "count", 3.0),
        ("AE:fatigue", "count", 9.0),
        ("AE:nausea", "count", 2.0),
    ]
    # With no count of an earlier item before it, "in two" counts nothing: "in two centres" stays out.
    alone = "Forty men received 177Lu-PSMA-I&T at two sites. Anaemia in two centres was managed with transfusion."
    assert _rows(record, alone, "endpoint", "value") == []


def test_dose_limiting_toxicities_counted_by_the_number_written_before_them(record):
    text = (
        "Eighteen men received 225Ac-PSMA-617 in a 3 + 3 design. One DLT (grade 4 thrombocytopenia) occurred at "
        "8 MBq, and two dose-limiting toxicities were seen at the top activity. Six DLT-evaluable men had a grade 2 "
        "DLT window event."
    )
    assert _rows(record, text, "endpoint", "statistic", "value") == [("DLT", "count", 1.0), ("DLT", "count", 2.0)]
    # With the share of patients in brackets, the guidelines take the percentage, not the count.
    shared = "Twenty men received 225Ac-PSMA-617. One DLT occurred (1 of 20; 5%)."
    assert _rows(record, shared, "endpoint", "statistic", "value") == [("DLT", "rate", 5.0)]


def test_a_count_broken_down_by_dose_after_a_colon_gives_each_dose_its_count(record):
    text = (
        "Twenty-four men received 212Pb-NG001 in a 3+3 design. DLTs were seen in 3 patients: one at 2.0 MBq/kg "
        "(grade 3 dry mouth) and 2 at 3.0 MBq/kg (grade 4 thrombocytopenia)."
    )
    assert _rows(record, text, "endpoint", "value", "arm") == [
        ("DLT", 3.0, "212Pb-NG001"),
        ("DLT", 1.0, "212Pb-NG001, 2.0 MBq/kg"),
        ("DLT", 2.0, "212Pb-NG001, 3.0 MBq/kg"),
    ]


def test_dose_limiting_toxicities_per_dose_level_keep_their_dose_and_ignore_the_events_in_brackets(record):
    text = (
        "Twenty-two men received 225Ac-PSMA-617 in a 3 + 3 design. Dose-limiting toxicities were seen in two of "
        "eight men at 4.0 MBq (grade 4 thrombocytopenia) and in one of five at 6.0 MBq (grade 3 dry mouth)."
    )
    assert _rows(record, text, "endpoint", "statistic", "value", "arm") == [
        ("DLT", "count", 2.0, "225Ac-PSMA-617, 4.0 MBq"),
        ("DLT", "count", 1.0, "225Ac-PSMA-617, 6.0 MBq"),  # not a count of dry mouth
    ]
    telegraphic = "Twenty-two men received 225Ac-PSMA-617. DLTs: 1/6 at 4.0 MBq (G3 anaemia), 2/5 at 6.0 MBq (G4 rash)."
    assert _rows(record, telegraphic, "endpoint", "value", "arm") == [
        ("DLT", 1.0, "225Ac-PSMA-617, 4.0 MBq"),
        ("DLT", 2.0, "225Ac-PSMA-617, 6.0 MBq"),
    ]


def test_a_count_of_dlts_at_a_dose_level_that_leaves_out_its_verb_is_a_count_of_its_level(record):
    text = (
        "Eighteen men received ARX517 with enzalutamide. One DLT (grade 3 rash) occurred at 2.0 mg/kg and three "
        "(grade 4 neutropenia, febrile neutropenia and colitis) at 2.8 mg/kg."
    )
    assert _rows(record, text, "endpoint", "value", "arm") == [
        ("DLT", 1.0, "ARX517 + enzalutamide, 2.0 mg/kg"),
        ("DLT", 3.0, "ARX517 + enzalutamide, 2.8 mg/kg"),
    ]


def test_counts_with_their_dose_level_written_before_the_event(record):
    text = (
        "Twenty-two men received 225Ac-PSMA-617. No DLT was seen at DL1; one of six men at DL2 and two of five at "
        "DL3 had a DLT. Later, 3/6 pts w/ DLT."
    )
    rows = record(text)["measurements"]
    assert [(m["endpoint"], m["value"], m["arm"]) for m in rows if not m.get("negated")] == [
        ("DLT", 1.0, "225Ac-PSMA-617, DL2"),
        ("DLT", 2.0, "225Ac-PSMA-617, DL3"),
        ("DLT", 3.0, "225Ac-PSMA-617"),
    ]
    # The clause that denies a DLT gives no value, and is kept as a negated finding.
    assert [(m["endpoint"], m["note"]) for m in rows if m.get("negated")] == [("DLT", "not observed")]


def test_an_outcome_defined_by_a_known_endpoint_is_that_endpoint_afterwards(record):
    text = (
        "Forty men received 177Lu-PSMA-I&T. The main outcome was serological remission, defined as a fall in PSA "
        "of 50% or more. Serological remission was reached in 18 of 40 men (45%)."
    )
    assert _rows(record, text, "endpoint", "value") == [("PSA50", 45.0)]
    # A definition by two endpoints names neither of them.
    joined = (
        "Forty men received 177Lu-PSMA-I&T. The main outcome was overall remission, defined as a fall in PSA of "
        "50% or more or a radiographic response. Overall remission was reached in 18 of 40 men (45%)."
    )
    assert _rows(record, joined, "endpoint", "value") == []
    # The definition may be its own sentence ("... was defined as ...").
    own = (
        "Forty men received 177Lu-PSMA-I&T. Serological remission was defined as a PSA decline ≥50% from baseline. "
        "Serological remission was reached in 18 of 40 men (45%)."
    )
    assert _rows(record, own, "endpoint", "value") == [("PSA50", 45.0)]
    # Or the endpoint in brackets right after the outcome's first use.
    bracketed = (
        "Forty men received 177Lu-PSMA-I&T. Serological remission (PSA decline ≥50%) was reached in 18 of 40 men "
        "(45%). Serological remission was more frequent in men without liver metastases (52% vs 20%)."
    )
    assert _rows(record, bracketed, "endpoint", "value") == [("PSA50", 45.0), ("PSA50", 52.0), ("PSA50", 20.0)]


def test_survival_without_progression_and_months_written_short_in_several_ways(record):
    text = (
        "Forty men received 177Lu-PSMA-I&T. Median survival without progression was 7.2 mos, median survival "
        "without PSA progression 5.9 ms and median overall survival 13.1 mths."
    )
    assert _rows(record, text, "endpoint", "value", "unit") == [
        ("PFS", 7.2, "months"), ("PSA-PFS", 5.9, "months"), ("OS", 13.1, "months"),
    ]  # fmt: skip


def test_deaths_counted_for_the_adverse_event_that_caused_them(record):
    text = (
        "Thirty men received PSMA ADC. Three men with bulky disease died of sepsis. Grade 3 neutropenia occurred in "
        "6 patients, and one treatment-related death from pneumonitis was reported. Two deaths occurred after "
        "progression."
    )
    assert _rows(record, text, "endpoint", "statistic", "value") == [
        ("AE:sepsis", "count", 3.0),
        ("AE:neutropenia", "count", 6.0),
        ("AE:pneumonitis", "count", 1.0),
    ]


def test_hazard_ratio_for_death_is_overall_survival_and_goes_on_the_arm_named_after_it(record):
    text = (
        "Patients were randomly assigned to 177Lu-PSMA-617 or to standard care.\n"
        "The hazard ratio for death, 0.62 (0.52 to 0.74), went with a median overall survival of 15.3 versus "
        "11.3 months. Later, the hazard ratio for death was 0.98 (95% CI, 0.75 to 1.28)."
    )
    rows = _rows(record, text, "endpoint", "statistic", "value", "hr", "ci_low")
    assert rows == [
        ("OS", "median", 15.3, 0.62, 0.52),
        ("OS", "median", 11.3, None, None),
        ("OS", "hr", None, 0.98, 0.75),
    ]


def test_a_unit_declared_once_for_a_list_of_organ_doses(record):
    text = (
        "After 7.4 GBq of 177Lu-PSMA-617, median absorbed doses (range), in Gy/GBq, were: kidneys 0.32 "
        "(0.18–0.51); parotid glands 0.38 (0.22–0.65); and red marrow 0.015 (0.009–0.031)."
    )
    assert _rows(record, text, "endpoint", "value", "unit") == [
        ("absorbed dose:kidney", 0.32, "Gy/GBq"),
        ("absorbed dose:parotid glands", 0.38, "Gy/GBq"),
        ("absorbed dose:bone marrow", 0.015, "Gy/GBq"),
    ]


def test_simon_two_stage_rates_are_planned(record):
    text = (
        "Phase 2 of the 212Pb-ADVC001 trial follows a Simon two-stage design with a PSA50 response rate of 20% "
        "as uninteresting and 40% as promising."
    )
    assert {m["status"] for m in record(text)["measurements"]} == {"planned"}


def test_a_targeted_rate_and_a_rate_not_worth_pursuing_are_planned_not_results(record):
    found = record(
        "An objective response rate of 35% was targeted; a rate of 20% or less would not be worth pursuing. "
        "An ORR of 40% was considered promising and one of 15% not of interest. Dose finding followed a design "
        "with a target DLT rate of 25%. Of 30 men, 14 (47%) had an objective response.",
        title="A single-arm phase 2 trial of 177Lu-PSMA-I&T",
    )
    statuses = {m["value"]: m["status"] for m in found["measurements"] if m["endpoint"] == "ORR"}
    assert statuses[47.0] == "reported"
    assert all(statuses.get(rate) in (None, "planned") for rate in (35.0, 20.0, 40.0, 15.0))
    assert all(m["status"] == "planned" for m in found["measurements"] if m["value"] == 25.0)


def test_decline_by_any_amount_and_thresholds_of_other_markers(record):
    text = (
        "With 177Lu-PSMA-617, PSA fell by at least 50% in 4 (29%) and by any amount in 10 (71%); "
        "circulating tumour DNA fell by 50% or more in 83%."
    )
    rows = _rows(record, text, "endpoint", "value")
    assert ("any PSA decline", 71.0) in rows and ("PSA50", 29.0) in rows
    assert all(value != 50.0 for _endpoint, value in rows)  # thresholds are no results


def test_values_first_then_a_colon_and_their_endpoint(record):
    text = (
        "Men were randomly assigned to 177Lu-PSMA-617 or to an ARPI change.\n"
        "12.0 vs. 5.6 months: median rPFS with 177Lu-PSMA-617 vs. ARPI change (HR=0.41; 95%CI: 0.29, 0.56)."
    )
    rows = _rows(record, text, "endpoint", "value", "arm", "hr")
    assert rows == [("rPFS", 12.0, "177Lu-PSMA-617", 0.41), ("rPFS", 5.6, "ARPI change", None)]


def test_disease_control_detection_and_hematologic_adverse_events_by_their_short_names(record):
    text = (
        "With 177Lu-PSMA-617, disease control was achieved in 40% and grade 3/4 hematologic adverse events "
        "occurred in 15%. Detection rose with PSA: 63% at 2-5 ng/mL."
    )
    rows = _rows(record, text, "endpoint", "value")
    assert rows[:2] == [("DCR", 40.0), ("AE:hematologic toxicity", 15.0)]
    assert ("detection rate", 63.0) in rows


def test_counts_that_end_their_clause_or_leave_out_their_verb(record):
    text = (
        "Twelve men received 225Ac-PSMA-617; any fall in PSA was seen in ten. Seven of the twelve had a PSA "
        "decline of 50% or more, and three a decline of more than 90%. Two of the ten patients developed grade 3 "
        "thrombocytopenia and one grade 3 anaemia. Grade 3 adverse events were reported in 52.7%."
    )
    assert _rows(record, text, "endpoint", "value") == [
        ("any PSA decline", 10.0),
        ("PSA50", 7.0),
        ("PSA90", 3.0),
        ("AE:thrombocytopenia", 2.0),
        ("AE:anemia", 1.0),
        ("AE grade>=3", 52.7),  # "in 52.7%." is a rate, not a count of 52
    ]


def test_dose_thresholds_are_not_absorbed_doses(record):
    text = (
        "After 177Lu-PSMA-617, tumour absorbed dose was 4.2 Gy/GBq. Among men whose tumour dose exceeded 10 Gy, "
        "a PSA decline of ≥50% occurred in 74%, compared with 32% of those at or below 10 Gy."
    )
    rows = _rows(record, text, "endpoint", "value", "unit")
    assert ("absorbed dose:tumor", 4.2, "Gy/GBq") in rows
    assert all(unit != "Gy" for _endpoint, _value, unit in rows)


def test_mentions_are_given_to_the_sentence_that_holds_them():
    from ingest.extraction.context import Sentence
    from ingest.extraction.mentions import Mention
    from ingest.extraction.pipeline import _mentions_by_sentence

    sentences = [Sentence(0, 10, "x" * 10), Sentence(12, 30, "y" * 18)]
    mentions = [
        Mention(13, 15, "ab", None, "Endpoint"),
        Mention(2, 4, "cd", None, "Endpoint"),
        Mention(8, 13, "over", None, "Endpoint"),  # across the break: in neither
        Mention(25, 30, "efghi", None, "Endpoint"),
    ]
    inside = _mentions_by_sentence(sentences, mentions)
    assert inside == [[mentions[1]], [mentions[0], mentions[3]]]


def test_a_ci_with_an_open_upper_bound_is_a_ci_not_values(record):
    text = (
        "Men received 177Lu-PSMA-617. Median radiographic progression-free survival was 9.1 months "
        "(95% CI 6.8-not reached), and median overall survival was 14.2 months (95% CI, 11.0 to NE)."
    )
    rows = _rows(record, text, "endpoint", "statistic", "value", "ci_low", "ci_high", "ci_level")
    assert rows == [("rPFS", "median", 9.1, 6.8, None, 95.0), ("OS", "median", 14.2, 11.0, None, 95.0)]


def test_heterogeneity_of_a_meta_analysis_is_no_value(record):
    text = "Across six studies of 177Lu-PSMA-617, the pooled HR for rPFS was 0.55 (95% CI 0.44-0.69; I² = 64%)."
    rows = _rows(record, text, "endpoint", "statistic", "value", "hr", "ci_low")
    assert rows == [("rPFS", "hr", None, 0.55, 0.44)]


def test_organ_named_after_its_dose_and_a_bracket(record):
    text = (
        "Dosimetry was done after 225Ac-PSMA-617 in ten men. Mean absorbed doses (RBE 5) were "
        "0.61 ± 0.18 Sv/MBq to the kidneys and 1.4 Sv/MBq (range 0.7-2.2) to the salivary glands. "
        "Two men exceeded the 23 Gy kidney limit."
    )
    rows = _rows(record, text, "endpoint", "statistic", "value", "unit")
    assert rows == [
        ("absorbed dose:kidney", "absorbed-dose", 0.61, "Sv/MBq"),
        ("absorbed dose:salivary glands", "absorbed-dose", 1.4, "Sv/MBq"),
    ]


def test_grade_written_as_g3_in_telegraphic_abstracts(record):
    text = "177Lu-PSMA-617 in 88 pts. G≥3 AEs 22.7%; G3/4 thrombocytopenia 9.1%."
    assert _rows(record, text, "endpoint", "value") == [("AE grade>=3", 22.7), ("AE:thrombocytopenia", 9.1)]


def test_a_value_and_its_ci_in_a_bracket_before_the_endpoint(record):
    text = "Forty men received 177Lu-PSMA-617; 21 (52.5%; 95% CI 36.1-68.5) achieved a PSA50 response."
    rows = _rows(record, text, "endpoint", "value", "ci_low", "ci_high")
    assert rows == [("PSA50", 52.5, 36.1, 68.5)]


def test_ratios_of_a_predictor_sentence_go_to_the_outcome_it_names(record):
    text = (
        "Median PSA progression-free survival after 177Lu-PSMA-617 was 4.9 months.\n"
        "On multivariable analysis, bone-marrow involvement (HR 1.84; 95% CI 1.30-2.61) and a low haemoglobin "
        "(HR 1.52; 95% CI 1.09-2.12) were associated with shorter overall survival. "
        "A high Gleason score predicted upstaging (OR 2.2; 95% CI 1.1-4.4). "
        "Visceral disease predicted death independently of the PSA response (HR 2.05; 95% CI 1.33-3.16)."
    )
    rows = _rows(record, text, "endpoint", "statistic", "hr")
    assert rows == [
        ("PSA-PFS", "median", None),
        ("OS", "hr", 1.84),
        ("OS", "hr", 1.52),
        ("OS", "hr", 2.05),  # "upstaging" is no endpoint: its OR goes nowhere, not to the previous endpoint
    ]


def test_predictors_of_survival_and_of_the_risk_of_death_are_ratios_of_overall_survival(record):
    text = (
        "Median PSA progression-free survival after 177Lu-PSMA-I&T was 5.1 months.\n"
        "Independent predictors of poorer survival were visceral metastases (HR 1.91; 95% CI 1.40-2.60) and a high "
        "alkaline phosphatase (HR 1.44; 95% CI 1.05-1.98). An early PSA response was associated with a lower risk "
        "of death (HR 0.47; 95% CI 0.35-0.63)."
    )
    rows = _rows(record, text, "endpoint", "statistic", "hr")
    assert rows == [("PSA-PFS", "median", None), ("OS", "hr", 1.91), ("OS", "hr", 1.44), ("OS", "hr", 0.47)]


def test_a_change_from_the_controls_result_to_the_treatments(record):
    text = (
        "Men were randomly assigned to 177Lu-PSMA-I&T or to docetaxel.\n"
        "177Lu-PSMA-I&T extended median rPFS from 6.2 to 9.8 months (HR 0.61; 95% CI 0.47-0.79) and the PSA50 "
        "rate from 41% to 63%."
    )
    rows = _rows(record, text, "endpoint", "value", "arm", "hr")
    assert rows == [
        ("rPFS", 9.8, "177Lu-PSMA-I&T", 0.61),
        ("rPFS", 6.2, "docetaxel", None),
        ("PSA50", 63.0, "177Lu-PSMA-I&T", None),
        ("PSA50", 41.0, "docetaxel", None),
    ]


def test_a_fraction_with_its_percentage_in_square_brackets_is_a_rate(record):
    text = "68Ga-PSMA-11 PET was done in 120 men. The detection rate was 47/60 [78.3%] vs 30/60 [50.0%] by PSA level."
    rows = _rows(record, text, "endpoint", "statistic", "value")
    assert rows == [("detection rate", "rate", 78.3), ("detection rate", "rate", 50.0)]


def test_each_arms_value_keeps_the_ci_written_after_it(record):
    text = (
        "Men were randomly assigned to 177Lu-PSMA-617 or to cabazitaxel.\n"
        "PSA50 rates were 58.2% (95% CI 49.0-67.0) with 177Lu-PSMA-617 and 34.5% (26.1-43.6) with cabazitaxel."
    )
    rows = _rows(record, text, "value", "arm", "ci_low", "ci_high", "ci_level")
    assert rows == [(58.2, "177Lu-PSMA-617", 49.0, 67.0, 95.0), (34.5, "cabazitaxel", 26.1, 43.6, 95.0)]


def test_a_second_count_that_leaves_out_its_verb_takes_the_threshold_after_it(record):
    found = record(
        "Of 31 men treated with 225Ac-PSMA-617, 12 of 31 (39%) had a PSA decline of ≥90% and 22 of 31 (71%) "
        "a decline of ≥50%."
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("PSA90", 39.0), ("PSA50", 71.0)]


def test_a_denied_endpoint_takes_no_value_from_the_next_clause(record):
    found = record(
        "Fifteen men received two cycles of 177Lu-PSMA-I&T before radical prostatectomy. No complete response "
        "was seen on PSMA PET; lymph node metastases were present in 4 patients (27%)."
    )
    complete = [m for m in found["measurements"] if m["endpoint"] == "CR"]
    assert [(m.get("value"), m.get("negated")) for m in complete] == [(None, True)]


def test_the_corresponding_values_of_a_second_agent_go_to_the_endpoints_named_before(record):
    found = record(
        "For pelvic nodes, 68Ga-PSMA-11 PET had a sensitivity of 77%, a specificity of 97% and a PPV of 91%; "
        "the corresponding figures for 18F-fluciclovine were 41%, 94% and 79%.",
        title="68Ga-PSMA-11 versus 18F-fluciclovine PET for nodal staging",
    )
    assert [(m["endpoint"], m["arm"], m["value"]) for m in found["measurements"]] == [
        ("sensitivity", "68Ga-PSMA-11, pelvic nodes", 77.0),
        ("specificity", "68Ga-PSMA-11, pelvic nodes", 97.0),
        ("PPV", "68Ga-PSMA-11, pelvic nodes", 91.0),
        ("sensitivity", "18F-fluciclovine, pelvic nodes", 41.0),
        ("specificity", "18F-fluciclovine, pelvic nodes", 94.0),
        ("PPV", "18F-fluciclovine, pelvic nodes", 79.0),
    ]  # (the site that heads the sentence is every value's, past the semicolon)


def test_a_value_of_another_marker_after_a_psa_result_is_not_a_psa_result(record):
    found = record(
        "Of 40 men given 177Lu-PSMA-I&T, 18 (45%) had a PSA decline of ≥50%, and circulating tumour cell counts "
        "fell below 5 per 7.5 mL in 62% of those with detectable cells."
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("PSA50", 45.0)]


def test_a_dose_chosen_after_an_unreached_mtd_is_not_the_mtd(record):
    found = record(
        "Eighteen men received 212Pb-NG001 at four activity levels. The maximum tolerated dose was not reached, and "
        "5.0 MBq/kg was selected as the recommended phase 2 dose."
    )
    mtd = [(m.get("value"), m.get("unit")) for m in found["measurements"] if m["endpoint"] == "MTD"]
    assert mtd == [(None, None)]


def test_an_mtd_said_to_be_the_recommended_dose_in_brackets_keeps_its_dose(record):
    found = record(
        "Phase 1 of 212Pb-NG001 in 24 men, 3+3 design, at 1.5, 3.0 and 4.5 MBq/kg. MTD (= RP2D): 3.0 MBq/kg. In a "
        "second cohort the MTD (and RP2D) was 4.5 MBq/kg."
    )
    mtd = [(m.get("value"), m.get("unit")) for m in found["measurements"] if m["endpoint"] == "MTD"]
    assert mtd == [(3.0, "MBq/kg"), (4.5, "MBq/kg")]


def test_a_time_with_an_endpoint_that_is_no_time_is_when_it_happened_not_a_result(record):
    found = record(
        "Forty men received 177Lu-PSMA-617. One man developed grade 3 nephrotoxicity 26 months after the last cycle, "
        "and median OS was 15.1 months."
    )
    timed = [(m["endpoint"], m["value"]) for m in found["measurements"] if m.get("unit") == "months"]
    assert timed == [("OS", 15.1)]


def test_grade_3_to_5_events_and_the_duration_of_psa_response_are_their_endpoints(record):
    found = record(
        "Men were randomised to 177Lu-PSMA-I&T plus olaparib or olaparib alone. Grade 3–5 events occurred in 35% "
        "and 30% of men, respectively. The median duration of PSA response was 6.2 months."
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [
        ("AE grade>=3", 35.0),
        ("AE grade>=3", 30.0),
        ("DoR", 6.2),
    ]


def test_a_pathological_complete_response_is_not_the_radiological_complete_response(record):
    found = record("After neoadjuvant 177Lu-PSMA-617, 3 of 20 men (15%) had a pathological complete response.")
    assert [m for m in found["measurements"] if m["endpoint"] == "CR"] == []


def test_a_window_or_a_landmark_time_is_not_a_median(record):
    found = record(
        "Over the first 12 weeks, the mean change in the FACT-P total score was small with 177Lu-PSMA-I&T. "
        "At a median follow-up of 20 months, 76% of men were free of PSA progression 12 months after surgery."
    )
    assert [m for m in found["measurements"] if m.get("unit") in ("weeks", "months")] == []


def test_the_follow_up_time_is_not_a_median_of_the_endpoint(record):
    found = record(
        "In 60 men given 177Lu-PSMA-617, median OS was 15.3 months at a median follow-up of 20.1 months. "
        "Median rPFS was 8.7 months (median follow-up, 24 months); patients were followed for a median of 30 months."
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("OS", 15.3), ("rPFS", 8.7)]
    # congress shorthand: "f/u"
    terse = record("32 pts got 177Lu-PSMA-617. Med OS NR at med f/u 14 mo; med rPFS 7.9 mo.")
    assert [(m["endpoint"], m["value"]) for m in terse["measurements"]] == [("OS", None), ("rPFS", 7.9)]


def test_a_list_of_bare_numbers_shares_the_unit_written_after_the_last(record):
    found = record(
        "In 52 men given 177Lu-PNT2002, median PSA progression-free survival, radiographic progression-free survival "
        "and overall survival were 4.8, 7.0 and 13.1 months, respectively."
    )
    assert [(m["endpoint"], m["value"], m["unit"]) for m in found["measurements"]] == [
        ("PSA-PFS", 4.8, "months"),
        ("rPFS", 7.0, "months"),
        ("OS", 13.1, "months"),
    ]


def test_a_ratios_bracketed_bounds_may_be_split_by_a_semicolon(record):
    found = record("Median OS was 15.3 months with 177Lu-PSMA-617 (HR 0.62 [0.52; 0.74]).")
    assert [(m["hr"], m["ci_low"], m["ci_high"]) for m in found["measurements"]] == [(0.62, 0.52, 0.74)]


def test_a_risk_reduction_a_figure_others_reported_and_a_consequence_are_not_results(record):
    found = record(
        "In 150 men given 177Lu-PSMA-I&T, median OS was 14.2 months, close to the 15.3 months reported in the "
        "VISION trial; the HR for death versus best supportive care in a matched cohort was 0.61, a 39% reduction "
        "in risk. Grade 3 anaemia occurred in 9.3%, and treatment was discontinued because of toxicity in 4.0%."
    )
    assert [(m["endpoint"], m.get("value")) for m in found["measurements"] if m["statistic"] != "hr"] == [
        ("OS", 14.2),
        ("AE:anemia", 9.3),
        ("other:discontinuation due to adverse events", 4.0),  # the consequence's own share, not anaemia's
    ]


def test_a_second_threshold_written_as_or_more_after_and_of(record):
    found = record(
        "In 22 men given 225Ac-PSMA-I&T, a PSA decline of 30% or more occurred in nine (41%), and of 50% or more "
        "in six (27%)."
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("PSA30", 41.0), ("PSA50", 27.0)]


def test_one_run_of_values_per_arm_for_a_list_of_endpoints(record):
    found = record(
        "Men were randomised to 177Lu-PNT2002 or an ARPI change. PSA50, objective response and complete response "
        "rates were 58.0%, 40.1% and 8.2% with 177Lu-PNT2002 and 21.5%, 12.9% and 2.0% with ARPI change.",
        title="177Lu-PNT2002 versus ARPI change",
    )
    assert [(m["endpoint"], m["arm"], m["value"]) for m in found["measurements"]] == [
        ("PSA50", "177Lu-PNT2002", 58.0),
        ("ORR", "177Lu-PNT2002", 40.1),
        ("CR", "177Lu-PNT2002", 8.2),
        ("PSA50", "ARPI change", 21.5),
        ("ORR", "ARPI change", 12.9),
        ("CR", "ARPI change", 2.0),
    ]


def test_a_sentence_that_breaks_the_previous_result_down_takes_its_endpoint(record):
    found = record(
        "• The overall detection rate of 18F-DCFPyL PET/CT was 81.0%. By PSA: <1 ng/mL 61.2%; 1 to <2 ng/mL 78.4%; "
        "≥2 ng/mL 92.0%. • Median follow-up 28 months."
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [
        ("detection rate", 81.0),
        ("detection rate", 61.2),
        ("detection rate", 78.4),
        ("detection rate", 92.0),
    ]


def test_the_arm_a_sentence_is_about_takes_the_first_of_a_pair(record):
    text = (
        "Men were randomly assigned to 68Ga-PSMA-11 PET/CT or conventional imaging for staging. "
        "Conventional imaging found nodal disease less often (sensitivity 41% vs 86%)."
    )
    rows = [(m["value"], m["arm"]) for m in record(text)["measurements"] if m["endpoint"] == "sensitivity"]
    assert rows == [(41.0, "conventional imaging"), (86.0, "68Ga-PSMA-11")]


def test_a_pair_compared_with_an_arm_named_in_the_sentence_still_starts_with_the_other(record):
    text = (
        "Men were randomly assigned to 177Lu-PSMA-617 or cabazitaxel. "
        "Compared with cabazitaxel, PSA responses were more frequent (64% vs 35%)."
    )
    rows = [(m["value"], m["arm"]) for m in record(text)["measurements"] if m["endpoint"] == "PSA50"]
    assert rows == [(64.0, "177Lu-PSMA-617"), (35.0, "cabazitaxel")]


def test_pairs_of_values_for_two_agents_go_to_them_in_turn(record):
    text = (
        "Men with biochemical recurrence had 18F-DCFPyL PET/CT and 18F-fluciclovine PET/CT. The detection rates "
        "of 18F-DCFPyL and 18F-fluciclovine were 52% and 30% in the pelvis and 21% and 9% outside it."
    )
    rows = [(m["value"], m["arm"]) for m in record(text)["measurements"] if m["endpoint"] == "detection rate"]
    assert rows == [(52.0, "18F-DCFPyL"), (30.0, "18F-fluciclovine"), (21.0, "18F-DCFPyL"), (9.0, "18F-fluciclovine")]


def test_an_arm_named_after_a_value_and_its_bracket(record):
    text = (
        "Men received 177Lu-PSMA-617 or 177Lu-PSMA-I&T in a dosimetry comparison. The median kidney dose was "
        "0.39 Gy/GBq (interquartile range, 0.30-0.51) with 177Lu-PSMA-617 and 0.72 Gy/GBq (interquartile range, "
        "0.55-0.90) with 177Lu-PSMA-I&T."
    )
    rows = [(m["value"], m["arm"]) for m in record(text)["measurements"] if m["endpoint"].startswith("absorbed")]
    assert rows == [(0.39, "177Lu-PSMA-617"), (0.72, "177Lu-PSMA-I&T")]


def test_an_event_named_in_an_aside_does_not_take_the_value_of_what_it_describes(record):
    text = (
        "Forty men received the antibody-drug conjugate MEDI3726. Treatment-related adverse events, mainly "
        "pleural effusions and fatigue, occurred in 36 of 40 patients (90%)."
    )
    rows = [(m["endpoint"], m["value"]) for m in record(text)["measurements"]]
    assert ("AE any grade", 90.0) in rows
    assert not any(endpoint in ("AE:pleural effusion", "AE:fatigue") for endpoint, _value in rows)


def test_adverse_events_of_antibody_drug_conjugates_and_bone_therapy_are_named(record):
    text = (
        "Sixty men received MEDI3726. Skin toxicity occurred in 24%, pleural effusion in 18% and headache in 9%; "
        "fractures were recorded in 5%."
    )
    rows = [(m["endpoint"], m["value"]) for m in record(text)["measurements"]]
    assert rows == [("AE:skin toxicity", 24.0), ("AE:pleural effusion", 18.0), ("AE:headache", 9.0),
                    ("AE:fracture", 5.0)]  # fmt: skip


def test_an_age_that_sets_a_group_apart_is_no_value_but_its_subgroup(record):
    text = (
        "We treated 150 men with 177Lu-PSMA-617. Median overall survival was 12.1 months in men aged 75 years "
        "or more and 14.0 months in men aged <75 years."
    )
    rows = [(m["value"], m["unit"], m["arm"]) for m in record(text)["measurements"]]
    assert rows == [(12.1, "months", "177Lu-PSMA-617, aged 75 years or more"),
                    (14.0, "months", "177Lu-PSMA-617, aged <75 years")]  # fmt: skip


def test_a_share_of_readers_is_no_count_of_patients(record):
    text = (
        "Men with biochemical recurrence had 18F-DCFPyL PET/CT. The correct localization rate was above 65% "
        "for at least three of the four readers."
    )
    rows = [(m["endpoint"], m["value"], m["unit"]) for m in record(text)["measurements"]]
    assert rows == [("CLR", 65.0, "%")]


def test_a_sentence_that_gives_the_last_result_again_takes_its_endpoint(record):
    text = (
        "Men were randomly assigned to 177Lu-PSMA-617 or cabazitaxel. Median overall survival was 15.1 versus "
        "12.9 months. With two more years of follow-up, the medians were 16.3 and 13.0 months, respectively."
    )
    rows = [(m["endpoint"], m["value"], m["arm"]) for m in record(text)["measurements"]]
    assert rows[2:] == [("OS", 16.3, "177Lu-PSMA-617"), ("OS", 13.0, "cabazitaxel")]


def test_respectively_follows_the_order_the_sentence_before_named_the_arms(record):
    text = (
        "In a head-to-head comparison, sixty men had 18F-DCFPyL PET/CT and 18F-fluciclovine PET/CT. The detection "
        "rate was 31% with 18F-fluciclovine and 58% with 18F-DCFPyL. Among the men with PSA below 1.0 ng/mL, the "
        "detection rates were 15% and 44%, respectively."
    )
    rows = [(m["value"], m["arm"]) for m in record(text)["measurements"]][2:]
    assert rows == [(15.0, "18F-fluciclovine, PSA <1.0 ng/mL"), (44.0, "18F-DCFPyL, PSA <1.0 ng/mL")]


def test_respectively_after_a_comparison_keeps_the_studys_order(record):
    text = (
        "Men were randomly assigned to 177Lu-PSMA-617 or cabazitaxel. Compared with cabazitaxel, 177Lu-PSMA-617 "
        "prolonged progression-free survival. PSA responses occurred in 66% and 37%, respectively."
    )
    rows = [(m["value"], m["arm"]) for m in record(text)["measurements"] if m["endpoint"] == "PSA50"]
    assert rows == [(66.0, "177Lu-PSMA-617"), (37.0, "cabazitaxel")]


def test_counts_written_after_their_event(record):
    text = (
        "Twenty-eight men received 225Ac-PSMA-617. Thrombocytopenia of grade 3 or higher occurred in 5 patients, "
        "and dry mouth of any grade was reported by 24 men."
    )
    rows = [(m["endpoint"], m["value"], m["statistic"]) for m in record(text)["measurements"]]
    assert rows == [("AE:thrombocytopenia", 5.0, "count"), ("AE:dry mouth", 24.0, "count")]


def test_the_severe_share_of_the_same_events_is_their_grade_3_rate(record):
    text = (
        "Fifty men received MEDI3726. Treatment-related adverse events occurred in 47 patients (94%) and were of "
        "grade 3 or higher in 36%."
    )
    rows = [(m["endpoint"], m["value"]) for m in record(text)["measurements"]]
    assert rows == [("AE any grade", 94.0), ("TRAE grade>=3", 36.0)]


def test_a_diagnostic_value_notes_the_unit_it_is_counted_in(record):
    text = (
        "Eighty men had 68Ga-PSMA-11 PET/CT before prostatectomy. On a per-patient basis, sensitivity was 77% and "
        "specificity 97%; in the region-based analysis, sensitivity was 64%. Median age was 66 years."
    )
    rows = [(m["endpoint"], m["value"], m.get("note")) for m in record(text)["measurements"]]
    assert rows == [("sensitivity", 77.0, "patient level"), ("specificity", 97.0, "patient level"),
                    ("sensitivity", 64.0, "region level")]  # fmt: skip


def test_the_grade_of_one_value_does_not_pass_to_the_next(record):
    text = (
        "Fifty men received MEDI3726 or placebo. Treatment-related adverse events were of grade 3 or higher in 36% "
        "and of any grade in 94% and 60%."
    )
    rows = [(m["endpoint"], m["value"]) for m in record(text)["measurements"]]
    assert rows == [("TRAE grade>=3", 36.0), ("AE any grade", 94.0), ("AE any grade", 60.0)]


def test_pairs_in_turn_with_no_arm_named_follow_the_study_arms(record):
    text = (
        "Men were randomly assigned to 18F-DCFPyL PET/CT or to conventional imaging.\n"
        "Sensitivity was 88% versus 41% for nodal disease and 93% versus 70% for bone disease."
    )
    rows = [(m["endpoint"], m["value"], m["arm"]) for m in record(text)["measurements"]]
    assert [(value, arm) for _endpoint, value, arm in rows] == [
        (88.0, "18F-DCFPyL, nodal disease"), (41.0, "conventional imaging, nodal disease"),
        (93.0, "18F-DCFPyL, bone disease"), (70.0, "conventional imaging, bone disease"),
    ]  # fmt: skip


def test_each_value_goes_to_the_endpoint_it_is_given_for(record):
    text = (
        "Forty men were treated with 177Lu-PSMA-I&T. Severe toxicity was infrequent, at 10% for anaemia, 5% for "
        "thrombocytopenia and 2.5% for fatigue. The medians were 9.1 months for rPFS and 16.8 months for OS."
    )
    rows = [(m["endpoint"], m["value"]) for m in record(text)["measurements"]]
    assert rows == [("AE:anemia", 10.0), ("AE:thrombocytopenia", 5.0), ("AE:fatigue", 2.5),
                    ("rPFS", 9.1), ("OS", 16.8)]  # fmt: skip


def test_a_grade_stated_ahead_of_values_given_for_events_is_each_events(record):
    text = (
        "Forty men were treated with 177Lu-PSMA-I&T. Grade 3-4 events were 10% (95% CI, 4-23) for anaemia and "
        "5% for thrombocytopenia; they were 30% for fatigue and 20% for nausea overall."
    )
    rows = [(m["endpoint"], m["value"], m.get("grade")) for m in record(text)["measurements"]]
    assert rows == [("AE:anemia", 10.0, ">=3"), ("AE:thrombocytopenia", 5.0, ">=3"), ("AE:fatigue", 30.0, None),
                    ("AE:nausea", 20.0, None)]  # fmt: skip


def test_a_rate_notes_the_landmark_time_it_was_read_at(record):
    text = (
        "Eighty men were randomly assigned to 177Lu-PSMA-617 or cabazitaxel. The 18-month rPFS was 40% with "
        "177Lu-PSMA-617 and 21% with cabazitaxel. Overall survival was 72% at two years and 45% at 3 yrs. "
        "Rates of PSA50 response at 1 and 2 years were 66% and 52%. Median overall survival was 19.4 months, "
        "over a median follow-up of 24 months, on the six-week schedule."
    )
    rows = [(m["endpoint"], m["value"], m.get("note")) for m in record(text)["measurements"]]
    assert rows[:6] == [
        ("rPFS", 40.0, "18-month"), ("rPFS", 21.0, "18-month"), ("OS", 72.0, "2-year"), ("OS", 45.0, "3-year"),
        ("PSA50", 66.0, "1-year"), ("PSA50", 52.0, "2-year"),
    ]  # fmt: skip
    assert rows[6:] == [("OS", 19.4, None)]


def test_a_standard_deviation_after_each_of_two_means_is_no_value(record):
    text = "Thirty men received 177Lu-PSMA-617. Liver doses were 0.30 ± 0.10 and 0.21 ± 0.07 Gy/GBq in cycles 1 and 2."
    assert [m["value"] for m in record(text)["measurements"]] == [0.30, 0.21]


def test_the_severe_share_counted_in_patients_then_bracketed(record):
    text = (
        "Sixty men received 177Lu-PSMA-617. Adverse events of any grade affected 50 men (83%) and were of grade 3 "
        "or worse in 12 (20%)."
    )
    rows = [(m["endpoint"], m["value"]) for m in record(text)["measurements"]]
    assert rows == [("AE any grade", 83.0), ("AE grade>=3", 20.0)]


def test_a_value_with_a_consequence_of_its_own_leaves_the_event_before_it(record):
    text = "Sixty men received 177Lu-PSMA-617. Grade ≥3 anaemia occurred in 14%, and 4 men (7%) needed a transfusion."
    assert [(m["endpoint"], m["value"]) for m in record(text)["measurements"]] == [("AE:anemia", 14.0)]


def test_the_dropout_a_sample_size_allows_for_is_no_value(record):
    text = (
        "A PSA50 rate of 40% with 177Lu-PSMA-617 was assumed; 70 men were needed for 80% power, allowing for 10% "
        "dropout."
    )
    assert [m["value"] for m in record(text)["measurements"]] == [40.0]


def test_a_list_of_three_events_takes_three_values_in_order_without_respectively(record):
    text = "Fifty men received 177Lu-PSMA-I&T. Grade 3 fatigue, nausea and anorexia were seen in 6%, 4% and 2%."
    rows = [(m["endpoint"], m["value"]) for m in record(text)["measurements"]]
    assert rows == [("AE:fatigue", 6.0), ("AE:nausea", 4.0), ("AE:decreased appetite", 2.0)]


def test_the_ratio_goes_on_the_investigational_arm_named_second(record):
    text = (
        "Men were randomly assigned to 177Lu-PSMA-I&T or docetaxel. Median rPFS was 4.1 months with docetaxel and "
        "9.0 months with 177Lu-PSMA-I&T (HR 0.48, 95% CI 0.33-0.70; p<0.001)."
    )
    rows = [(m["arm"], m["value"], m["hr"], m["ci_low"], m["p_value"]) for m in record(text)["measurements"]]
    assert rows == [("docetaxel", 4.1, None, None, None), ("177Lu-PSMA-I&T", 9.0, 0.48, 0.33, "<0.001")]


def test_blind8_phrasings_of_results(record):
    """Each sentence is a phrasing the rules missed on a blind set, written here in words of our own."""
    cases = [
        ("At 2 years, 31% of pts were alive.", [("OS", 31.0, "2-year")]),
        ("PSA50 was reached in 12 pts (40%), while 6 pts (20%) resulted in early progression.",
         [("PSA50", 40.0, None)]),
        ("The PET findings altered the intended therapy in 27% of men.", [("management change", 27.0, None)]),
        ("Scan positivity was 72%.", [("detection rate", 72.0, None)]),
        ("Nodal metastases were detected in 40% of men on PET.", [("detection rate", 40.0, None)]),
        ("AST elevation occurred in 18%.", [("AE:hepatotoxicity", 18.0, None)]),
        ("Men with a PSA decline of 50% or more lived longer (median 20.1 vs 10.4 months).",
         [("OS", 20.1, None), ("OS", 10.4, None)]),
        ("Men with visceral disease survived for a much shorter time (median 8.3 vs 15.0 months).",
         [("OS", 8.3, None), ("OS", 15.0, None)]),
        ("Of 22 men with measurable disease, 9 (41%) responded according to RECIST 1.1.", [("ORR", 41.0, None)]),
        ("Disease control (partial response or stable disease) was achieved in 14 men (35%).", [("DCR", 35.0, None)]),
        ("Of 60 men screened, 42 (70%) had a positive 68Ga-PSMA-11 PET/CT.", [("detection rate", 70.0, None)]),
        ("In the 12 men with a positive 68Ga-PSMA-11 PET/CT, PSA50 was 50%.", [("PSA50", 50.0, None)]),
        ("Median rPFS was 9.8 months with an SUVmax ≥15 and 5.1 months below it.",
         [("rPFS", 9.8, None), ("rPFS", 5.1, None)]),
    ]  # fmt: skip
    for sentence, expected in cases:
        rows = record("Forty men were treated with 177Lu-PSMA-617 after 68Ga-PSMA-11 PET. " + sentence)["measurements"]
        assert [(m["endpoint"], m["value"], m.get("note")) for m in rows] == expected, sentence
        assert all(m["status"] == "reported" for m in rows), sentence


def test_a_second_value_named_for_another_modality_is_that_modalitys(record):
    text = (
        "Sixty men with biochemical recurrence underwent 18F-DCFPyL PET/CT. Bone metastases were identified in 15% of "
        "men by PET and in 7% by conventional imaging."
    )
    rows = [(m["endpoint"], m["value"], m["arm"]) for m in record(text)["measurements"]]
    assert rows == [
        ("detection rate", 15.0, "18F-DCFPyL, bone metastases"),
        ("detection rate", 7.0, "conventional imaging, bone metastases"),
    ]


def test_an_agent_and_its_modality_opening_the_next_value_is_not_the_arm_of_the_value_before(record):
    text = (
        "Forty men underwent both scans within two weeks. On a patient basis, 18F-fluciclovine PET/CT showed "
        "recurrence in 31% and 18F-DCFPyL PET/CT in 62% of the men."
    )
    rows = [
        (m["endpoint"], m["value"], m["arm"])
        for m in record(text, "18F-DCFPyL against 18F-fluciclovine")["measurements"]
    ]
    assert rows == [("detection rate", 31.0, "18F-fluciclovine"), ("detection rate", 62.0, "18F-DCFPyL")]


def test_the_share_of_lesions_one_scan_saw_of_those_another_saw_is_the_first_scans_detection_rate(record):
    title = "99mTc-EDDA/HYNIC-iPSMA SPECT/CT against 68Ga-PSMA-11 PET/CT in recurrent prostate cancer"
    texts = [
        "Fifty men had both scans. Lesion by lesion, SPECT/CT showed 205 of the 260 lesions seen on PET (78.8%).",
        "Fifty men had both scans. Of the 260 lesions seen on PET, 205 (78.8%) were also detected on SPECT/CT.",
        "Fifty men had both scans. In all, 205 of 260 PET-positive lesions (78.8%) were visible on SPECT/CT.",
    ]
    for text in texts:
        rows = [(m["endpoint"], m["value"], m["arm"]) for m in record(text, title)["measurements"]]
        assert rows == [("detection rate", 78.8, "99mTc-EDDA/HYNIC-iPSMA")], text


def test_subgroup_ratios_after_one_interval_that_states_its_level_have_bare_intervals(record):
    text = (
        "Men were randomised to 177Lu-PSMA-617 or cabazitaxel. The hazard ratio for PSA-PFS was 0.66 (95% CI "
        "0.48-0.90) in men younger than 70 years (n=121) and 0.72 (0.50-1.04) in older men; 0.95 (0.52-1.73) in men "
        "with visceral metastases (n=40); and 0.58 (0.37-0.91) in men without them."
    )
    rows = [(m["hr"], m["ci_low"], m["ci_high"]) for m in record(text)["measurements"]]
    assert rows == [(0.66, 0.48, 0.90), (0.72, 0.50, 1.04), (0.95, 0.52, 1.73), (0.58, 0.37, 0.91)]


def test_an_absorbed_dose_in_men_with_an_illness_the_lexicon_knows_as_an_event_is_the_organs_dose(record):
    text = (
        "We compared men with and without chronic kidney disease (CKD). After cycle 1 of 177Lu-PSMA-617, the kidney "
        "absorbed dose was 0.72 Gy/GBq in men with CKD and 0.48 Gy/GBq in those with normal renal function."
    )
    rows = [(m["endpoint"], m["value"], m["arm"]) for m in record(text)["measurements"] if m["value"]]
    assert rows == [
        ("absorbed dose:kidney", 0.72, "177Lu-PSMA-617, CKD"),
        ("absorbed dose:kidney", 0.48, "177Lu-PSMA-617, normal renal function"),
    ]


def test_a_survival_time_in_men_with_metastases_of_an_organ_is_no_dose_to_that_organ(record):
    text = (
        "We treated 300 men with 177Lu-PSMA-617. Median overall survival was 15.2 months in men without liver "
        "metastases and 8.9 months in men with liver metastases."
    )
    rows = [(m["endpoint"], m["value"], m["arm"]) for m in record(text)["measurements"]]
    assert rows == [
        ("OS", 15.2, "177Lu-PSMA-617, no liver metastases"),
        ("OS", 8.9, "177Lu-PSMA-617, liver metastases"),
    ]


def test_how_often_readers_agreed_is_no_detection_rate(record):
    text = (
        "Eighty men underwent 18F-DCFPyL PET/CT before biopsy. The two readers agreed on PET positivity in 91% of "
        "the men (kappa 0.81)."
    )
    assert [m["endpoint"] for m in record(text)["measurements"]] == []
    text = (
        "Ninety men underwent 18F-DCFPyL PET/CT. Cohen's kappa for patient-level positivity was 0.74, and the three "
        "readers agreed on positivity in 70 of 90 scans (78%)."
    )
    assert [m["endpoint"] for m in record(text)["measurements"]] == []


def test_counts_at_doses_before_the_event_they_had_are_each_a_count_of_it(record):
    text = (
        "Cabazitaxel was escalated with 177Lu-PSMA-617 in a 3+3 design. No dose-limiting toxicity was seen at "
        "15 mg/m²; one of six men at 20 mg/m² and two of five at 25 mg/m² had a dose-limiting toxicity."
    )
    rows = [(m["endpoint"], m["value"], m["arm"].split(", ")[-1]) for m in record(text)["measurements"] if m["value"]]
    assert rows == [("DLT", 1.0, "20 mg/m2"), ("DLT", 2.0, "25 mg/m2")]


def test_changes_compared_between_groups_after_management_changed_are_management_changes(record):
    text = (
        "Ninety men with recurrence had 18F-DCFPyL PET/CT. Management changed in 54% of men. Changes were more "
        "frequent after radiotherapy than after prostatectomy (63% vs 47%; p=0.03)."
    )
    rows = [(m["endpoint"], m["value"]) for m in record(text)["measurements"]]
    assert rows == [("management change", 54.0), ("management change", 63.0), ("management change", 47.0)]


def test_proportions_listed_by_region_each_after_the_region_of_the_one_before(record):
    text = (
        "Men with recurrence underwent 18F-rhPSMA-7.3 PET/CT. Region-level correct localisation rates were 0.58 in "
        "the prostate bed, 0.79 in pelvic lymph nodes (after surgery) and 0.88 at distant sites."
    )
    rows = [(m["endpoint"], m["value"]) for m in record(text)["measurements"]]
    assert rows == [("CLR", 0.58), ("CLR", 0.79), ("CLR", 0.88)]


def test_a_quality_of_life_index_between_0_and_1_is_a_mean_score_not_a_share(record):
    text = "Eighty men received 177Lu-PSMA-617. At 12 weeks, the mean EQ-5D-5L index was 0.74 (SD 0.18)."
    rows = [(m["endpoint"], m["statistic"], m["value"]) for m in record(text)["measurements"]]
    assert rows == [("HRQoL", "mean", 0.74)]


def test_a_terse_count_of_events_keeps_its_event_when_a_bracket_details_them(record):
    text = "Forty men received the T-cell engager. DLTs in 4 pts (grade 3 transaminase elevations with CRS). ORR 10%."
    rows = [(m["endpoint"], m["statistic"], m["value"]) for m in record(text)["measurements"]]
    assert ("DLT", "count", 4.0) in rows


def test_the_duration_of_a_psa50_response_is_a_duration_of_response(record):
    text = "Thirty men received 177Lu-PSMA-617. The median duration of PSA50 response was 5.4 months."
    rows = [(m["endpoint"], m["statistic"], m["value"]) for m in record(text)["measurements"]]
    assert rows == [("DoR", "median", 5.4)]


def test_a_change_of_management_is_the_scans_not_the_treatment_it_changed_to(record):
    text = (
        "We reviewed 200 18F-DCFPyL PET/CT scans. Management changed in 40% of men aged 80 or more, mostly from "
        "salvage radiotherapy to androgen deprivation therapy, compared with 55% of younger men."
    )
    rows = [(m["value"], m["arm"].split(", ")[0]) for m in record(text)["measurements"]]
    assert rows == [(40.0, "18F-DCFPyL"), (55.0, "18F-DCFPyL")]


def test_responses_unqualified_opening_a_sentence_are_the_studys_response(record):
    text = (
        "Fifty men received 177Lu-PSMA-617. The primary endpoint was the PSA50 response rate. Responses were seen in "
        "12 of 20 (60%) men with high uptake and 6 of 30 (20%) with low uptake."
    )
    rows = [(m["endpoint"], m["value"]) for m in record(text)["measurements"]]
    assert rows == [("PSA50", 60.0), ("PSA50", 20.0)]


def test_an_undetectable_psa_rate_is_no_value_of_the_endpoint_named_before_it(record):
    text = (
        "Men were randomised to enzalutamide with or without 177Lu-PSMA-617. Median PSA progression-free survival was "
        "12.1 months with the combination and 7.2 months with enzalutamide alone; undetectable PSA at 48 weeks was "
        "reached by 38% and 14%."
    )
    assert [m["value"] for m in record(text)["measurements"]] == [12.1, 7.2]


def test_counts_of_stable_and_progressive_disease_after_the_responses_are_no_response_rates(record):
    text = (
        "Forty men received 177Lu-PSMA-617. At 12 weeks, 10 men (25%) had a partial response, 18 (45%) stable "
        "disease and 12 (30%) progressive disease."
    )
    rows = [(m["endpoint"], m["value"]) for m in record(text)["measurements"]]
    assert rows == [("ORR", 25.0)]


def test_a_decline_threshold_of_at_least_a_share_is_no_value(record):
    text = (
        "Sixty men received 177Lu-PSMA-617. A PSA decline of at least 50% occurred in 33 men (55%), and 20 (33%) had "
        "a fall of at least 80%."
    )
    assert [(m["endpoint"], m["value"]) for m in record(text)["measurements"]] == [("PSA50", 55.0)]


def test_localised_as_the_adjective_of_a_disease_state_is_no_detection(record):
    text = (
        "In this single-arm study, 30 men with high-risk localised or locally advanced disease received "
        "177Lu-PSMA-617 before prostatectomy. A PSA decline of 50% or more occurred in 21 men (70%)."
    )
    assert [(m["endpoint"], m["value"]) for m in record(text)["measurements"]] == [("PSA50", 70.0)]


def test_a_relative_change_told_roughly_is_no_value(record):
    text = (
        "Twenty men received 177Lu-PSMA-617. Grade 2 nephrotoxicity occurred in 15% of men. Renal impairment raised "
        "the kidney dose per GBq by about 35%."
    )
    assert [(m["endpoint"], m["value"]) for m in record(text)["measurements"] if m["value"]] == [
        ("AE:nephrotoxicity", 15.0)
    ]


def test_proportions_in_a_run_and_two_runs_set_against_each_other(record):
    text = (
        "Eighty men underwent 18F-DCFPyL PET/CT and conventional imaging. The PPV of PET was 0.91 (95% CI: "
        "0.85-0.95), compared with 0.60 (95% CI: 0.48-0.71) for conventional imaging. Sensitivity and specificity of "
        "PET were 0.72 (95% CI: 0.60-0.82) and 0.96 (95% CI: 0.92-0.98), against 0.28 (95% CI: 0.18-0.40) and 0.90 "
        "(95% CI: 0.85-0.94) for conventional imaging."
    )
    rows = [(m["endpoint"], m["value"], m["arm"], m["ci_low"]) for m in record(text)["measurements"]]
    assert rows == [
        ("PPV", 0.91, "18F-DCFPyL", 0.85), ("PPV", 0.60, "conventional imaging", 0.48),
        ("sensitivity", 0.72, "18F-DCFPyL", 0.60), ("specificity", 0.96, "18F-DCFPyL", 0.92),
        ("sensitivity", 0.28, "conventional imaging", 0.18), ("specificity", 0.90, "conventional imaging", 0.85),
    ]  # fmt: skip


def test_radiographic_progression_or_death_names_rpfs(record):
    text = (
        "Men were randomly assigned to 177Lu-PNT2002 or to abiraterone. Radiographic progression or death was "
        "delayed with the radioligand (median 8.1 vs 4.9 months; HR 0.59)."
    )
    rows = [(m["endpoint"], m["value"], m["hr"]) for m in record(text)["measurements"]]
    assert rows == [("rPFS", 8.1, 0.59), ("rPFS", 4.9, None)]


def test_a_line_broken_inside_a_sentence_of_pasted_text_is_one_sentence(record):
    text = (
        "Men were randomised to 177Lu-PSMA-617 or to docetaxel.\nKey results\n- Median OS 14.2 vs\n11.0 months "
        "(HR 0.71)\n- PSA50 52% vs 37%"
    )
    rows = [(m["endpoint"], m["value"], m["arm"], m["hr"]) for m in record(text)["measurements"]]
    assert rows == [
        ("OS", 14.2, "177Lu-PSMA-617", 0.71), ("OS", 11.0, "docetaxel", None),
        ("PSA50", 52.0, "177Lu-PSMA-617", None), ("PSA50", 37.0, "docetaxel", None),
    ]  # fmt: skip


def test_a_grade_heading_before_a_colon_and_arms_written_right_before_their_values(record):
    text = (
        "Men were randomised to 177Lu-PNT2002 or cabazitaxel. Grade ≥3 AEs: anaemia 8% vs 2%; fatigue 3% vs 4%. "
        "Grade 3 or worse adverse events: 177Lu-PNT2002 33%, cabazitaxel 52%."
    )
    rows = [(m["endpoint"], m["value"], m["arm"], m.get("grade")) for m in record(text)["measurements"]]
    assert rows == [
        ("AE:anemia", 8.0, "177Lu-PNT2002", ">=3"), ("AE:anemia", 2.0, "cabazitaxel", ">=3"),
        ("AE:fatigue", 3.0, "177Lu-PNT2002", ">=3"), ("AE:fatigue", 4.0, "cabazitaxel", ">=3"),
        ("AE grade>=3", 33.0, "177Lu-PNT2002", None), ("AE grade>=3", 52.0, "cabazitaxel", None),
    ]  # fmt: skip


def test_two_values_each_with_an_endpoint_of_its_own_are_no_pair(record):
    text = (
        "Forty men received 177Lu-PSMA-I&T. A PSA decline of 90% or more was seen in 9 of 40 (22.5%), while 30 of 40 "
        "(75.0%) had any PSA decline."
    )
    rows = [(m["endpoint"], m["value"]) for m in record(text)["measurements"]]
    assert rows == [("PSA90", 22.5), ("any PSA decline", 75.0)]


def test_a_table_pasted_with_pipes_is_read_by_its_columns(record):
    text = (
        "Men were randomly assigned to 177Lu-PSMA-I&T or to docetaxel.\n"
        "| Endpoint | Docetaxel | 177Lu-PSMA-I&T | HR (95% CI) |\n"
        "| Median rPFS, months | 5.1 | 7.9 | 0.71 (0.55-0.92) |\n"
        "| rPFS at 12 months, % | 14 | 29 | - |\n"
        "| ORR | 21% | NR | |\n"
        "By staff writer | 2 May 2025 | 2 min read"
    )
    rows = _rows(record, text, "endpoint", "arm", "value", "unit", "hr", "ci_high", "note")
    assert rows == [
        ("rPFS", "docetaxel", 5.1, "months", None, None, None),
        ("rPFS", "177Lu-PSMA-I&T", 7.9, "months", 0.71, 0.92, None),  # the ratio goes on the investigational arm
        ("rPFS", "docetaxel", 14.0, "%", None, None, "12-month"),
        ("rPFS", "177Lu-PSMA-I&T", 29.0, "%", None, None, "12-month"),
        ("ORR", "docetaxel", 21.0, "%", None, None, None),
    ]


def test_a_table_pasted_with_tabs_names_the_parts_of_a_single_arm(record):
    text = (
        "Twenty men received 225Ac-PSMA-617 at one of two activities.\n"
        "Outcome\tLow activity\tHigh activity\n"
        "any PSA decline, %\t60\t80\n"
        "xerostomia, %\t40\t75"
    )
    rows = _rows(record, text, "endpoint", "arm", "value")
    assert rows == [
        ("any PSA decline", "225Ac-PSMA-617, Low activity", 60.0),
        ("any PSA decline", "225Ac-PSMA-617, High activity", 80.0),
        ("AE:dry mouth", "225Ac-PSMA-617, Low activity", 40.0),
        ("AE:dry mouth", "225Ac-PSMA-617, High activity", 75.0),
    ]


def test_an_outcome_said_to_come_less_often_in_a_clause_of_its_own_is_no_endpoint_of_the_sentence(record):
    text = (
        "Men were randomised to 18F-DCFPyL PET/CT or to conventional imaging. PET changed management more often "
        "(31% vs 12%) and yielded indeterminate lesions less often (4% vs 17%)."
    )
    assert _rows(record, text, "endpoint", "value") == [("management change", 31.0), ("management change", 12.0)]
    table = (
        "Men were randomised to 177Lu-PSMA-617 or to cabazitaxel.\n"
        "Outcome | 177Lu-PSMA-617 | cabazitaxel\n"
        "Grade ≥3 AE, % | 33 | 53"
    )
    assert _rows(record, table, "endpoint", "value") == [("AE grade>=3", 33.0), ("AE grade>=3", 53.0)]


def test_shares_of_arms_named_by_role_before_the_outcome_they_had(record):
    text = (
        "Men were randomised to 225Ac-PSMA-617 (the actinium arm) or cabazitaxel (the control arm). At 24 months, "
        "33% of the actinium arm and 21% of the control arm were alive."
    )
    assert _rows(record, text, "endpoint", "value", "arm", "note") == [
        ("OS", 33.0, "225Ac-PSMA-617", "24-month"),
        ("OS", 21.0, "cabazitaxel", "24-month"),
    ]


def test_a_whole_body_dose_is_its_own_absorbed_dose_but_an_effective_dose_is_none(record):
    text = (
        "Twelve men received 177Lu-PSMA-I&T. Mean absorbed doses were 0.61 Gy/GBq for the kidneys and 0.03 Gy/GBq "
        "for the red marrow; the whole-body dose was 0.04 Gy/GBq. The whole-body effective dose was 0.07 Sv/GBq."
    )
    assert _rows(record, text, "endpoint", "value") == [
        ("absorbed dose:kidney", 0.61),
        ("absorbed dose:bone marrow", 0.03),
        ("absorbed dose:whole body", 0.04),
    ]


def test_a_quantity_with_its_unit_after_of_is_no_proportion(record):
    text = (
        "Sixty men had both 18F-DCFPyL PET/CT and 68Ga-PSMA-11 PET/CT. In men with a PSA below 0.5 ng/mL, detection "
        "rates were 58% and 41%, respectively; in those with a PSA of 0.5 ng/mL or higher they were 90% and 83%."
    )
    assert [v for (v,) in _rows(record, text, "value")] == [58.0, 41.0, 90.0, 83.0]


def test_lesions_each_of_two_tracers_found_are_counts_of_the_detection_rate(record):
    text = (
        "Sixty men had 18F-rhPSMA-7.3 PET/CT and 68Ga-PSMA-11 PET/CT within a week. Per lesion, 18F-rhPSMA-7.3 "
        "PET/CT found 214 lesions and 68Ga-PSMA-11 PET/CT 167. In a second cohort, 98 lesions were seen with "
        "18F-rhPSMA-7.3 and 80 with 68Ga-PSMA-11."
    )
    assert _rows(record, text, "endpoint", "statistic", "value", "unit", "arm") == [
        ("detection rate", "count", 214.0, "lesions", "18F-rhPSMA-7.3"),
        ("detection rate", "count", 167.0, "lesions", "68Ga-PSMA-11"),
        ("detection rate", "count", 98.0, "lesions", "18F-rhPSMA-7.3"),
        ("detection rate", "count", 80.0, "lesions", "68Ga-PSMA-11"),
    ]


def test_a_change_of_the_planned_radiotherapy_is_a_reported_management_change(record):
    text = (
        "Men with biochemical recurrence were assigned to salvage radiotherapy with or without prior 18F-DCFPyL "
        "PET/CT. PET findings changed the planned radiotherapy in 29% of men."
    )
    assert _rows(record, text, "endpoint", "value", "status") == [("management change", 29.0, "reported")]


def test_the_odds_of_detecting_disease_are_a_ratio_of_the_detection_rate(record):
    text = (
        "Forty men had 68Ga-PSMA-11 PET/CT at 1 h and at 3 h. Tumour SUVmax was 11.2. Early imaging had lower odds "
        "of detecting recurrent disease than late imaging (odds ratio 0.52; 95% CI 0.30-0.90). It is not a "
        "substitute for late imaging in detecting small nodes."
    )
    found = record(text)
    assert [(m["endpoint"], m["statistic"], m["value"]) for m in found["measurements"] if not m.get("negated")] == [
        ("detection rate", "or", 0.52)
    ]
    assert not [m for m in found["measurements"] if m.get("negated")]


def test_a_table_of_adverse_events_by_grade_given_as_counts_with_their_share(record):
    text = (
        "Thirty-one men received 225Ac-PSMA-I&T.\n"
        "Event, no. (%)\tAll grades\tGrade 3-4\n"
        "Xerostomia\t25 (81)\t2 (6)\n"
        "Anaemia\t11 (35)\t-\n"
        "Adverse events\t30 (97)\t9 (29)"
    )
    assert _rows(record, text, "endpoint", "grade", "statistic", "value", "arm") == [
        ("AE:dry mouth", "any", "rate", 81.0, "225Ac-PSMA-I&T"),
        ("AE:dry mouth", ">=3", "rate", 6.0, "225Ac-PSMA-I&T"),
        ("AE:anemia", "any", "rate", 35.0, "225Ac-PSMA-I&T"),
        ("AE any grade", None, "rate", 97.0, "225Ac-PSMA-I&T"),
        ("AE grade>=3", None, "rate", 29.0, "225Ac-PSMA-I&T"),
    ]


def test_a_table_whose_title_above_says_its_cells_are_counts_with_their_share(record):
    # "n (%)" is in the line above the table, not in a column's heading.
    text = (
        "Forty men received 177Lu-PSMA-I&T.\n"
        "Toxicity, n (%):\n"
        "Event | All grades | Grade 3-4\n"
        "Xerostomia | 22 (55.0) | 0 (0)\n"
        "Thrombocytopenia | 9 (22.5) | 3 (7.5)"
    )
    assert _rows(record, text, "endpoint", "grade", "value") == [
        ("AE:dry mouth", "any", 55.0),
        ("AE:dry mouth", ">=3", 0.0),
        ("AE:thrombocytopenia", "any", 22.5),
        ("AE:thrombocytopenia", ">=3", 7.5),
    ]


def test_a_row_whose_label_says_its_cells_are_counts_with_their_share(record):
    text = (
        "Sixty men received 177Lu-PSMA-617 in two cohorts.\n"
        "Outcome | Cohort 1 (n=30) | Cohort 2 (n=30)\n"
        "PSA50 response, n (%) | 18 (60.0) | 11 (36.7)"
    )
    assert _rows(record, text, "endpoint", "value") == [("PSA50", 60.0), ("PSA50", 36.7)]


def test_table_columns_headed_by_a_prior_therapy_are_parts_of_the_arm_and_a_row_may_state_months_as_mo(record):
    text = (
        "A registry of 150 men treated with 177Lu-PSMA-617, by previous chemotherapy.\n"
        "Outcome | Docetaxel-naive (n=60) | Docetaxel-pretreated (n=90)\n"
        "PSA50 | 33 (55%) | 36 (40%)\n"
        "OS, mo | 19.5 (16.0-23.1) | 11.2 (9.4-13.0)"
    )
    assert _rows(record, text, "endpoint", "arm", "value", "unit") == [
        ("PSA50", "177Lu-PSMA-617, Docetaxel-naive", 55.0, "%"),
        ("PSA50", "177Lu-PSMA-617, Docetaxel-pretreated", 40.0, "%"),
        ("OS", "177Lu-PSMA-617, Docetaxel-naive", 19.5, "months"),
        ("OS", "177Lu-PSMA-617, Docetaxel-pretreated", 11.2, "months"),
    ]


def test_a_table_of_strata_whose_columns_name_the_endpoints(record):
    text = (
        "We scanned 150 men with biochemical recurrence using 68Ga-PSMA-11 PET/CT.\n"
        "PSA (ng/mL) | n | Sensitivity (%) | Detection rate (%)\n"
        "<0.5 | 40 | 61.0 | 45.0\n"
        "\u22650.5 | 110 | 88.2 | 80.9"
    )
    assert _rows(record, text, "endpoint", "arm", "value") == [
        ("sensitivity", "68Ga-PSMA-11, PSA <0.5 ng/mL", 61.0),
        ("detection rate", "68Ga-PSMA-11, PSA <0.5 ng/mL", 45.0),
        ("sensitivity", "68Ga-PSMA-11, PSA \u22650.5 ng/mL", 88.2),
        ("detection rate", "68Ga-PSMA-11, PSA \u22650.5 ng/mL", 80.9),
    ]


def test_a_table_of_strata_whose_columns_name_the_agents_under_a_caption_naming_the_endpoint(record):
    text = (
        "Eighty men had both 18F-DCFPyL and 68Ga-PSMA-11 PET/CT in random order. Positivity by PSA level (men "
        "with at least one lesion):\n"
        "PSA (ng/mL) | n | 18F-DCFPyL | 68Ga-PSMA-11\n"
        "<1.0 | 30 | 15/30 (50%) | 12/30 (40%)\n"
        "\u22651.0 | 50 | 92% | 84%\n"
        "All | 80 | 76% | 68%"
    )
    assert _rows(record, text, "endpoint", "arm", "value") == [
        ("detection rate", "18F-DCFPyL, PSA <1.0 ng/mL", 50.0),
        ("detection rate", "68Ga-PSMA-11, PSA <1.0 ng/mL", 40.0),
        ("detection rate", "18F-DCFPyL, PSA \u22651.0 ng/mL", 92.0),
        ("detection rate", "68Ga-PSMA-11, PSA \u22651.0 ng/mL", 84.0),
        ("detection rate", "18F-DCFPyL", 76.0),  # the row of every stratum is no stratum
        ("detection rate", "68Ga-PSMA-11", 68.0),
    ]


def test_bulleted_parts_break_the_previous_items_result_down(record):
    text = (
        "Forty men had 68Ga-PSMA-11 and 18F-fluciclovine PET/CT in random order. Key results:\n"
        "• Overall detection: 24/40 (60%) with 68Ga-PSMA-11 and 12/40 (30%) with 18F-fluciclovine.\n"
        "• Pelvic lymph nodes: 28% vs 10%.\n"
        "• PSA <0.5 ng/mL (n = 18): 39% vs 11%.\n"
        "• Interreader agreement (κ): 0.71 and 0.52."
    )
    found = record(
        text, title="68Ga-PSMA-11 compared with 18F-fluciclovine PET/CT in biochemical recurrence"
    )  # (a site heads its line: named in lower case, as every site is)
    assert [(m["endpoint"], m["arm"], m["value"]) for m in found["measurements"]][2:] == [
        ("detection rate", "68Ga-PSMA-11, pelvic lymph nodes", 28.0),
        ("detection rate", "18F-fluciclovine, pelvic lymph nodes", 10.0),
        ("detection rate", "68Ga-PSMA-11, PSA <0.5 ng/mL", 39.0),
        ("detection rate", "18F-fluciclovine, PSA <0.5 ng/mL", 11.0),
    ]


def test_a_table_of_dose_levels_with_a_column_of_dlts(record):
    text = (
        "Thirty men received 212Pb-XR-7 in a 3+3 dose escalation. DLTs by dose level:\n"
        "Dose level (MBq/kg) | Patients | DLTs\n"
        "1.0 | 3 | 0\n"
        "2.0 | 6 | 1\n"
        "3.0 | 6 | 2"
    )
    assert _rows(record, text, "endpoint", "arm", "value") == [
        ("DLT", "212Pb-XR-7, 2.0 MBq/kg", 1.0),  # (none at 1.0 MBq/kg: a finding denied, no count)
        ("DLT", "212Pb-XR-7, 3.0 MBq/kg", 2.0),
    ]


def test_ratios_written_after_a_table_go_on_the_medians_of_its_rows(record):
    text = (
        "Men were randomised to 177Lu-PSMA-I&T or to cabazitaxel. Outcomes:\n"
        "Outcome | 177Lu-PSMA-I&T | Cabazitaxel\n"
        "Median rPFS, months | 8.8 | 6.0\n"
        "Median OS, months | 16.1 | 14.9\n"
        "The hazard ratio for rPFS was 0.66 (95% CI 0.49-0.89) and for OS 0.91 (95% CI 0.68-1.22)."
    )
    assert _rows(record, text, "endpoint", "arm", "value", "hr") == [
        ("rPFS", "177Lu-PSMA-I&T", 8.8, 0.66),
        ("rPFS", "cabazitaxel", 6.0, None),
        ("OS", "177Lu-PSMA-I&T", 16.1, 0.91),
        ("OS", "cabazitaxel", 14.9, None),
    ]


def test_the_items_of_a_list_take_the_endpoint_its_head_names(record):
    text = (
        "Eighty men had 18F-DCFPyL PET/CT. Patient-level detection rates by prior treatment:\n"
        "After prostatectomy: 62%\n"
        "• after radiotherapy 85%\n"
        "Most of these men (31%) had nodal disease."
    )
    rows = _rows(record, text, "endpoint", "arm", "value")
    assert rows == [
        ("detection rate", "18F-DCFPyL, After prostatectomy", 62.0),
        ("detection rate", "18F-DCFPyL", 85.0),
    ]  # the sentence after the list names no endpoint and takes none


def test_a_value_after_the_modality_its_clause_names_is_the_arm_imaged_by_it(record):
    text = (
        "Sixty men had both 99mTc-PSMA-I&S SPECT/CT and 18F-DCFPyL PET/CT before surgery. "
        "Sensitivity was 51% with 99mTc-PSMA-I&S. For PET/CT, the sensitivity was 78%. "
        "Specificity was 97% with SPECT/CT, and the PPV was 90%."
    )
    title = "99mTc-PSMA-I&S SPECT/CT versus 18F-DCFPyL PET/CT for nodal staging"
    rows = [(m["endpoint"], m["arm"], m["value"]) for m in record(text, title)["measurements"]]
    assert rows == [
        ("sensitivity", "99mTc-PSMA-I&S", 51.0),
        ("sensitivity", "18F-DCFPyL", 78.0),
        ("specificity", "99mTc-PSMA-I&S", 97.0),
        ("PPV", "99mTc-PSMA-I&S", 90.0),  # the modality of the clause before is not this value's
    ]


def test_an_event_named_as_the_cause_of_stopping_treatment_is_no_rate_of_the_event(record):
    text = (
        "Men were randomly assigned to 177Lu-PSMA-617 or to cabazitaxel. Grade 3 or higher adverse events occurred "
        "in 33% vs 53%. Fewer men discontinued treatment because of adverse events (2% vs 9%). "
        "No patient stopped treatment due to renal toxicity."
    )
    found = record(text)["measurements"]
    assert [(m["endpoint"], m["value"]) for m in found] == [
        ("AE grade>=3", 33.0),
        ("AE grade>=3", 53.0),
        ("other:discontinuation due to adverse events", 2.0),  # the stopping's own rates
        ("other:discontinuation due to adverse events", 9.0),
    ]
    # Stopping for an event denies the stopping, not the event: no negated renal toxicity.


def test_values_of_an_outcome_in_a_clause_of_their_own_do_not_go_to_the_endpoint_before(record):
    text = (
        "18F-DCFPyL PET/CT changed the intended management more often than conventional imaging (31% vs 12%) and "
        "gave fewer indeterminate readings (5% vs 19%)."
    )
    rows = [
        (m["endpoint"], m["value"])
        for m in record(text, "18F-DCFPyL PET/CT versus conventional imaging")["measurements"]
    ]
    assert rows == [("management change", 31.0), ("management change", 12.0)]


def test_a_planned_hazard_ratio_with_the_comparators_value_is_a_row_of_its_own(record):
    text = (
        "Men will be randomly assigned to 177Lu-PSMA-617 or to standard of care. Assuming a median rPFS of 8 "
        "months in the control arm, 300 events will give 90% power to detect a hazard ratio of 0.70. Assuming a "
        "median PFS of 10 months with radiotherapy alone and a hazard ratio of 0.65, 120 events are needed."
    )
    rows = [
        (m["endpoint"], m["statistic"], m["arm"], m["value"], m["hr"], m["status"])
        for m in record(text)["measurements"]
    ]
    assert rows == [
        ("rPFS", "median", "standard of care", 8.0, None, "planned"),
        ("rPFS", "hr", "177Lu-PSMA-617", None, 0.7, "planned"),
        ("PFS", "median", "standard of care", 10.0, None, "planned"),
        ("PFS", "hr", "177Lu-PSMA-617", None, 0.65, "planned"),
    ]


def test_a_share_followed_by_its_population_and_its_own_outcome(record):
    text = (
        "Thirty men received 177Lu-PSMA-I&T. A PSA decline of 50% or more occurred in 14/30 patients (47%), and "
        "5 of 18 patients (28%) with measurable disease had an objective response."
    )
    assert _rows(record, text, "endpoint", "value") == [("PSA50", 47.0), ("ORR", 28.0)]


def test_a_bare_count_before_its_verb_and_a_count_whose_share_follows(record):
    text = (
        "Forty men received 177Lu-PSMA-617. At the first restaging, 22 had a PSA decline of 50% or more. "
        "Of 30 men with measurable disease, 12 had an objective response (40%)."
    )
    assert _rows(record, text, "endpoint", "statistic", "value") == [("PSA50", "count", 22.0), ("ORR", "rate", 40.0)]


def test_a_table_whose_columns_are_headed_by_arm_labels_gives_each_labelled_arm_its_values(record):
    text = "Arm A: 177Lu-PSMA-617 + olaparib. Arm B: 177Lu-PSMA-617.\nOutcome | Arm A | Arm B\nPSA50, % | 66 | 44"
    rows = [
        (m["endpoint"], m["arm"], m["value"])
        for m in record(text, "LuPARP-2: a randomised phase 2 trial")["measurements"]
    ]
    assert rows == [("PSA50", "177Lu-PSMA-617 + olaparib", 66.0), ("PSA50", "177Lu-PSMA-617", 44.0)]


def test_a_value_after_a_numbered_cycle_is_no_range_from_the_cycles_number(record):
    text = (
        "Twenty men received 177Lu-PSMA-I&T. The median kidney absorbed dose went from 0.52 Gy/GBq at cycle 1 to "
        "0.47 Gy/GBq at cycle 3."
    )
    assert _rows(record, text, "endpoint", "value") == [("absorbed dose:kidney", 0.52), ("absorbed dose:kidney", 0.47)]


def test_a_proportion_given_for_one_agent_then_another_after_vs(record):
    text = "Specificity was 0.91 (95% CI 0.84-0.96) for 18F-DCFPyL vs 0.72 (0.61-0.81) for 18F-fluciclovine."
    rows = [(m["arm"], m["value"]) for m in record(text, "18F-DCFPyL versus 18F-fluciclovine PET/CT")["measurements"]]
    assert rows == [("18F-DCFPyL", 0.91), ("18F-fluciclovine", 0.72)]


def test_a_breakdown_or_estimates_without_the_endpoint_take_the_one_before(record):
    text = (
        "Twenty studies of 18F-DCFPyL PET were pooled. The pooled sensitivity was 0.84 (95% CI 0.78-0.89). "
        "By region, it was 0.91 for the prostate bed and 0.72 for bone. "
        "Reader-specific estimates were 0.80 and 0.86."
    )
    rows = [(m["endpoint"], m["value"]) for m in record(text, "A meta-analysis of 18F-DCFPyL PET")["measurements"]]
    assert rows == [("sensitivity", 0.84), ("sensitivity", 0.91), ("sensitivity", 0.72), ("sensitivity", 0.8),
                    ("sensitivity", 0.86)]  # fmt: skip


def test_a_count_of_patients_who_developed_an_event_with_its_grade_written_out(record):
    text = (
        "Twelve men received PSMA CAR-T cells. Four patients developed grade 3 or higher cytokine release syndrome, "
        "and one patient developed G3 renal toxicity."
    )
    assert _rows(record, text, "endpoint", "value") == [("AE:CRS", 4.0), ("AE:nephrotoxicity", 1.0)]


def test_counts_of_events_written_n_equals_after_them(record):
    text = (
        "Thirty men received 177Lu-PSMA-I&T. Grade 3 adverse events occurred in 9 patients (30%), mostly "
        "neutropenia (n=5) and fatigue (n = 3). In the visceral subgroup (n=12), PSA50 was 40%."
    )
    assert _rows(record, text, "endpoint", "statistic", "value") == [
        ("AE grade>=3", "rate", 30.0),
        ("AE:neutropenia", "count", 5.0),
        ("AE:fatigue", "count", 3.0),
        ("PSA50", "rate", 40.0),  # a subgroup's size is no count
    ]


def test_mean_changes_of_a_quality_of_life_score_in_points(record):
    text = (
        "Men were randomly assigned to 177Lu-PSMA-617 or to cabazitaxel. The mean change in EORTC QLQ-C30 global "
        "health status was +3.5 points with 177Lu-PSMA-617 and -4.0 points with cabazitaxel (difference 7.5 points)."
    )
    rows = _rows(record, text, "endpoint", "arm", "statistic", "value")
    assert rows == [("HRQoL", "177Lu-PSMA-617", "mean", 3.5), ("HRQoL", "cabazitaxel", "mean", -4.0)]


def test_a_table_whose_arm_labels_are_given_before_the_arms_in_brackets(record):
    text = (
        "Men were randomly assigned to arm A (177Lu-PSMA-617, then docetaxel) or arm B (docetaxel alone).\n"
        "Endpoint | Arm A | Arm B\n"
        "PSA50, % | 90 | 80"
    )
    rows = [(m["endpoint"], m["arm"], m["value"]) for m in record(text)["measurements"]]
    assert rows == [("PSA50", "177Lu-PSMA-617 + docetaxel", 90.0), ("PSA50", "docetaxel", 80.0)]


def test_cohorts_of_a_single_arm_study_as_table_columns_stay_parts_of_its_arm(record):
    text = "Thirty men received 177Lu-PSMA-617 at two activities.\nEndpoint | Cohort 1 | Cohort 2\nPSA50, % | 40 | 55"
    rows = [(m["arm"], m["value"]) for m in record(text)["measurements"]]
    assert rows == [("177Lu-PSMA-617, Cohort 1", 40.0), ("177Lu-PSMA-617, Cohort 2", 55.0)]


def test_v_between_two_values_pairs_them_as_versus_does(record):
    # Some journals write "v" for versus: "41% v 22%".
    found = record(
        "Men were randomly assigned to 177Lu-PSMA-I&T or docetaxel. A PSA decline of 50% or more occurred in 41% "
        "(29/71) v 22% (15/69) of patients, and median PSA-PFS was 6.3 v 4.1 months.",
        title="177Lu-PSMA-I&T or docetaxel in taxane-naive mCRPC",
    )
    rows = [(m["endpoint"], m["arm"], m["value"]) for m in found["measurements"]]
    assert rows == [
        ("PSA50", "177Lu-PSMA-I&T", 41.0),
        ("PSA50", "docetaxel", 22.0),
        ("PSA-PFS", "177Lu-PSMA-I&T", 6.3),
        ("PSA-PFS", "docetaxel", 4.1),
    ]


def test_men_alive_without_progression_give_a_progression_free_rate_not_survival(record):
    found = record(
        "Sixty men received 177Lu-PSMA-I&T. At 12 months, 38% were alive without radiographic progression, 22% "
        "remained alive and free of PSA progression and 71% were alive.",
        title="177Lu-PSMA-I&T in mCRPC",
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [
        ("rPFS", 38.0),
        ("PSA-PFS", 22.0),
        ("OS", 71.0),
    ]
    assert found["measurements"][0]["note"] == "12-month"


def test_a_time_that_opens_the_sentence_times_each_of_its_rates(record):
    found = record(
        "Ninety men received 177Lu-PSMA-617 every 6 weeks. By two years, 24% were free of radiographic progression, "
        "35% were free from PSA progression and 52% were alive.",
        title="Long-term outcomes of 177Lu-PSMA-617",
    )
    rows = [(m["endpoint"], m["value"], m.get("note")) for m in found["measurements"]]
    assert rows == [("rPFS", 24.0, "2-year"), ("PSA-PFS", 35.0, "2-year"), ("OS", 52.0, "2-year")]


def test_an_agent_that_opens_the_next_value_does_not_name_the_one_before(record):
    # "X ... in 31/60 (52%) men, Y in 17/60 (28%)": Y is the subject of the second value, not the arm of the first.
    found = record(
        "Sixty men underwent both scans in random order. 68Ga-PSMA-11 localised recurrence in 31/60 (52%) men, "
        "18F-fluciclovine in 17/60 (28%).",
        title="68Ga-PSMA-11 versus 18F-fluciclovine PET/CT after prostatectomy",
    )
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [
        ("68Ga-PSMA-11", 52.0),
        ("18F-fluciclovine", 28.0),
    ]


def test_decimal_commas_are_read_as_points_and_the_evidence_quotes_the_text_as_written():
    text = (
        "Men were randomised to 177Lu-PSMA-I&T or cabazitaxel. Median rPFS was 8,2 vs 5,1 months (HR 0,59 "
        "[0,41; 0,85]; p=0,004), and a PSA decline of ≥50% occurred in 61,3% and 38,8% of 1,204 screened men."
    )
    extraction = extract_document(Document(id="test:1", title="A European trial", sections=(Section(text=text),)))
    found = extraction_record(extraction)
    rows = [(m["endpoint"], m["arm"], m["value"], m["hr"], m["ci_low"], m["ci_high"]) for m in found["measurements"]]
    assert rows == [
        ("rPFS", "177Lu-PSMA-I&T", 8.2, 0.59, 0.41, 0.85),
        ("rPFS", "cabazitaxel", 5.1, None, None, None),
        ("PSA50", "177Lu-PSMA-I&T", 61.3, None, None, None),
        ("PSA50", "cabazitaxel", 38.8, None, None, None),
    ]
    assert found["measurements"][0]["p_value"] == "=0.004"
    assert "HR 0,59 [0,41; 0,85]" in extraction.measurements[0].evidence.sentence


def test_organ_doses_written_value_first_with_a_deviation_each_go_to_the_organ_after_them(record):
    found = record(
        "Absorbed doses per cycle (Gy/GBq, mean ± SD) were 0.52 ± 0.14 for the kidneys, 0.33 ± 0.10 for the parotid "
        "glands and 0.05 ± 0.02 for the red marrow.",
        title="Dosimetry of 177Lu-PSMA-I&T",
    )
    rows = [(m["endpoint"], m["value"]) for m in found["measurements"]]
    assert rows == [
        ("absorbed dose:kidney", 0.52),
        ("absorbed dose:parotid glands", 0.33),
        ("absorbed dose:bone marrow", 0.05),
    ]


def test_values_after_a_label_that_states_their_unit(record):
    # Results pasted as lines "label (unit): X vs Y": the bare numbers take the label's unit.
    found = record(
        "Men were randomised to 177Lu-PNT2002 or an ARPI change. Results (177Lu-PNT2002 vs ARPI change):\n"
        "Median rPFS (mo): 9.5 vs 6.0\n"
        "PSA50 (%): 40.8 vs 18.6",
        title="SPLASH-like results",
    )
    rows = [(m["endpoint"], m["arm"], m["value"], m["unit"]) for m in found["measurements"]]
    assert rows == [
        ("rPFS", "177Lu-PNT2002", 9.5, "months"),
        ("rPFS", "ARPI change", 6.0, "months"),
        ("PSA50", "177Lu-PNT2002", 40.8, "%"),
        ("PSA50", "ARPI change", 18.6, "%"),
    ]


def test_a_confidence_level_written_after_ci_is_read(record):
    found = record(
        "Among 140 men, the per-patient sensitivity of 18F-DCFPyL PET/CT was 47.1% (CI95% 35.0-59.5). Its "
        "specificity was 93.0% (CI 95%: 86.1-97.1).",
        title="18F-DCFPyL PET/CT before prostatectomy",
    )
    intervals = {m["endpoint"]: (m["ci_low"], m["ci_high"], m["ci_level"]) for m in found["measurements"]}
    assert intervals == {"sensitivity": (35.0, 59.5, 95.0), "specificity": (86.1, 97.1, 95.0)}


def test_values_of_an_outcome_that_is_no_endpoint_in_a_clause_of_their_own_are_left_out(record):
    found = record(
        "Men were randomly assigned to 18F-DCFPyL PET/CT or conventional imaging. Management changed in 31% of the "
        "PET group versus 12% of the conventional imaging group, and indeterminate lesions were less common (5% vs "
        "19%).",
        title="PSMA PET or conventional imaging for staging",
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [
        ("management change", 31.0),
        ("management change", 12.0),
    ]


def test_rates_at_a_landmark_named_again_after_a_ratio_are_not_the_values_it_compares(record):
    found = record(
        "Men were randomised to 177Lu-PSMA-I&T or docetaxel. Overall survival favoured 177Lu-PSMA-I&T (HR 0.71, 95% "
        "CI 0.52-0.96), and the 24-month overall survival was 41% versus 28%.",
        title="177Lu-PSMA-I&T or docetaxel",
    )
    rows = [(m["statistic"], m["value"], m["hr"], m.get("note")) for m in found["measurements"]]
    assert rows == [("rate", 41.0, None, "24-month"), ("rate", 28.0, None, "24-month"), ("hr", None, 0.71, None)]
    # ... and so are rates at a landmark in a clause of their own after the ratio.
    clause = record(
        "Men were randomised to 177Lu-PSMA-I&T or docetaxel. Overall survival favoured 177Lu-PSMA-I&T (HR 0.71, 95% "
        "CI 0.52-0.96; p=0.03); at 24 months, 41% versus 28% of men were alive.",
        title="177Lu-PSMA-I&T or docetaxel",
    )
    rows = [(m["statistic"], m["value"], m["hr"], m.get("note")) for m in clause["measurements"]]
    assert rows == [("rate", 41.0, None, "24-month"), ("rate", 28.0, None, "24-month"), ("hr", None, 0.71, None)]


def test_hazard_ratios_in_the_sentence_after_the_medians_go_on_their_arms_medians(record):
    text = (
        "Men with mCRPC were randomly assigned 1:1:1 to arm A (177Lu-PSMA-617 7.4 GBq every 6 weeks), arm B "
        "(177Lu-PSMA-617 plus olaparib) or arm C (cabazitaxel 20 mg/m2). Median rPFS was 8.0 months in arm A, "
        "10.2 months in arm B and 5.1 months in arm C. Against arm C, the hazard ratio for rPFS was 0.70 (95% CI "
        "0.50-0.98) for arm A and 0.55 (95% CI 0.39-0.78; p<0.001) for arm B."
    )
    found = record(text, title="The LUPARIB trial: a randomised phase 2 study")
    rows = [(m["arm"], m["value"], m["hr"], m["ci_low"], m["p_value"]) for m in found["measurements"]]
    assert rows == [
        ("177Lu-PSMA-617", 8.0, 0.70, 0.50, None),
        ("177Lu-PSMA-617 + olaparib", 10.2, 0.55, 0.39, "<0.001"),
        ("cabazitaxel", 5.1, None, None, None),
    ]
    # The evidence of a median that took its ratio from the next sentence spans both sentences.
    start, end = found["measurements"][0]["evidence"]["start"], found["measurements"][0]["evidence"]["end"]
    full = "The LUPARIB trial: a randomised phase 2 study\n" + text
    assert full[start:end].startswith("Median rPFS was 8.0") and full[start:end].endswith("for arm B.")
    # In the medians' own sentence, each ratio goes on the arm it is for, whatever the order.
    same = record(
        "Men with mCRPC were randomly assigned 1:1:1 to arm A (177Lu-PSMA-617 7.4 GBq every 6 weeks), arm B "
        "(177Lu-PSMA-617 plus olaparib) or arm C (cabazitaxel 20 mg/m2). Median rPFS was 8.0, 10.2 and 5.1 months "
        "in arms A, B and C, respectively; against arm C, the hazard ratio was 0.55 (95% CI 0.39-0.78) for arm B "
        "and 0.70 (95% CI 0.50-0.98) for arm A.",
        title="The LUPARIB trial: a randomised phase 2 study",
    )
    assert [(m["value"], m["hr"]) for m in same["measurements"]] == [(8.0, 0.70), (10.2, 0.55), (5.1, None)]
    # One cohort's median and a predictor's ratio are no comparison of arms: each stays a row of its own.
    cohort = record(
        "Sixty men received 177Lu-PSMA-617. Median OS was 14.6 months. A high LDH was associated with shorter OS "
        "(HR 1.52; 95% CI 1.08-2.14)."
    )
    assert [(m["value"], m["hr"]) for m in cohort["measurements"]] == [(14.6, None), (None, 1.52)]


def test_a_decline_of_another_size_and_a_duration_that_defines_a_group_are_thresholds(record):
    text = (
        "Forty men received 177Lu-PSMA-I&T. A PSA decline of 50% or more occurred in 24 (60%), and 11 (28%) had a "
        "PSA fall of 70% or more. Men whose PSA-PFS on a previous ARPI had lasted 12 months or longer had a median "
        "OS of 19.2 months."
    )
    assert _rows(record, text, "endpoint", "statistic", "value") == [
        ("PSA50", "rate", 60.0),
        ("OS", "median", 19.2),
    ]


def test_a_duration_in_words_is_a_value_when_a_result_is_stated_not_a_window(record):
    text = (
        "Twenty-six men were treated with 225Ac-PSMA-617 every eight weeks for six months. Median rPFS was seven and "
        "a half months, and median overall survival was eleven months."
    )
    assert _rows(record, text, "endpoint", "statistic", "value", "unit") == [
        ("rPFS", "median", 7.5, "months"),
        ("OS", "median", 11.0, "months"),
    ]


def test_a_percentage_in_words_is_a_value_unless_it_is_a_threshold(record):
    # Journals spell out a number that opens a sentence: "Forty-one percent ...".
    found = record(
        "Ninety men received 225Ac-PSMA-617. Forty-one percent had a PSA decline of at least 50%, and grade 3 "
        "anaemia occurred in twelve per cent. An objective response, a shrinkage of more than thirty percent, was "
        "seen in 22%.",
        title="225Ac-PSMA-617 after 177Lu-PSMA-617",
    )
    assert [(m["endpoint"], m["value"], m["unit"]) for m in found["measurements"]] == [
        ("PSA50", 41.0, "%"),
        ("AE:anemia", 12.0, "%"),
        ("ORR", 22.0, "%"),
    ]


def test_an_adverse_event_denied_after_it_is_named_is_a_negated_finding(record):
    found = record(
        "Thirty men received 177Lu-PSMA-I&T. Febrile neutropenia was not observed, and renal toxicity of grade 3 "
        "did not occur. Xerostomia was not seen in the first cycle but affected 40% later.",
        title="177Lu-PSMA-I&T safety",
    )
    negated = sorted(m["endpoint"] for m in found["measurements"] if m.get("negated"))
    assert negated == ["AE:febrile neutropenia", "AE:nephrotoxicity"]


def test_a_denied_maximum_tolerated_dose_is_an_mtd_not_reached_said_once(record):
    found = record(
        "Twenty-four men received ARX517 at 0.32 to 2.88 mg/kg every 3 weeks. No maximum tolerated dose was "
        "identified. Conclusion: escalation did not reach an MTD.",
        title="A phase 1 study of ARX517",
    )
    mtd = [m for m in found["measurements"] if m["endpoint"] == "MTD"]
    assert [(m["arm"], m["value"], m.get("note"), m.get("negated", False)) for m in mtd] == [
        ("ARX517", None, "not reached", False)
    ]


def test_a_pair_of_values_after_whereas_is_named_by_its_own_clause(record):
    found = record(
        "Men were randomised to 177Lu-PSMA-617 or cabazitaxel. Cabazitaxel caused more diarrhoea (19% v 5%), whereas "
        "177Lu-PSMA-617 caused more dry mouth (60% v 21%).",
        title="177Lu-PSMA-617 or cabazitaxel",
    )
    rows = [(m["endpoint"], m["arm"], m["value"]) for m in found["measurements"]]
    assert rows == [
        ("AE:diarrhea", "cabazitaxel", 19.0),
        ("AE:diarrhea", "177Lu-PSMA-617", 5.0),
        ("AE:dry mouth", "177Lu-PSMA-617", 60.0),
        ("AE:dry mouth", "cabazitaxel", 21.0),
    ]


def test_a_bare_list_set_against_a_run_of_endpoints_takes_them_in_order_for_the_other_arm(record):
    found = record(
        "Seventy men had both scans before prostatectomy. On a per-node basis, 18F-DCFPyL reached a sensitivity of "
        "61% (95% CI 48-73) and a specificity of 95% (95% CI 91-98), whereas 18F-fluorocholine reached 37% (95% CI "
        "25-50) and 93% (95% CI 88-96).",
        title="18F-DCFPyL versus 18F-fluorocholine for nodal staging",
    )
    rows = [(m["endpoint"], m["arm"], m["value"], m["ci_low"]) for m in found["measurements"]]
    assert rows == [
        ("sensitivity", "18F-DCFPyL", 61.0, 48.0),
        ("specificity", "18F-DCFPyL", 95.0, 91.0),
        ("sensitivity", "18F-fluorocholine", 37.0, 25.0),
        ("specificity", "18F-fluorocholine", 93.0, 88.0),
    ]


def test_shares_named_before_their_endpoint_across_respectively_or_an_arm(record):
    found = record(
        "Men were randomly assigned to 177Lu-PSMA-I&T or enzalutamide. At 18 months, 58.0% and 41.5% of the men, "
        "respectively, were alive without radiographic progression. At 12 months, 66% of men in the radioligand arm "
        "were free of PSA progression, whereas only 45% of those on enzalutamide were.",
        title="177Lu-PSMA-I&T or enzalutamide",
    )
    rows = [(m["endpoint"], m["arm"], m["value"]) for m in found["measurements"]]
    assert rows == [
        ("rPFS", "177Lu-PSMA-I&T", 58.0),
        ("rPFS", "enzalutamide", 41.5),
        ("PSA-PFS", "177Lu-PSMA-I&T", 66.0),
        ("PSA-PFS", "enzalutamide", 45.0),
    ]


def test_an_adverse_event_denied_only_in_one_setting_is_no_negated_finding(record):
    found = record(
        "Twenty-two men received JNJ-63898081. Grade 3 cytokine release syndrome was not observed with subcutaneous "
        "dosing.",
        title="A PSMA bispecific given two ways",
    )
    assert [m["endpoint"] for m in found["measurements"] if m.get("negated")] == []


def test_a_median_not_reached_in_either_arm_is_one_not_reached_per_arm(record):
    text = (
        "Men with mHSPC were randomly assigned to 177Lu-PSMA-I&T plus ADT or to ADT alone. After 20 months, the "
        "median metastasis-free survival had not yet been reached in either group (HR 0.61, 95% CI 0.45-0.83). "
        "Median overall survival was not reached in the 177Lu-PSMA-I&T arm."
    )
    assert _rows(record, text, "endpoint", "arm", "note", "hr") == [
        ("MFS", "177Lu-PSMA-I&T + androgen deprivation therapy", "not reached", 0.61),
        ("MFS", "androgen deprivation therapy", "not reached", None),
        ("OS", "177Lu-PSMA-I&T + androgen deprivation therapy", "not reached", None),
    ]


def test_an_odds_ratio_of_shares_whose_outcome_is_unknown_takes_no_earlier_endpoint(record):
    text = (
        "Men were randomly assigned to 177Lu-PSMA-617 plus enzalutamide or enzalutamide alone. PSA50 responses "
        "occurred in 61% versus 38%. The corresponding odds ratio was 2.55 (95% CI 1.60-4.07). A PSA nadir below "
        "0.1 ng/mL was achieved by 58% versus 31% (odds ratio 3.07, 95% CI 1.90-4.96)."
    )
    assert _rows(record, text, "endpoint", "statistic", "value") == [
        ("PSA50", "rate", 61.0),
        ("PSA50", "rate", 38.0),
        ("PSA50", "or", 2.55),  # a ratio with no shares of its own compares the previous sentence's
    ]


def test_grade_3_treatment_related_events_without_adverse_are_the_severe_related_events(record):
    text = (
        "Eighteen men received 177Lu-XN-37 every eight weeks. Treatment-related events of grade 3 were recorded in "
        "two men (11.1%), mostly dry mouth and nausea of grade 1-2 otherwise."
    )
    assert _rows(record, text, "endpoint", "value") == [("TRAE grade>=3", 11.1)]


def test_the_intended_treatment_changed_is_a_management_change(record):
    text = (
        "After 18F-DCFPyL PET/CT in 150 men with a rising PSA, the intended therapy was altered in 61 men (40.7%); "
        "the planned radiotherapy was modified in 22 (14.7%)."
    )
    assert _rows(record, text, "endpoint", "value", "unit") == [
        ("management change", 40.7, "%"),
        ("management change", 14.7, "%"),
    ]


def test_score_changes_written_with_their_sign_and_no_unit(record):
    text = (
        "Men were randomised to 177Lu-PSMA-I&T or to docetaxel. At week 18 the mean change from baseline in the "
        "FACT-P total score was +3.4 with 177Lu-PSMA-I&T and -5.9 with docetaxel."
    )
    assert _rows(record, text, "endpoint", "arm", "value", "unit") == [
        ("HRQoL", "177Lu-PSMA-I&T", 3.4, "points"),
        ("HRQoL", "docetaxel", -5.9, "points"),
    ]


def test_genitourinary_and_gastrointestinal_toxicity_of_grade_2_or_higher(record):
    text = (
        "In 96 men given 177Lu-PSMA-617 before salvage radiotherapy, late grade ≥2 genitourinary toxicity occurred "
        "in 13.5% and grade 2 or higher GI toxicity in 3.1%; grade ≥3 anaemia was seen in 2.1%."
    )
    rows = [(m["endpoint"], m["value"], m.get("grade")) for m in record(text)["measurements"]]
    assert rows == [
        ("AE:genitourinary toxicity", 13.5, ">=2"),
        ("AE:gastrointestinal toxicity", 3.1, ">=2"),
        ("AE:anemia", 2.1, ">=3"),
    ]


def test_a_dose_declared_both_the_mtd_and_the_rp2d_is_the_mtd(record):
    text = (
        "Fifteen men received 227Th-XPC-4 at 1.5, 3.0 or 4.5 MBq/kg. DLTs: 0/3, 1/6 and 2/6. MTD and RP2D: 3.0 "
        "MBq/kg. In a second study the MTD was 6.0 MBq/kg and RP2D 4.5 MBq/kg."
    )
    assert [(m["value"], m["unit"]) for m in record(text)["measurements"] if m["endpoint"] == "MTD"] == [
        (3.0, "MBq/kg"),
        (6.0, "MBq/kg"),
    ]


def test_lesions_detected_out_of_a_reference_count_give_a_lesion_level_detection_rate(record):
    text = (
        "Thirty men had 99mTc-PSMA-I&S SPECT/CT and 68Ga-PSMA-11 PET/CT on the same day. On a lesion basis, "
        "SPECT/CT detected 96 of 141 PET-avid lesions (68.1%)."
    )
    assert _rows(record, text, "endpoint", "value", "note") == [("detection rate", 68.1, "lesion level")]


def test_counts_of_the_lesions_a_sentence_opens_with_are_each_scans_detection_rate(record):
    text = (
        "Thirty men with recurrent disease had 68Ga-PSMA-11 PET/CT and 18F-FDG PET/CT within a week. Of 318 lesions "
        "confirmed at follow-up, 68Ga-PSMA-11 PET/CT detected 271 (85.2%) and 18F-FDG PET/CT 190 (59.7%)."
    )
    assert _rows(record, text, "endpoint", "arm", "value") == [
        ("detection rate", "68Ga-PSMA-11", 85.2), ("detection rate", "18F-FDG", 59.7),
    ]  # fmt: skip
    # Without such an opening, a count found and its share are no detection rate.
    assert _rows(record, text.replace("Of 318 lesions confirmed at follow-up", "In 2021"), "endpoint") == []


def test_more_accurate_names_the_accuracy_of_the_pair_after_it(record):
    text = (
        "In 200 men scanned with both, 18F-DCFPyL PET/CT was more accurate than 18F-fluciclovine PET/CT for nodal "
        "staging: 87% versus 71% (p=0.002)."
    )
    assert _rows(record, text, "endpoint", "arm", "value") == [
        ("accuracy", "18F-DCFPyL", 87.0),
        ("accuracy", "18F-fluciclovine", 71.0),
    ]


def test_a_p_value_after_two_values_of_one_endpoint_each_a_group_of_its_own_goes_on_the_first(record):
    text = (
        "Twenty-four men had SPECT/CT dosimetry after each cycle of 177Lu-PSMA-I&T. The mean tumour dose dropped "
        "from 4.2 Gy/GBq (range 0.9-15.1) after cycle 1 to 2.6 Gy/GBq (range 0.4-9.8) after cycle 3 (p=0.002)."
    )
    assert _rows(record, text, "endpoint", "value", "p_value") == [
        ("absorbed dose:tumor", 4.2, "=0.002"),
        ("absorbed dose:tumor", 2.6, None),
    ]


def test_an_interval_without_its_level_has_the_level_stated_before_it(record):
    text = (
        "In 140 men with high-risk disease, 18F-PSMA-1007 PET/CT had a sensitivity of 81.2% (95% CI 70.1-89.6) and "
        "a specificity of 97.0% (92.4-99.2) for nodal metastases. Its PPV was 91.0% (80.4-96.9)."
    )
    assert _rows(record, text, "endpoint", "ci_low", "ci_level") == [
        ("sensitivity", 70.1, 95.0),
        ("specificity", 92.4, 95.0),
        ("PPV", 80.4, 95.0),
    ]


def test_survival_compared_without_its_name_is_overall_survival(record):
    text = (
        "In 260 men given 225Ac-PSMA-617 in routine care, those with liver metastases had poorer survival than "
        "the others (6.3 versus 12.8 months; HR 2.10, 95% CI 1.40-3.15). Treatment was stopped prematurely "
        "because of toxicity in 4.2%."
    )
    assert _rows(record, text, "endpoint", "value", "hr") == [
        ("OS", 6.3, 2.1),
        ("OS", 12.8, None),
        ("other:discontinuation due to adverse events", 4.2, None),
    ]


def test_a_ratio_whose_words_run_long_before_its_verb_is_still_read(record):
    # The method of adjustment sits between "HR" and its value; the ratio is read up to the verb right before it.
    found = record(
        "Men were randomised to 177Lu-PSMA-I&T or enzalutamide. For overall survival the hazard ratio adjusted for "
        "switching by inverse probability of censoring weights was 0.71 (95% CI 0.50-1.01).",
        title="177Lu-PSMA-I&T versus enzalutamide",
    )
    ratios = [(m["endpoint"], m["hr"], m["ci_low"]) for m in found["measurements"] if m["statistic"] == "hr"]
    assert ratios == [("OS", 0.71, 0.5)]


def test_rates_whose_time_closes_the_clause_after_a_ratio_are_landmark_rates_without_it(record):
    found = record(
        "Men were randomised to 177Lu-PSMA-I&T or docetaxel. Radiographic progression-free survival was longer with "
        "177Lu-PSMA-I&T (HR 0.70; 95% CI 0.55-0.90), with 41% versus 27% of patients free of progression at 18 months.",
        title="177Lu-PSMA-I&T versus docetaxel",
    )
    rows = [(m["statistic"], m["value"], m["hr"], m.get("note")) for m in found["measurements"]]
    assert ("rate", 41.0, None, "18-month") in rows and ("rate", 27.0, None, "18-month") in rows
    assert ("hr", None, 0.7, None) in rows


def test_the_denominator_of_a_fraction_in_a_list_of_fractions_is_no_count(record):
    found = record(
        "Eleven men received 225Ac-PSMA-617 at two activity levels. A PSA decline of 50% or more occurred in 2 of 5 "
        "and 4 of 6 men.",
        title="A dose-escalation study",
    )
    counts = [m["value"] for m in found["measurements"] if m["endpoint"] == "PSA50"]
    assert counts == [2.0, 4.0]


def test_a_ratio_given_per_unit_of_a_continuous_factor_is_read(record):
    found = record(
        "We reviewed 140 men treated with 177Lu-PSMA-617 for overall survival. Baseline PSA predicted shorter "
        "overall survival (HR per doubling 1.21; 95% CI 1.08-1.35)."
    )
    assert [(m["endpoint"], m["hr"]) for m in found["measurements"] if m["statistic"] == "hr"] == [("OS", 1.21)]


def test_the_grade_of_an_adverse_event_comes_from_its_clause_its_list_or_its_silence(record):
    found = record(
        "Forty men received 225Ac-PSMA-I&T. Xerostomia affected 75% of men and reached grade 3 in 5%. Grade ≥3 "
        "adverse events occurred in 30%; the most common were anaemia (15%) and leukopenia (10%). Grade 3 "
        "thrombocytopenia developed in 3 men and grade 2 nausea in 6. Safety: fatigue any G 40%; G≥3 anemia 15%. "
        "Grade 3 or 4 neutropenia occurred in 20%, diarrhoea in 8% and pneumonitis in 3%. Leukopenia of grade 3 or "
        "higher was seen in 11%, and any-grade peripheral neuropathy in 27%."
    )
    grades = {(m["endpoint"], m["value"]): m.get("grade") for m in found["measurements"]}
    assert grades[("AE:dry mouth", 75.0)] == "any"  # the grade after the value breaks the total down
    assert grades[("AE:dry mouth", 5.0)] == "3"  # ... into the events of that grade
    assert grades[("AE:anemia", 15.0)] == ">=3"  # listed after a total of grade 3 or higher
    assert grades[("AE:leukopenia", 10.0)] == ">=3"
    assert grades[("AE:thrombocytopenia", 3.0)] == "3"  # written right before the event
    assert grades[("AE:nausea", 6.0)] == "2"
    assert grades[("AE:fatigue", 40.0)] == "any"  # congress shorthand, its own clause
    assert grades[("AE:diarrhea", 8.0)] == grades[("AE:pneumonitis", 3.0)] == ">=3"  # items of a graded list
    assert grades[("AE:peripheral neuropathy", 27.0)] == "any"  # the nearest grade, not the earlier event's


def test_figures_a_background_section_cites_from_earlier_trials_are_not_this_studys_results(record):
    found = record(
        "Background: In PSMAfore, median rPFS was 12.0 versus 5.6 months with 177Lu-PSMA-617 versus an ARPI change.\n"
        "Methods: Forty men received 177Lu-PSMA-I&T.\n"
        "Results: Median rPFS was 8.1 months."
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("rPFS", 8.1)]
    # A lone heading that opens an unstructured abstract heads all of it: its results stay.
    lone = record("Rationale: PARP inhibition may help. Forty men received 177Lu-PSMA-I&T. Median rPFS was 8.1 months.")
    assert [(m["endpoint"], m["value"]) for m in lone["measurements"]] == [("rPFS", 8.1)]


def test_a_sentence_that_names_the_last_result_by_a_pronoun_gives_its_values(record):
    found = record(
        "Thirty men received 177Lu-PSMA-I&T with dosimetry. The mean kidney absorbed dose was 0.61 Gy/GBq. It was "
        "higher in men with an eGFR below 60 mL/min than in the others (0.78 vs 0.55 Gy/GBq; p=0.01)."
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [
        ("absorbed dose:kidney", 0.61), ("absorbed dose:kidney", 0.78), ("absorbed dose:kidney", 0.55)
    ]  # fmt: skip


def test_a_grade_written_after_the_events_words_grades_them(record):
    text = (
        "We treated 45 men with 177Lu-PSMA-617. Cytokine release syndrome of grade 2 or higher occurred in 11%, and"
        " thrombocytopenia of grade 3 or worse in 9%. Anaemia, grade ≥3, was seen in 7%."
    )
    assert [(m["endpoint"], m["value"], m["grade"]) for m in record(text)["measurements"]] == [
        ("AE:CRS", 11.0, ">=2"), ("AE:thrombocytopenia", 9.0, ">=3"), ("AE:anemia", 7.0, ">=3"),
    ]  # fmt: skip


def test_grades_in_telegraphic_lists_breakdowns_and_lists_by_grade(record):
    text = (
        "We treated 52 men with 177Lu-PSMA-I&T.\n"
        "Tox: ≥G3 anaemia 9.6%, thrombocytopenia 5.8%.\n"
        "Grade 3-4 haematological toxicity occurred in 9 patients (17.3%): neutropenia 4 (7.7%) and lymphopenia 5"
        " (9.6%).\n"
        "Fatigue by grade: grade 1-2, 20 (38.5%); grade 3, 2 (3.8%)."
    )
    assert [(m["endpoint"], m["value"], m.get("grade")) for m in record(text)["measurements"]] == [
        ("AE:anemia", 9.6, ">=3"), ("AE:thrombocytopenia", 5.8, ">=3"), ("AE:hematologic toxicity", 17.3, ">=3"),
        ("AE:neutropenia", 7.7, ">=3"), ("AE:lymphopenia", 9.6, ">=3"), ("AE:fatigue", 38.5, None),
        ("AE:fatigue", 3.8, "3"),
    ]  # fmt: skip


def test_a_table_copied_from_a_pdf_with_columns_kept_apart_by_spaces(record):
    text = (
        "Ninety men with rising PSA after prostatectomy had 18F-DCFPyL and 68Ga-PSMA-11 PET/CT.\n"
        "Table 1  Detection by region\n"
        "Region           18F-DCFPyL      68Ga-PSMA-11\n"
        "Prostate bed     25 (27.8%)      19 (21.1%)\n"
        "Pelvic nodes     33 (36.7%)      30 (33.3%)\n"
        "Any region       61 (67.8%)      55 (61.1%)\n"
        "Median OS was 15.3 months.  The HR was 0.62.  Grade 3 events were rare."
    )
    rows = [(m["arm"], m["value"]) for m in record(text)["measurements"] if m["endpoint"] == "detection rate"]
    assert rows == [
        ("18F-DCFPyL, Prostate bed", 27.8), ("68Ga-PSMA-11, Prostate bed", 21.1),
        ("18F-DCFPyL, Pelvic nodes", 36.7), ("68Ga-PSMA-11, Pelvic nodes", 33.3),
        ("18F-DCFPyL", 67.8), ("68Ga-PSMA-11", 61.1),
    ]  # fmt: skip


def test_the_median_of_a_measure_no_endpoint_names_is_not_the_previous_endpoints(record):
    text = (
        "We randomised 300 men to 177Lu-PSMA-617 plus ADT or ADT alone. Median PSA progression-free survival was 28.2"
        " versus 19.6 months (HR 0.63; 95% CI 0.45-0.88), and median time to castration resistance was 30.1 versus"
        " 21.0 months (HR 0.61; 95% CI 0.43-0.86). For pain, median time to worsening was 6.1 versus 3.9 months."
    )
    rows = [(m["endpoint"], m["value"], m["hr"]) for m in record(text)["measurements"]]
    assert rows == [
        ("PSA-PFS", 28.2, 0.63), ("PSA-PFS", 19.6, None), ("pain", 6.1, None), ("pain", 3.9, None),
    ]  # fmt: skip


def test_a_ci_after_the_patients_a_share_counts_is_the_shares(record):
    text = (
        "We treated 38 men with 161Tb-PSMA-I&T. A PSA decline of 50% or more occurred in 47% of patients (95% CI, 31"
        " to 64)."
    )
    rows = [(m["value"], m["ci_low"], m["ci_high"]) for m in record(text)["measurements"]]
    assert rows == [(47.0, 31.0, 64.0)]


def test_events_a_bracket_details_after_dlts_are_the_dlts_and_their_one_dose_level(record):
    text = (
        "We treated 24 men with 212Pb-NG001 in a phase 1 study. Dose-limiting toxicities (thrombocytopenia and acute"
        " kidney injury) occurred in two men, both at 120 kBq/kg."
    )
    assert [(m["endpoint"], m["value"], m["arm"]) for m in record(text)["measurements"]] == [
        ("DLT", 2.0, "212Pb-NG001, 120 kBq/kg")
    ]


def test_a_table_of_events_by_grade_whose_title_says_its_numbers_are_shares(record):
    text = (
        "We treated 50 men with 225Ac-PSMA-617. Haematological toxicity by CTCAE grade (% of patients):\n"
        "Toxicity\tGrade 1-2\tGrade 3\tGrade 4\n"
        "Anaemia\t40\t12\t2\n"
        "Adverse events reported in at least 10% of patients were fatigue (34%) and nausea (18%)."
    )
    rows = [(m["endpoint"], m["value"], m.get("grade")) for m in record(text)["measurements"]]
    assert rows == [
        ("AE:anemia", 40.0, "1-2"), ("AE:anemia", 12.0, "3"), ("AE:anemia", 2.0, "4"),
        ("AE:fatigue", 34.0, "any"), ("AE:nausea", 18.0, "any"),
    ]  # fmt: skip


def test_a_spaced_table_whose_heading_row_is_indented_past_the_first_column_under_a_title_and_a_blank_line(record):
    text = (
        "Eighteen men received CAR T cells at two dose levels. Cytokine release syndrome, n (%):\n"
        "\n"
        "                   DL1 (n=6)    DL2 (n=12)\n"
        "CRS, any grade     3 (50)       10 (83)\n"
        "CRS, grade ≥3      –            3 (25)\n"
    )
    rows = [(m["arm"], m["value"], m.get("grade")) for m in record(text)["measurements"]]
    assert [(arm.split(", ")[-1], value, grade) for arm, value, grade in rows] == [
        ("DL1", 50.0, "any"), ("DL2", 83.0, "any"), ("DL2", 25.0, ">=3"),
    ]  # fmt: skip


def test_a_table_of_readers_whose_columns_name_the_metrics_in_shares_with_fractions_or_proportions(record):
    text = (
        "Two readers read 90 18F-DCFPyL PET/CT scans before prostatectomy.\n"
        "Table 1. Per-patient performance, % (n/N)\n"
        "Reader | Sensitivity | Specificity\n"
        "Reader 1 | 48 (12/25) | 94 (61/65)\n"
        "Reader 2 | 40 (10/25) | 91 (59/65)\n"
        "Table 2. Per-lesion performance\n"
        "Reader | Sensitivity | Specificity\n"
        "1 | 0.71 | 0.96\n"
        "2 | 0.66 | 0.93\n"
    )
    rows = [(m["endpoint"], m["arm"].split(", ")[-1], m["value"], m["unit"]) for m in record(text)["measurements"]]
    assert rows == [
        ("sensitivity", "Reader 1", 48.0, "%"), ("specificity", "Reader 1", 94.0, "%"),
        ("sensitivity", "Reader 2", 40.0, "%"), ("specificity", "Reader 2", 91.0, "%"),
        ("sensitivity", "Reader 1", 0.71, "proportion"), ("specificity", "Reader 1", 0.96, "proportion"),
        ("sensitivity", "Reader 2", 0.66, "proportion"), ("specificity", "Reader 2", 0.93, "proportion"),
    ]  # fmt: skip


def test_a_table_whose_rows_are_the_compared_modalities_with_values_and_their_cis(record):
    text = (
        "Fifty men had 68Ga-PSMA-11 PET/CT and mpMRI before prostatectomy.\n"
        "Table 1. Per-patient performance, value (95% CI)\n"
        "Modality | Sensitivity | Specificity\n"
        "68Ga-PSMA-11 PET/CT | 0.82 (0.70-0.90) | 0.91 (0.85-0.95)\n"
        "mpMRI | 0.74 (0.61-0.84) | 0.88 (0.81-0.93)\n"
    )
    rows = [(m["endpoint"], m["arm"], m["value"], m["ci_low"], m["ci_high"], m["ci_level"])
            for m in record(text)["measurements"]]  # fmt: skip
    assert rows == [
        ("sensitivity", "68Ga-PSMA-11", 0.82, 0.70, 0.90, 95.0),
        ("specificity", "68Ga-PSMA-11", 0.91, 0.85, 0.95, 95.0),
        ("sensitivity", "multiparametric MRI", 0.74, 0.61, 0.84, 95.0),
        ("specificity", "multiparametric MRI", 0.88, 0.81, 0.93, 95.0),
    ]  # fmt: skip


def test_a_table_row_of_a_modality_no_entity_names_is_an_arm_by_its_label(record):
    text = (
        "Thirty men had 18F-DCFPyL PET/CT and MRI of the pelvis before surgery.\n"
        "Table 2. Nodal staging per patient, value (95% CI)\n"
        "Modality | Sensitivity | Specificity\n"
        "18F-DCFPyL PET/CT | 0.77 (0.62-0.88) | 0.95 (0.87-0.99)\n"
        "MRI | 0.52 (0.37-0.67) | 0.90 (0.80-0.96)\n"
    )
    rows = [(m["endpoint"], m["arm"], m["value"]) for m in record(text)["measurements"]]
    assert rows == [
        ("sensitivity", "18F-DCFPyL", 0.77), ("specificity", "18F-DCFPyL", 0.95),
        ("sensitivity", "MRI", 0.52), ("specificity", "MRI", 0.90),
    ]  # fmt: skip


def test_a_margin_in_a_rule_of_what_was_to_be_declared_is_planned(record):
    text = (
        "Men were randomised to 177Lu-PSMA-617 every 6 weeks or every 8 weeks. Non-inferiority was to be declared if"
        " the upper bound of the 90% CI of the hazard ratio for death was below 1.25."
    )
    assert [m["status"] for m in record(text)["measurements"]] in ([], ["planned"])


def test_list_items_give_one_value_to_each_endpoint_their_head_names(record):
    text = (
        "In a registry, 420 men received 177Lu-PSMA-617. Outcomes by baseline pattern (PSA50; median OS):\n"
        "- bone-only disease (n=160): 52.5%; 16.2 months\n"
        "- lymph node-only disease (n=70): 61.4%; 21.0 months"
    )
    found = [(m["endpoint"], m["value"]) for m in record(text)["measurements"]]
    assert found == [("PSA50", 52.5), ("OS", 16.2), ("PSA50", 61.4), ("OS", 21.0)]


def test_a_band_written_without_its_unit_before_a_colon_is_no_ratio(record):
    text = (
        "We imaged 150 men with 18F-PSMA-1007 PET/CT. The detection rate was 80.0%. By PSA level (ng/mL):\n"
        "• <0.5: 41.7% (10/24)\n"
        "• 0.5 to <2: 78.6% (44/56)"
    )
    found = [m["value"] for m in record(text)["measurements"] if m["endpoint"] == "detection rate"]
    assert found == [80.0, 41.7, 78.6]


def test_a_table_of_subgroups_with_a_hazard_ratio_column_under_a_caption_naming_the_endpoint(record):
    text = (
        "In the randomised trial, 177Lu-PSMA-617 improved rPFS over cabazitaxel (HR 0.63, 95% CI 0.46-0.86)."
        " rPFS by subgroup:\n"
        "Subgroup\tn\tHR (95% CI)\n"
        "Visceral metastases\t41\t0.92 (0.45-1.88)\n"
        "No visceral metastases\t159\t0.57 (0.40-0.81)"
    )
    found = [
        (m["arm"], m["hr"], m["ci_low"], m["ci_high"], m["ci_level"])
        for m in record(text)["measurements"]
        if m["statistic"] == "hr" and ", " in m["arm"]
    ]
    assert found == [
        ("177Lu-PSMA-617, Visceral metastases", 0.92, 0.45, 1.88, 95),
        ("177Lu-PSMA-617, No visceral metastases", 0.57, 0.4, 0.81, 95),
    ]


def test_an_interval_named_ic_as_french_spanish_and_italian_write_it(record):
    text = (
        "We treated 120 men with 177Lu-PSMA-I&T or cabazitaxel. Median OS was 14,1 vs 12,0 months (HR 0,81;"
        " IC95% 0,58-1,13)."
    )
    found = [(m["hr"], m["ci_low"], m["ci_high"], m["ci_level"]) for m in record(text)["measurements"] if m["hr"]]
    assert found == [(0.81, 0.58, 1.13, 95)]
    assert all(m["value"] != 95 for m in record(text)["measurements"])


def test_a_second_run_of_values_set_against_the_first_takes_its_endpoints_in_turn(record):
    text = (
        "We treated 131 men with 177Lu-PSMA-617. Men with low LDH had a PSA50 response in 58.2% and a median OS of"
        " 17.9 months, whereas men with high LDH had 30.4% and 9.6 months."
    )
    found = [(m["endpoint"], m["value"], m["arm"]) for m in record(text)["measurements"]]
    assert found == [
        ("PSA50", 58.2, "177Lu-PSMA-617, low LDH"),
        ("PSA50", 30.4, "177Lu-PSMA-617, high LDH"),
        ("OS", 17.9, "177Lu-PSMA-617, low LDH"),
        ("OS", 9.6, "177Lu-PSMA-617, high LDH"),
    ]


def test_a_table_column_of_p_values_without_their_letter_and_a_ratio_column_of_a_stated_level(record):
    text = (
        "Men were randomised to 177Lu-PSMA-617 or docetaxel. Results:\n"
        "Outcome | 177Lu-PSMA-617 | Docetaxel | HR (90% CI) | p\n"
        "PSA50 response, % | 58 | 41 | - | 0.012\n"
        "OS, median, months | 17.2 | 15.9 | 0.88 (0.69-1.12) | <0.001"
    )
    found = [(m["endpoint"], m["value"], m["p_value"], m["ci_level"]) for m in record(text)["measurements"]]
    assert found == [
        ("PSA50", 58.0, "=0.012", None),
        ("PSA50", 41.0, None, None),
        ("OS", 17.2, "<0.001", 90),
        ("OS", 15.9, None, None),
    ]


def test_a_bare_range_after_the_second_median_of_a_pair_is_its_confidence_interval(record):
    text = (
        "We randomly assigned 180 men 1:1 to 177Lu-PSMA-617 or docetaxel. Median rPFS was 9.1 months (95% CI "
        "7.4-11.0) with 177Lu-PSMA-617 and 5.6 months (4.2-7.1) with docetaxel. Median follow-up was 18.0 months "
        "(11.5-24.2)."
    )
    rows = [(m["value"], m["arm"], m["ci_low"], m["ci_high"], m["ci_level"]) for m in record(text)["measurements"]]
    assert rows == [(9.1, "177Lu-PSMA-617", 7.4, 11.0, 95.0), (5.6, "docetaxel", 4.2, 7.1, 95.0)]


def test_the_share_an_event_made_stop_is_no_share_with_the_event(record):
    text = (
        "We compared 60 men given 225Ac-PSMA-617 with 60 matched men given 177Lu-PSMA-617. Xerostomia of any grade "
        "was reported in 79% versus 31% and led 9% of the 225Ac-PSMA-617 cohort to stop treatment."
    )
    found = record(text, title="225Ac-PSMA-617 versus 177Lu-PSMA-617: a matched comparison")
    rows = [(m["endpoint"], m["value"], m["arm"]) for m in found["measurements"]]
    assert rows == [("AE:dry mouth", 79.0, "225Ac-PSMA-617"), ("AE:dry mouth", 31.0, "177Lu-PSMA-617")]


def test_a_share_given_with_its_count_that_an_event_made_stop_and_a_share_that_stopped_for_toxicity(record):
    text = (
        "Forty men received 225Ac-PSMA-617. Dry mouth occurred in 30 men (75%) and led 4 (10%) to stop treatment; "
        "in all, 15% of patients discontinued treatment because of toxicity."
    )
    rows = [(m["endpoint"], m["value"]) for m in record(text)["measurements"]]
    assert rows == [("AE:dry mouth", 75.0), ("other:discontinuation due to adverse events", 15.0)]


def test_events_described_in_an_aside_after_all_they_were_leave_the_value_to_the_total(record):
    text = (
        "Thirty men received 161Tb-PSMA-I&T. Grade 3 treatment-related events, all haematological and mostly "
        "lymphopenia, occurred in four patients (13%)."
    )
    rows = [(m["endpoint"], m["value"]) for m in record(text)["measurements"]]
    assert rows == [("TRAE grade>=3", 13.0)]


def test_an_endpoint_told_by_another_after_its_abbreviation_keeps_its_values(record):
    text = (
        "Men with rising PSA had 18F-DCFPyL PET. The primary endpoint was the correct localization rate (CLR), a "
        "per-patient positive predictive value which also needed a matching biopsy; the trial would succeed if the "
        "lower bound of the 95% CI exceeded 20%. The CLR reached 79.5%."
    )
    rows = [(m["endpoint"], m["value"], m["status"]) for m in record(text)["measurements"]]
    assert rows == [("CLR", 20.0, "planned"), ("CLR", 79.5, "reported")]


def test_shares_assumed_for_the_men_of_each_arm_are_planned_values_of_each_arm(record):
    text = (
        "Men were assigned 1:1 to 177Lu-PSMA-617 or to observation. We assumed that 25% of men under observation and "
        "55% of men treated with 177Lu-PSMA-617 would be free of progression at 24 weeks."
    )
    found = record(text, title="177Lu-PSMA-617 versus observation: a randomised phase 2 trial")
    rows = [(m["endpoint"], m["value"], m["arm"], m["status"]) for m in found["measurements"]]
    assert rows == [("PFS", 25.0, "observation", "planned"), ("PFS", 55.0, "177Lu-PSMA-617", "planned")]


def test_a_share_that_had_such_a_decline_is_of_the_response_named_before(record):
    text = (
        "Forty men were randomly assigned 1:1 to 177Lu-PSMA-617 or to docetaxel. In the 177Lu-PSMA-617 group, 12 of 20 "
        "men (60%) had a PSA decline of 50% or more and median progression-free survival was 4.0 months, whereas in "
        "the docetaxel group 8 of 20 (40%) had such a decline and median progression-free survival was 3.9 months."
    )
    found = record(text, title="177Lu-PSMA-617 versus docetaxel: a randomised phase 2 trial")
    assert [(m["endpoint"], m["value"], m["arm"]) for m in found["measurements"]] == [
        ("PSA50", 60.0, "177Lu-PSMA-617"),
        ("PFS", 4.0, "177Lu-PSMA-617"),
        ("PSA50", 40.0, "docetaxel"),
        ("PFS", 3.9, "docetaxel"),
    ]


def test_symptoms_whose_deterioration_is_timed_are_quality_of_life_domains_not_adverse_events(record):
    text = (
        "Men were allocated to 177Lu-PSMA-617 or to cabazitaxel. Time to deterioration of global health status "
        "favoured 177Lu-PSMA-617 (HR 0.70, 95% CI 0.50-0.98), as did time to deterioration of fatigue (HR 0.55, 95% "
        "CI 0.38-0.80) and insomnia (HR 0.64, 95% CI 0.43-0.95). Fatigue of any grade occurred in 41% and 33%."
    )
    rows = [(m["endpoint"], m["value"], m["hr"]) for m in record(text)["measurements"]]
    assert rows == [
        ("HRQoL", None, 0.70), ("HRQoL", None, 0.55), ("HRQoL", None, 0.64),
        ("AE:fatigue", 41.0, None), ("AE:fatigue", 33.0, None),
    ]  # fmt: skip


def test_a_scored_symptom_is_a_quality_of_life_domain_and_with_or_without_denies_nothing(record):
    found = record(
        "Men were assigned to enzalutamide alone or with 177Lu-PSMA-617. The mean change from baseline in the fatigue "
        "score at week 12 was +3.9 points with the combination and +10.2 points with enzalutamide alone.",
        title="Enzalutamide with or without 177Lu-PSMA-617: health-related quality of life",
    )
    rows = [(m["endpoint"], m["value"], m.get("negated", False)) for m in found["measurements"]]
    assert rows == [("HRQoL", 3.9, False), ("HRQoL", 10.2, False)]


def test_a_symptom_of_the_men_at_baseline_is_no_adverse_event_and_score_thresholds_are_no_results(record):
    found = record(
        "We treated 60 men with 225Ac-PSMA-617. Median baseline PSA was 250 ng/mL, and 39 men (65%) had bone pain "
        "requiring opioids. Pain, scored on an 11-point scale, was reassessed 4, 8 and 12 weeks after each cycle. "
        "Global health status improved by 10 points or more in 21 of 55 men (38%). Bone pain of any grade developed "
        "in 12%."
    )
    rows = [(m["endpoint"], m["value"]) for m in found["measurements"]]
    assert rows == [("HRQoL", 38.0), ("AE:bone pain", 12.0)]


def test_proportions_opening_a_bracket_with_their_ci_or_set_against_another_are_values(record):
    text = (
        "We pooled 30 studies of 18F-PSMA-1007 and 68Ga-PSMA-11 PET. Sensitivity was higher with 18F-PSMA-1007 "
        "(0.71, 95% CI 0.60-0.80) than with 68Ga-PSMA-11 (0.57, 95% CI 0.47-0.66), and specificity was similar "
        "(0.94 vs 0.95); the area under the summary ROC curve was 0.91."
    )
    rows = [(m["endpoint"], m["value"], m["arm"]) for m in record(text)["measurements"]]
    assert rows == [
        ("sensitivity", 0.71, "18F-PSMA-1007"), ("sensitivity", 0.57, "68Ga-PSMA-11"),
        ("specificity", 0.94, "18F-PSMA-1007"), ("specificity", 0.95, "68Ga-PSMA-11"),
    ]  # fmt: skip


def test_the_share_of_crossover_named_before_it_is_no_result(record):
    text = (
        "Three randomised trials of 177Lu-PSMA-617 were pooled. The pooled hazard ratio for overall survival was "
        "0.88 (95% CI 0.75-1.03), an estimate diluted by crossover, which exceeded 60% in two trials."
    )
    rows = [(m["endpoint"], m["statistic"], m["value"], m["hr"]) for m in record(text)["measurements"]]
    assert rows == [("OS", "hr", None, 0.88)]


def test_an_outcome_a_clause_opens_with_before_its_pair_in_brackets_is_not_the_endpoint_before(record):
    text = (
        "Men were randomised to conventional imaging or to 68Ga-PSMA-11 PET/CT. Management changed in 14% of men "
        "after conventional imaging and in 27% after 68Ga-PSMA-11 PET/CT, and uncertain findings were less frequent "
        "with 68Ga-PSMA-11 PET/CT (6% vs 21%)."
    )
    found = record(text, title="68Ga-PSMA-11 PET/CT versus conventional imaging: a randomised trial")
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [
        ("management change", 14.0), ("management change", 27.0),
    ]  # fmt: skip


def test_the_pair_of_a_value_said_to_be_of_grade_3_or_higher_is_of_that_grade_too(record):
    text = (
        "Men were randomised 1:1 to 177Lu-PSMA-617 or ARPI change. AEs, any grade: 96.2% vs 91.5%; grade ≥3: 31.8% "
        "vs 44.0%."
    )
    rows = [(m["endpoint"], m["value"], m["arm"]) for m in record(text)["measurements"]]
    assert rows == [
        ("AE any grade", 96.2, "177Lu-PSMA-617"), ("AE any grade", 91.5, "ARPI change"),
        ("AE grade>=3", 31.8, "177Lu-PSMA-617"), ("AE grade>=3", 44.0, "ARPI change"),
    ]  # fmt: skip


def test_a_rise_that_defines_worsening_is_no_value(record):
    text = (
        "Men were randomised to 177Lu-PSMA-617 or to standard of care. Worsening was defined as a decrease of 10 "
        "points or more in the FACT-P total score or an increase of 30% or more in pain intensity. Quality of life "
        "improved in 41% and 22% of men."
    )
    found = record(text, title="177Lu-PSMA-617 versus standard of care: quality of life")
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("HRQoL", 41.0), ("HRQoL", 22.0)]


def test_a_ratio_of_a_time_no_endpoint_names_is_not_given_to_the_endpoint_before(record):
    text = (
        "Men were randomised to 177Lu-PSMA-617 or to cabazitaxel. A pain response at week 12 was seen in 45% and 31% "
        "(p=0.08), and time to first opioid use was longer with 177Lu-PSMA-617 (HR 0.62; 95% CI 0.40-0.96)."
    )
    found = record(text, title="177Lu-PSMA-617 versus cabazitaxel: pain outcomes")
    assert [(m["endpoint"], m["value"], m["hr"]) for m in found["measurements"]] == [
        ("pain", 45.0, None), ("pain", 31.0, None),
    ]  # fmt: skip


def test_medians_a_design_assumes_after_naming_its_endpoint_are_planned_values_of_it(record):
    text = (
        "Men will be randomised 1:1 to 225Ac-PSMA-617 or 177Lu-PSMA-617. The primary endpoint is time to pain "
        "progression. Assuming a median of 4.2 months with 177Lu-PSMA-617 and 6.0 months with 225Ac-PSMA-617 (HR "
        "0.70), 330 events will give 90% power; 400 men will be enrolled, with 12 months of further follow-up."
    )
    found = record(text, title="225Ac-PSMA-617 versus 177Lu-PSMA-617: design of a randomised phase 3 trial")
    rows = [
        (m["endpoint"], m["value"], m["arm"], m["status"]) for m in found["measurements"] if m["endpoint"] == "pain"
    ]
    assert rows == [
        ("pain", 4.2, "177Lu-PSMA-617", "planned"), ("pain", 6.0, "225Ac-PSMA-617", "planned"),
    ]  # fmt: skip


def test_disease_seen_in_a_share_is_a_detection_rate_also_with_its_stage_in_brackets(record):
    text = "We reviewed 250 men staged with 68Ga-PSMA-11 PET/CT. Distant metastases (M1) were seen in 48% of men."
    found = record(text, title="68Ga-PSMA-11 PET/CT at biochemical recurrence")
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("detection rate", 48.0)]


def test_what_pet_ct_showed_with_its_stage_and_what_a_comparison_opens_with_comes_second(record):
    text = (
        "Men with high-risk cancer had conventional imaging and 18F-DCFPyL PET/CT before surgery. Compared with "
        "conventional imaging, 18F-DCFPyL PET/CT showed pelvic nodal disease (miN1) in 31% vs 12% of men."
    )
    found = record(text, title="18F-DCFPyL PET/CT for primary staging")
    assert [(m["endpoint"], m["value"], m["arm"]) for m in found["measurements"]] == [
        ("detection rate", 31.0, "18F-DCFPyL"), ("detection rate", 12.0, "conventional imaging"),
    ]  # fmt: skip


def test_radiotherapy_doses_given_in_fractions_or_as_a_boost_are_no_absorbed_doses(record):
    text = (
        "Men with up to five lesions on 68Ga-PSMA-11 PET/CT had SBRT to each lesion (30 Gy in 3 fractions, or 24 Gy "
        "in a single fraction to bone), with a boost up to 74 Gy in the prostate bed. Two-year PSA-PFS was 61%."
    )
    found = record(text, title="PSMA PET-directed SBRT for oligorecurrence")
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("PSA-PFS", 61.0)]


def test_a_grade_written_after_an_events_value_is_the_grade_of_the_value_after_it(record):
    text = (
        "We treated 90 men with xaluritamig. Most common events (any grade): CRS 70% (G≥3 3%); myalgia 33%; "
        "neutropenia 20%, grade ≥3 6%."
    )
    rows = [
        (m["endpoint"], m["value"], m.get("grade")) for m in record(text, title="Xaluritamig in mCRPC")["measurements"]
    ]
    assert rows == [
        ("AE:CRS", 70.0, "any"), ("AE:CRS", 3.0, ">=3"), ("AE:myalgia", 33.0, "any"),
        ("AE:neutropenia", 20.0, "any"), ("AE:neutropenia", 6.0, ">=3"),
    ]  # fmt: skip


def test_macrophage_activation_syndrome_is_an_adverse_event_of_its_own(record):
    found = record("Twenty men received P-PSMA-101. HLH was seen in 2 of 20 patients (10%).")
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("AE:macrophage activation syndrome", 10.0)]


def test_side_effects_are_adverse_events(record):
    found = record(
        "Men were randomised to 225Ac-PSMA-617 plus enzalutamide or to enzalutamide alone. Side effects of grade 3 or "
        "higher occurred in 31% of men on the combination versus 24% on enzalutamide alone.",
        title="225Ac-PSMA-617 plus enzalutamide versus enzalutamide alone",
    )
    assert [(m["endpoint"], m["value"], m["arm"]) for m in found["measurements"]] == [
        ("AE grade>=3", 31.0, "225Ac-PSMA-617 + enzalutamide"),
        ("AE grade>=3", 24.0, "enzalutamide"),
    ]


def test_management_that_changed_or_differed_is_a_management_change(record):
    found = record(
        "Ninety men with high-risk prostate cancer had 18F-DCFPyL PET/CT before treatment. Management differed from "
        "the plan based on conventional imaging in 41% of men.",
        title="18F-DCFPyL PET/CT for primary staging: impact on management",
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("management change", 41.0)]


def test_a_ratio_of_an_outcome_the_ontology_lacks_is_not_carried_to_the_endpoint_before(record):
    found = record(
        "Men were randomised to 177Lu-PSMA-617 plus ADT or to ADT alone. Median rPFS was 28.4 versus 17.9 months "
        "(HR 0.61; 95% CI 0.47-0.79). Time to castration resistance also favoured the combination (HR 0.66; 95% CI "
        "0.52-0.84). Median ADT-free survival was 30.2 versus 14.1 months (HR 0.44; 95% CI 0.29-0.67).",
        title="177Lu-PSMA-617 plus ADT versus ADT alone",
    )
    assert [m["hr"] for m in found["measurements"] if m["hr"]] == [0.61]


def test_a_rate_prespecified_as_a_signal_of_activity_is_planned(record):
    found = record(
        "In this single-arm phase 2 trial, men receive 177Lu-PSMA-617 with SBRT. A PSA50 rate of at least 60% was "
        "prespecified as a signal of activity.",
    )
    assert [(m["endpoint"], m["value"], m["status"]) for m in found["measurements"]] == [("PSA50", 60.0, "planned")]


def test_a_ratio_named_some_forty_characters_before_its_verb_and_value_is_found(record):
    found = record(
        "Men were randomised to 177Lu-PSMA-I&T plus ADT or to ADT alone. The HR for rPFS with RLT versus ADT "
        "and ARPI alone was 0.56 (95% CI 0.41-0.77).",
        title="177Lu-PSMA-I&T plus ADT versus ADT alone",
    )
    assert [(m["endpoint"], m["hr"]) for m in found["measurements"]] == [("rPFS", 0.56)]


def test_months_written_m_after_a_value_are_months(record):
    found = record(
        "Sixty men received 177Lu-PSMA-I&T. Median PSA-PFS and OS were 5,9 m and 12,4 m, respectively; median rPFS "
        "was 7,1 m (95% CI 5,8-8,4).",
    )
    assert [(m["endpoint"], m["value"], m["unit"]) for m in found["measurements"]] == [
        ("PSA-PFS", 5.9, "months"),
        ("OS", 12.4, "months"),
        ("rPFS", 7.1, "months"),
    ]


def test_a_restricted_mean_survival_time_is_a_mean_of_overall_survival_and_its_horizon_no_value(record):
    found = record(
        "Because the hazards were not proportional, the restricted mean survival time (RMST) up to 48 months "
        "summarised overall survival. In 180 men randomised to 177Lu-PSMA-I&T or to docetaxel, the 48-month RMST "
        "was 27.2 months and 24.8 months, respectively, a difference of 2.4 months (95% CI -1.1 to 5.9).",
        title="177Lu-PSMA-I&T versus docetaxel: long-term survival",
    )
    survival = [(m["endpoint"], m["statistic"], m["arm"], m["value"]) for m in found["measurements"]]
    assert survival == [("OS", "mean", "177Lu-PSMA-I&T", 27.2), ("OS", "mean", "docetaxel", 24.8)]


def test_an_odds_ratio_takes_the_outcome_named_after_the_predicate_of_its_own_clause(record):
    # A later clause's predicate ("associated with lower odds") names no outcome of the earlier ratio.
    found = record(
        "Sixty men received 177Lu-PSMA-I&T. Bone-only disease was associated with a PSA decline of 50% or more "
        "(OR 3.5; 95% CI 1.2-10.2; p=0.02), and an elevated LDH was associated with lower odds (OR 0.4; 95% CI "
        "0.2-0.9).",
        title="Predictors of PSA response to 177Lu-PSMA-I&T",
    )
    ratios = [(m["endpoint"], m["statistic"], m["value"]) for m in found["measurements"] if m["statistic"] == "or"]
    assert ("PSA50", "or", 3.5) in ratios


def test_ratios_associated_with_biochemical_recurrence_are_of_psa_progression_free_survival(record):
    found = record(
        "We followed 210 men staged with 68Ga-PSMA-11 PET/CT before radical prostatectomy. In a Cox model, "
        "nodal uptake on PET (HR 2.4, 95% CI 1.5-3.8) and ISUP grade group 5 (HR 1.9, 95% CI 1.2-3.0) were "
        "associated with biochemical recurrence.",
        title="PSMA PET findings and outcome after prostatectomy",
    )
    assert [(m["endpoint"], m["hr"]) for m in found["measurements"]] == [("PSA-PFS", 2.4), ("PSA-PFS", 1.9)]


def test_values_of_one_named_combination_arm_set_apart_by_prior_therapy_stay_that_arms(record):
    found = record(
        "Methods: Post hoc analysis of a randomised phase 3 trial (N=500; 2:1, 177Lu-PSMA-617 + standard of care "
        "[SOC] vs SOC). Results: The PSA50 rate with 177Lu-PSMA-617 + SOC was 41.2% after cabazitaxel, 52.9% "
        "without prior cabazitaxel and 36.0% after a PARP inhibitor.",
        title="177Lu-PSMA-617 by prior therapy: a post hoc analysis",
    )
    assert {m["arm"].partition(",")[0] for m in found["measurements"]} == {"177Lu-PSMA-617 + standard of care"}


def test_a_share_in_words_is_no_count_of_men(record):
    found = record(
        "We treated 80 men with 177Lu-PSMA-617. Median overall survival was 14.0 months, and about one in six men "
        "were alive at three years.",
        title="Long-term survival after 177Lu-PSMA-617",
    )
    assert [(m["endpoint"], m["statistic"], m["value"]) for m in found["measurements"]] == [("OS", "median", 14.0)]


def test_a_risk_named_without_its_event_is_of_the_event_just_told_of(record):
    found = record(
        "We followed 120 men treated with 177Lu-PSMA-617 for at least a year. Median overall survival was 28.0 "
        "months. Nephrotoxicity of any grade developed in 30% of men. Men with diabetes were at higher risk "
        "(HR 1.9; 95% CI 1.1-3.3).",
        title="Late kidney toxicity after 177Lu-PSMA-617",
    )
    ratios = [(m["endpoint"], m["hr"]) for m in found["measurements"] if m["hr"] is not None]
    assert ratios == [("AE:nephrotoxicity", 1.9)]


def test_men_who_responded_more_often_reached_the_studys_response(record):
    found = record(
        "Fifty men received 177Lu-PSMA-I&T; response was a PSA decline of at least 50% at 12 weeks. Men with a "
        "whole-body SUVmean of 10 or more responded more often than those with lower uptake (72% vs 35%; p=0.01).",
        title="PSMA uptake and response to 177Lu-PSMA-I&T",
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("PSA50", 72.0), ("PSA50", 35.0)]


def test_an_endpoint_abbreviation_in_the_plural_names_its_values(record):
    found = record(
        "In 90 men, 18F-DCFPyL PET/CT had a sensitivity of 88% and 81% for readers 1 and 2; the corresponding NPVs "
        "were 79% and 74%.",
        title="Inter-reader agreement of 18F-DCFPyL PET/CT",
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"] if m["endpoint"] == "NPV"] == [
        ("NPV", 79.0),
        ("NPV", 74.0),
    ]


def test_how_an_endpoint_was_verified_between_commas_names_no_endpoint_of_its_own(record):
    found = record(
        "In 80 men with biochemical recurrence, the positive predictive value of 18F-DCFPyL PET/CT, verified by "
        "biopsy, follow-up imaging or PSA response after treatment, was 89%.",
        title="18F-DCFPyL PET/CT in biochemical recurrence",
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("PPV", 89.0)]


def test_per_cent_written_as_two_words_is_a_percentage(record):
    found = record(
        "Eighty men were randomly assigned to 177Lu-PSMA-617 or cabazitaxel. PSA responses occurred in 62 per cent "
        "versus 35 per cent of men. Restricted mean survival time was 18.9 months and 19.2 months (difference "
        "-0.3 months).",
        title="177Lu-PSMA-617 versus cabazitaxel",
    )
    assert [(m["endpoint"], m["statistic"], m["value"], m["unit"]) for m in found["measurements"]] == [
        ("PSA50", "rate", 62.0, "%"),
        ("PSA50", "rate", 35.0, "%"),
        ("OS", "mean", 18.9, "months"),
        ("OS", "mean", 19.2, "months"),
    ]


def test_signs_written_out_and_a_p_value_without_its_sign_are_read(record):
    found = record(
        "Thirty men received 225Ac-PSMA-I&T. A PSA decline of > or = 50% was more frequent in men with high PSMA "
        "uptake (58% versus 21%, P-value 0.03). Grade > or = 3 anaemia occurred in 17%. The time frame of the "
        "primary outcome was up to approximately 24 months.",
        title="225Ac-PSMA-I&T after 177Lu-PSMA-617",
    )
    rows = [(m["endpoint"], m["value"], m.get("grade"), m["p_value"]) for m in found["measurements"]]
    assert rows == [("PSA50", 58.0, None, "=0.03"), ("PSA50", 21.0, None, None), ("AE:anemia", 17.0, ">=3", None)]


def test_a_share_in_brackets_right_after_an_event_is_that_events(record):
    found = record(
        "Ninety men had 18F-PSMA-1007 PET/CT. Nausea (3.3%) and dysgeusia (2.2%) were the only adverse reactions "
        "seen in more than one man.",
        title="Safety of 18F-PSMA-1007 PET/CT",
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("AE:nausea", 3.3), ("AE:dysgeusia", 2.2)]


def test_all_but_one_is_no_count_and_an_event_of_grade_3_or_higher_is_named(record):
    found = record(
        "Twenty-four men received acapatamab. All but one man had at least one adverse event, and 58% had an event "
        "of grade 3 or higher. No ocular event of grade 3 or higher occurred.",
        title="Acapatamab in metastatic castration-resistant prostate cancer",
    )
    rows = [(m["endpoint"], m["value"]) for m in found["measurements"] if not m.get("negated")]
    assert rows == [("AE grade>=3", 58.0)]
    assert not any(m["endpoint"] == "AE grade>=3" and m.get("negated") for m in found["measurements"])


def test_assumed_rates_of_the_primary_endpoint_named_before_are_planned(record):
    found = record(
        "Men were randomised to salvage radiotherapy alone or guided by 18F-DCFPyL PET/CT. The primary endpoint was "
        "freedom from biochemical progression at 3 years. Assuming 3-year rates of 60% and 75%, 220 men gave 80% "
        "power.",
        title="18F-DCFPyL PET/CT-guided salvage radiotherapy: a randomised trial",
    )
    rows = [(m["endpoint"], m["value"], m["status"]) for m in found["measurements"] if m["endpoint"] == "PSA-PFS"]
    assert rows == [("PSA-PFS", 60.0, "planned"), ("PSA-PFS", 75.0, "planned")]


def test_shares_of_an_outcome_the_clause_states_are_no_values_of_the_endpoint_before(record):
    found = record(
        "Men were randomised to 68Ga-PSMA-11 PET/CT or conventional imaging. Imaging changed management in 27% of "
        "men in the PET group and in 14% of those in the conventional-imaging group, and findings were equivocal "
        "in 6% and 21%, respectively.",
        title="68Ga-PSMA-11 PET/CT versus conventional imaging",
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [
        ("management change", 27.0),
        ("management change", 14.0),
    ]


def test_independent_predictors_predict_the_outcome_the_methods_name(record):
    found = record(
        "Methods: We treated 150 men with 177Lu-PSMA-617; predictors of grade 3-4 haematological toxicity were "
        "identified by logistic regression. Results: Grade 3 neutropenia occurred in 6%. Diffuse marrow "
        "involvement (OR 4.1, 95% CI 1.9-8.8) and prior cabazitaxel (OR 2.2, 95% CI 1.1-4.4) were independent "
        "predictors.",
        title="Haematological toxicity of 177Lu-PSMA-617",
    )
    ratios = [(m["endpoint"], m["value"]) for m in found["measurements"] if m["statistic"] == "or"]
    assert ratios == [("AE:hematologic toxicity", 4.1), ("AE:hematologic toxicity", 2.2)]


def test_ratios_under_a_heading_that_names_them_and_a_tracer_in_a_factor_is_no_arm(record):
    found = record(
        "We built a nomogram of overall survival in 190 men treated with 177Lu-PSMA-617. Four variables (HR [95% "
        "CI]) entered it: haemoglobin <11 g/dL (1.85 [1.24-2.76]), FDG SUVmax >20 (1.66 [1.12-2.46]), liver "
        "metastases (2.05 [1.27-3.31]) and prior chemotherapy (1.42 [0.98-2.06]).",
        title="A nomogram of overall survival after 177Lu-PSMA-617",
    )
    ratios = [
        (m["endpoint"], m["arm"].partition(",")[0], m["hr"], m["ci_low"], m["ci_level"]) for m in found["measurements"]
    ]
    assert ratios == [
        ("OS", "177Lu-PSMA-617", 1.85, 1.24, 95.0),
        ("OS", "177Lu-PSMA-617", 1.66, 1.12, 95.0),
        ("OS", "177Lu-PSMA-617", 2.05, 1.27, 95.0),
        ("OS", "177Lu-PSMA-617", 1.42, 0.98, 95.0),
    ]


def test_a_marker_response_between_two_runs_of_values_sets_the_second_run_apart(record):
    found = record(
        "Results: A PSA decline of at least 50% was seen in 9% of men with prior docetaxel and 17% of those without, "
        "and ctDNA declines of 50% or more in 61% and 70% of men with detectable ctDNA.",
        title="An anti-PSMA antibody-drug conjugate in mCRPC: phase 2",
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("PSA50", 9.0), ("PSA50", 17.0)]


def test_an_event_written_as_the_heading_of_its_count_of_patients(record):
    found = record(
        "Results: 31 pts were dosed. DLTs: 3 pts, all at the top dose. Grade ≥3 CRS: 4 pts. PSA50: 6/31 (19%).",
        title="A PSMA×CD3 T-cell engager in mCRPC: phase 1 dose escalation",
    )
    assert [(m["endpoint"], m["statistic"], m["value"]) for m in found["measurements"]] == [
        ("DLT", "count", 3.0),
        ("AE:CRS", "count", 4.0),
        ("PSA50", "rate", 19.0),
    ]


def test_an_event_named_as_the_cause_of_stopping_after_its_qualifier_gives_no_values_of_its_own(record):
    found = record(
        "Results: Dry mouth occurred in 64% of the 50 men. Treatment was stopped because of persistent dry mouth in "
        "6% of men.",
        title="177Lu-PSMA-617 in mCRPC: salivary toxicity",
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("AE:dry mouth", 64.0)]


def test_an_exact_grade_before_a_pair_of_values_is_the_grade_of_both(record):
    found = record(
        "Methods: Men were randomly assigned to 225Ac-PSMA-I&T or 177Lu-PSMA-I&T. Results: Dry mouth occurred in 70% "
        "with 225Ac-PSMA-I&T versus 28% with 177Lu-PSMA-I&T; grade 2, 31% versus 4%; grade 3 in 7% of 225Ac-treated "
        "men and in none of the 177Lu-treated men.",
        title="225Ac-PSMA-I&T versus 177Lu-PSMA-I&T: a randomised comparison",
    )
    rows = [(m["arm"], m["grade"], m["value"]) for m in found["measurements"] if m["endpoint"] == "AE:dry mouth"]
    assert rows == [
        ("225Ac-PSMA-I&T", "any", 70.0), ("177Lu-PSMA-I&T", "any", 28.0),
        ("225Ac-PSMA-I&T", "2", 31.0), ("177Lu-PSMA-I&T", "2", 4.0),
        ("225Ac-PSMA-I&T", "3", 7.0),
    ]  # fmt: skip


def test_worsening_of_renal_function_is_nephrotoxicity_not_the_event_before(record):
    found = record(
        "Results: Grade 3 or higher thrombocytopenia occurred in 9% of the 70 men, and a decline in renal function "
        "of at least one grade in 12%.",
        title="177Lu-PSMA-I&T in men with reduced kidney function",
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [
        ("AE:thrombocytopenia", 9.0),
        ("AE:nephrotoxicity", 12.0),
    ]


def test_disease_found_or_reported_in_counted_men_is_detected_and_benign_uptake_is_not(record):
    found = record(
        "Methods: Men were randomised to 18F-PSMA-1007 or 68Ga-PSMA-11 PET/CT. Results: Recurrent disease was found "
        "in 61 of 100 men (61.0%) with 18F-PSMA-1007 and in 52 of 100 (52.0%) with 68Ga-PSMA-11. Bone metastases "
        "were reported in 9.0% vs 7.0% of men. Unspecific bone uptake was reported in 19.0% vs 4.0% of men.",
        title="18F-PSMA-1007 versus 68Ga-PSMA-11 PET/CT in recurrence: a randomised trial",
    )
    assert [(m["endpoint"], m["arm"], m["value"]) for m in found["measurements"]] == [
        ("detection rate", "18F-PSMA-1007", 61.0),
        ("detection rate", "68Ga-PSMA-11", 52.0),
        ("detection rate", "18F-PSMA-1007, bone metastases", 9.0),
        ("detection rate", "68Ga-PSMA-11, bone metastases", 7.0),
    ]


def test_a_dose_prescribed_ahead_and_success_thresholds_are_planned_and_a_threshold_met_is_not(record):
    found = record(
        "Methods: Activities were prescribed from SPECT/CT so that each cycle would deliver 4 Gy to the kidneys. The "
        "success thresholds were lower bounds of the 95% CI of 75% for specificity and 35% for sensitivity. Results: "
        "Specificity was 96.1% and sensitivity 44.0%; the success threshold was met for both.",
        title="Personalised 177Lu-PSMA-617 and 18F-DCFPyL staging",
    )
    assert [(m["endpoint"], m["value"], m["status"]) for m in found["measurements"]] == [
        ("absorbed dose:kidney", 4.0, "planned"),
        ("specificity", 75.0, "planned"),
        ("sensitivity", 35.0, "planned"),
        ("specificity", 96.1, "reported"),
        ("sensitivity", 44.0, "reported"),
    ]


def test_the_symptoms_of_a_quality_of_life_questionnaire_are_no_adverse_events(record):
    text = (
        "We randomly assigned 180 men to 177Lu-PSMA-617 or cabazitaxel. Time to deterioration of the QLQ-C30 scales"
        " favoured 177Lu-PSMA-617 for diarrhoea (HR 0.45; 95% CI 0.28-0.72) and fatigue (HR 0.70; 95% CI 0.50-0.98)."
        " On the QLQ-C30, grade 3 fatigue was reported by 4% of men given 177Lu-PSMA-617."
    )
    found = [(m["endpoint"], m["hr"] or m["value"]) for m in record(text)["measurements"]]
    assert found[:2] == [("HRQoL", 0.45), ("HRQoL", 0.70)]
    assert ("AE:fatigue", 4.0) in found  # (a grade is a clinician's: the event stays one)


def test_thresholds_of_a_definition_questionnaire_returns_and_baseline_values_are_no_results(record):
    text = (
        "We treated 60 men with 177Lu-PSMA-617 and followed their pain on the BPI-SF. Worsening was defined using"
        " prespecified thresholds (FACT-P total, a decrease of 10 points; BPI-SF pain intensity, an increase of 30%"
        " from baseline). Of the 60 men, 52 (87%) returned at least two questionnaires. The share of men with"
        " moderate-to-severe pain fell from 61% at baseline to 35% at 12 weeks."
    )
    found = [(m["endpoint"], m["value"]) for m in record(text)["measurements"]]
    assert found == [("pain", 35.0)]


def test_shares_of_patients_who_reported_an_outcome_kept_or_bettered(record):
    text = (
        "We randomly assigned 300 men to 177Lu-PNT2002 or to ARPI change. At week 16, 61.5% and 47.0% of patients,"
        " respectively, reported stable or improved EQ-5D-5L index scores. When asked at the end of treatment, 58%"
        " of men in the 177Lu-PNT2002 arm reported dry mouth."
    )
    found = [(m["endpoint"], m["value"], m["arm"]) for m in record(text)["measurements"]]
    assert found == [
        ("HRQoL", 61.5, "177Lu-PNT2002"), ("HRQoL", 47.0, "ARPI change"), ("AE:dry mouth", 58.0, "177Lu-PNT2002"),
    ]  # fmt: skip


def test_mean_scores_of_a_questionnaire_without_their_unit_are_points_at_their_cycle(record):
    text = (
        "We treated 80 men with 177Lu-PSMA-I&T and recorded the EQ-VAS before each cycle. A change of 7 points was"
        " regarded as clinically meaningful. Mean EQ-VAS was 61.2 at baseline, 65.4 after cycle 2 and 63.9 after"
        " cycle 4. Mean pain intensity fell from 5.1 to 3.4 at 12 weeks. Median time to pain progression was 8.8"
        " months. Stable or improved EQ-VAS was kept by 70% of men with ECOG 0 and 52% of those with ECOG 1-2."
    )
    measurements = record(text)["measurements"]
    found = [(m["endpoint"], m["statistic"], m["value"], m["unit"], m.get("note")) for m in measurements]
    assert found[:3] == [
        ("HRQoL", "mean", 65.4, "points", "cycle 2"), ("HRQoL", "mean", 63.9, "points", "cycle 4"),
        ("pain", "mean", 3.4, "points", None),
    ]  # fmt: skip
    assert ("pain", "median", 8.8, "months", None) in found
    assert not [value for _e, _s, value, _u, _n in found if value in (7.0, 61.2, 5.1, 0.0, 1.0, 2.0)]


def test_a_risk_reduced_by_a_share_and_a_time_to_an_unnamed_event_are_no_values(record):
    text = (
        "Thirty-five men with oligometastatic disease received 177Lu-PSMA-I&T. Median PSA progression-free survival was"
        " 8.1 months (95% CI 6.0-11.3) and median time to start of androgen deprivation 14.2 months (95% CI 9.8-18.6)."
    )
    found = [(m["endpoint"], m["value"], m["arm"]) for m in record(text)["measurements"]]
    assert found == [("PSA-PFS", 8.1, "177Lu-PSMA-I&T")]
    text = (
        "We randomized 300 men to 177Lu-PSMA-617 plus ADT or ADT alone. Adding 177Lu-PSMA-617 to ADT reduced the risk"
        " of radiographic progression or death by 28%."
    )
    assert record(text)["measurements"] == []


def test_ratios_listed_with_credible_intervals_each_with_its_arm_and_interval(record):
    text = (
        "We randomly assigned 600 men to 177Lu-PSMA-617, cabazitaxel or ARPI change. Compared with ARPI change, the"
        " hazard ratio for rPFS was 0.43 (95% credible interval [CrI] 0.32-0.58) for 177Lu-PSMA-617 and 0.54 (95%"
        " CrI 0.40-0.73) for cabazitaxel."
    )
    found = [(m["arm"], m["hr"], m["ci_low"], m["ci_high"]) for m in record(text)["measurements"]]
    assert found == [("177Lu-PSMA-617", 0.43, 0.32, 0.58), ("cabazitaxel", 0.54, 0.40, 0.73)]


def test_a_ratio_of_an_outcome_likelier_in_men_with_another_endpoint_is_the_outcome_s(record):
    text = (
        "We treated 74 men with 177Lu-PSMA-617. A pain response was more likely in men with a PSA decline of 50% or"
        " more (odds ratio 3.4; 95% CI 1.2-9.6; p=0.02)."
    )
    found = [(m["endpoint"], m["value"], m["arm"]) for m in record(text)["measurements"]]
    assert found == [("pain", 3.4, "177Lu-PSMA-617, PSA decline of 50% or more")]


def test_a_response_named_by_its_imaging_criteria_is_an_objective_response(record):
    text = (
        "In this single-arm study, 60 men received 177Lu-PSMA-617 every 6 weeks. After two cycles, a PERCIST 1.0 "
        "response was seen in 21 men (35%); 18 men (30%) had a RECIST 1.1 response in measurable soft-tissue disease."
    )
    assert _rows(record, text, "endpoint", "value") == [("ORR", 35.0), ("ORR", 30.0)]


def test_a_response_category_without_an_endpoint_after_a_response_rate_takes_none_of_its_values(record):
    # Progression, stable or progressive disease counted after the responses are categories of their own, but men
    # "with stable disease" are a part of the study whose values are the outcome's.
    text = (
        "Men were randomly assigned to 177Lu-PSMA-I&T or cabazitaxel. At week 12, RECIP 1.0 responses occurred in "
        "38.0% vs 12.5%, and progression in 14.0% vs 33.9%. Partial responses were seen in 9 men (18%) and stable "
        "disease in 20 (40%) with 177Lu-PSMA-I&T. Median OS was 19.1 months with a response and 11.6 months with "
        "stable disease."
    )
    assert _rows(record, text, "endpoint", "value") == [
        ("ORR", 38.0), ("ORR", 12.5), ("ORR", 18.0), ("OS", 19.1), ("OS", 11.6)
    ]  # fmt: skip


def test_a_second_predictor_after_as_did_shares_the_first_ones_outcome(record):
    text = (
        "In 212 men treated with 177Lu-PSMA-I&T, a PSA90 response at 12 weeks was associated with longer OS "
        "(HR 0.36, 95% CI 0.22-0.59), as was any PSA decline (HR 0.61, 95% CI 0.44-0.85)."
    )
    assert _rows(record, text, "endpoint", "hr") == [("OS", 0.36), ("OS", 0.61)]


def test_an_outcome_said_to_occur_in_a_share_keeps_it_ahead_of_the_list_that_follows(record):
    text = (
        "Thirty men received 225Ac-PSMA-I&T. Any PSA decline occurred in 24 of 30 patients (80%), a PSA50 "
        "response in 17 (57%) and a PSA90 response in 6 (20%)."
    )
    assert _rows(record, text, "endpoint", "value") == [("any PSA decline", 80.0), ("PSA50", 57.0), ("PSA90", 20.0)]


def test_disease_seen_in_a_share_after_a_longer_phrase_or_a_bare_participle_is_a_detection_rate(record):
    text = (
        "Eighty men with biochemical recurrence underwent 18F-DCFPyL PET/CT. Local recurrence within the prostatic "
        "fossa or bed was seen in 21.3% of men. Extrapelvic metastases visualised in 12.5%."
    )
    found = record(text, title="18F-DCFPyL PET/CT at biochemical recurrence")["measurements"]
    assert [(m["endpoint"], m["value"]) for m in found] == [("detection rate", 21.3), ("detection rate", 12.5)]


def test_regions_listed_with_their_shares_in_an_imaging_study_are_detection_rates_by_region(record):
    text = (
        "Two hundred men with biochemical recurrence after prostatectomy underwent 18F-DCFPyL PET/CT. The "
        "detection rate was 71.0%. Local recurrence in 24.0%, pelvic nodal disease in 30.5% and bone metastases "
        "in 11.0%. At baseline, bone metastases in 3% had been suspected on conventional imaging."
    )
    found = record(text, title="18F-DCFPyL PET/CT at biochemical recurrence")["measurements"]
    assert [(m["endpoint"], m["value"], m["arm"]) for m in found] == [
        ("detection rate", 71.0, "18F-DCFPyL"),
        ("detection rate", 24.0, "18F-DCFPyL, local recurrence"),
        ("detection rate", 30.5, "18F-DCFPyL, pelvic nodal disease"),
        ("detection rate", 11.0, "18F-DCFPyL, bone metastases"),
    ]
    # The same list in a study of therapy is the men's disease, no scan's finding.
    therapy = record(
        "Men with mCRPC received 177Lu-PSMA-617; PSA50 was 46%. Sites of disease: bone metastases in 85%, pelvic "
        "nodal disease in 40%.",
        title="177Lu-PSMA-617 in routine practice",
    )
    assert [m["endpoint"] for m in therapy["measurements"]] == ["PSA50"]


def test_a_rate_deemed_acceptable_in_the_design_is_planned(record):
    text = (
        "Men were randomised to two or four further cycles of 177Lu-PSMA-I&T. The primary endpoint was the "
        "12-month PSA-PFS rate; a rate of at least 35% with two cycles was deemed acceptable. The 12-month PSA-PFS "
        "rate was 41% with two cycles."
    )
    assert _rows(record, text, "value", "status") == [(35.0, "planned"), (41.0, "reported")]


def test_the_one_dose_limiting_toxicity_counted_in_the_first_men_or_told_by_the_only(record):
    first_men = (
        "Eighteen men received 225Ac-PSMA-I&T at 50, 75 or 100 kBq/kg in a 3+3 design. A dose-limiting toxicity "
        "(grade 4 thrombocytopenia) occurred in 1 of the first 6 men at 100 kBq/kg."
    )
    assert _rows(record, first_men, "endpoint", "value") == [("DLT", 1.0)]
    only = (
        "Nine men received PSMA-directed CAR T cells at three dose levels. Grade 3 neurotoxicity at the top level "
        "was the only dose-limiting toxicity."
    )
    assert _rows(record, only, "endpoint", "statistic", "value") == [("DLT", "count", 1.0)]
