"""Arms and comparators: which agent a study tests and what it tests it against (step 4 of the extraction issue)."""

from ingest.document import Document, Section
from ingest.extraction.pipeline import extract_document
from ingest.extraction.records import extraction_record


def roles(record: dict) -> dict[str, str]:
    return {agent["label"]: agent["role"] for agent in record["agents"]}


def test_an_abbreviation_the_lexicon_knows_in_another_case_still_names_the_arm(record):
    # "SOC" is a label of standard of care; written "SoC" it is found only through its definition.
    found = record(
        "LUMEN-3 is a randomised phase 3 trial of 177Lu-PSMA-617 plus standard of care (SoC) versus SoC alone "
        "in men with metastatic hormone-sensitive prostate cancer. The primary end point is rPFS.",
        title="LUMEN-3: a trial in progress",
    )
    assert found["comparators"] == ["standard of care"]
    assert roles(found)["177Lu-PSMA-617"] == "investigational"


def test_an_intra_individual_imaging_comparison_names_the_other_tracer_as_comparator(record):
    found = record(
        "Fifty-two men with biochemical recurrence underwent 18F-DCFPyL PET/CT and 18F-fluciclovine PET/CT "
        "within 14 days. The per-patient detection rate was 71% with 18F-DCFPyL and 46% with fluciclovine.",
        title="An intra-individual comparison of 18F-DCFPyL with 18F-fluciclovine in early biochemical recurrence",
    )
    assert found["comparators"] == ["18F-fluciclovine"]
    assert roles(found)["18F-DCFPyL"] == "investigational"


def test_the_psma_tracer_is_investigational_even_when_the_title_names_the_other_first(record):
    found = record(
        "Forty men with rising PSA after prostatectomy had both scans in random order. "
        "Detection rates were 38% with 18F-fluorocholine and 67% with 68Ga-PSMA-11 (p<0.001).",
        title="18F-fluorocholine compared with 68Ga-PSMA-11 PET/CT before salvage radiotherapy",
    )
    assert found["comparators"] == ["18F-fluorocholine"]
    assert roles(found)["68Ga-PSMA-11"] == "investigational"


def test_conventional_imaging_is_the_comparator_of_psma_pet_staging_not_the_main_agent(record):
    found = record(
        "Methods: 250 men with high-risk prostate cancer were randomly assigned to conventional imaging "
        "(CT and bone scan) or to 18F-DCFPyL PET/CT before radical treatment with androgen deprivation therapy. "
        "Results: Accuracy was 65% with conventional imaging and 91% with PSMA PET/CT.",
        title="Conventional imaging or PSMA PET for primary staging: a randomised trial",
    )
    assert found["comparators"] == ["conventional imaging"]
    assert roles(found)["18F-DCFPyL"] == "investigational"


def test_an_investigators_choice_of_arpis_is_one_arpi_change_arm(record):
    found = record(
        "Men were randomised 2:1 to 177Lu-PSMA-I&T every 6 weeks or to the investigator's choice of abiraterone "
        "with prednisone or enzalutamide. Median rPFS was 9.5 vs 5.7 months (HR 0.60, 95% CI 0.47-0.77).",
        title="177Lu-PSMA-I&T versus a second ARPI in mCRPC",
    )
    assert found["comparators"] == ["ARPI change"]


def test_a_choice_the_ontology_does_not_name_leaves_each_option_a_comparator(record):
    found = record(
        "Patients are randomised 2:1 to 225Ac-PSMA-617 every 8 weeks or to physician's choice of cabazitaxel "
        "or an ARPI change. The primary end point will be overall survival; enrolment will end in 2027.",
        title="A randomised trial of 225Ac-PSMA-617 after lutetium (trial in progress)",
    )
    assert sorted(found["comparators"]) == ["ARPI change", "cabazitaxel"]


def test_a_review_has_no_comparator_of_its_own(record):
    found = record(
        "We summarise the randomised evidence for PSMA radioligands. TheraP compared 177Lu-PSMA-617 with "
        "cabazitaxel and found more PSA responses with the radioligand.",
        title="177Lu-PSMA-617 in prostate cancer: a narrative review",
    )
    assert found["comparators"] == []


def test_a_comparison_told_in_the_background_is_not_the_studys():
    document = Document(
        id="test:background",
        title="Safety of 177Lu-PSMA-617 in men over 80 years",
        sections=(
            Section(label="BACKGROUND", text="TheraP compared 177Lu-PSMA-617 with cabazitaxel in younger men."),
            Section(label="METHODS", text="We reviewed 64 men aged 80 years or more treated with 177Lu-PSMA-617."),
            Section(label="RESULTS", text="Grade 3 anaemia occurred in 9 men (14%)."),
        ),
    )
    found = extraction_record(extract_document(document))
    assert found["comparators"] == []


def test_a_value_named_after_it_and_one_named_before_the_sentence_take_those_arms(record):
    found = record(
        "Findings: Forty-four men completed both scans. 18F-fluorocholine PET/CT found disease in 15 men (34%), "
        "against 27 (61%) for 18F-DCFPyL PET/CT (p=0.004).",
        title="18F-DCFPyL versus 18F-fluorocholine PET/CT in biochemical recurrence",
    )
    rates = [(m["arm"], m["value"]) for m in found["measurements"] if m["endpoint"] == "detection rate"]
    assert rates == [("18F-fluorocholine", 34.0), ("18F-DCFPyL", 61.0)]


def test_a_radioligand_the_disease_progressed_on_is_prior_therapy_not_the_arm(record):
    found = record(
        "We reviewed 40 men who started cabazitaxel after progression on at least two cycles of 177Lu-PSMA-617. "
        "A PSA decline of 50% or more was seen in 12 men (30%).",
        title="Cabazitaxel after progression on 177Lu-PSMA-617: a retrospective cohort",
    )
    assert roles(found)["177Lu-PSMA-617"] == "prior-therapy"
    assert [(m["endpoint"], m["arm"]) for m in found["measurements"]] == [("PSA50", "cabazitaxel")]


def test_a_radioligand_given_in_the_study_stays_the_studys_agent(record):
    found = record(
        "Thirty men received 177Lu-PSMA-617 after docetaxel. A PSA decline of 50% or more after 177Lu-PSMA-617 "
        "was seen in 14 men (47%).",
        title="177Lu-PSMA-617 after docetaxel",
    )
    assert roles(found)["177Lu-PSMA-617"] == "investigational"
    assert roles(found)["docetaxel"] == "prior-therapy"


def test_a_cell_therapy_the_outcomes_follow_is_the_studys_agent_not_the_conditioning_drug(record):
    # "after" a PSMA-targeted therapy, like "after" a radioligand, names what the study gave, not a prior line.
    found = record(
        "Nine men received conditioning chemotherapy with cyclophosphamide, then one infusion of PSMA CAR T cells. "
        "Cytokine release syndrome was seen in 5 men (56%), and 2 men (22%) had a PSA decline of 50% or more.",
        title="Toxicity and PSA response after PSMA CAR T cells in castration-resistant prostate cancer",
    )
    assert roles(found)["PSMA CAR-T cells"] == "investigational"
    assert {m["arm"] for m in found["measurements"]} == {"PSMA CAR-T cells"}


def test_an_agent_in_the_second_sentence_of_a_title_is_still_the_titles_agent(record):
    # A drug named first in the background does not become the study's agent because the title asks a question.
    found = record(
        "Background: Enzalutamide and darolutamide delay metastases in castration-resistant disease without "
        "metastases on CT. Methods: Ninety men underwent 18F-DCFPyL PET/CT. Results: The detection rate was 46% "
        "(41 of 90).",
        title="Hidden metastases? Findings of 18F-DCFPyL PET/CT in non-metastatic castration-resistant prostate cancer",
    )
    assert roles(found)["18F-DCFPyL"] == "investigational"
    assert [m["arm"] for m in found["measurements"]] == ["18F-DCFPyL"]


def test_a_design_in_brackets_sets_the_combination_against_its_backbone(record):
    found = record(
        "Methods: Post hoc analysis of a phase 3 trial (N=420; 2:1, 177Lu-PSMA-617 + standard of care [SOC] vs "
        "SOC). Results: In men with bone-only disease, median OS was 17.1 vs 12.4 mo (HR 0.58; 95% CI 0.41-0.82).",
        title="177Lu-PSMA-617 by site of disease: a post hoc analysis",
    )
    assert found["comparators"] == ["standard of care"]
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [
        ("177Lu-PSMA-617 + standard of care, bone-only disease", 17.1),
        ("standard of care, bone-only disease", 12.4),
    ]


def test_a_comparison_in_a_bracket_without_a_design_names_a_factor_not_the_arms(record):
    found = record(
        "We reviewed 300 men given 177Lu-PSMA-617 or 177Lu-PSMA-I&T at four centres. The radioligand used "
        "(177Lu-PSMA-I&T vs 177Lu-PSMA-617) did not affect overall survival (HR 1.02; 95% CI 0.80-1.30).",
        title="Prognostic factors after 177Lu-PSMA radioligand therapy",
    )
    assert found["comparators"] == []


def test_a_comparison_the_results_support_is_no_arm_of_this_study(record):
    found = record(
        "Twenty men received enzalutamide plus 177Lu-PSMA-617 before surgery. A PSA decline of 50% or more was "
        "seen in 16 men (80%). 177Lu-PSMA-617 with enzalutamide was active, which supports a randomised comparison "
        "with enzalutamide alone.",
        title="Neoadjuvant 177Lu-PSMA-617 with enzalutamide in high-risk prostate cancer",
    )
    assert found["comparators"] == []


def test_mri_compared_with_psma_pet_names_its_values_and_the_comparator_but_is_no_agent(record):
    found = record(
        "Objective: To compare 68Ga-PSMA-11 PET/CT with multiparametric MRI (mpMRI) for clinically significant "
        "cancer. Results: In 150 men, the sensitivity of PSMA PET/CT was 88% versus 79% for mpMRI (p=0.04).",
        title="68Ga-PSMA-11 PET/CT versus mpMRI before biopsy",
    )
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [
        ("68Ga-PSMA-11", 88.0),
        ("multiparametric MRI", 79.0),
    ]
    assert found["comparators"] == ["multiparametric MRI"]
    assert [agent["label"] for agent in found["agents"]] == ["68Ga-PSMA-11"]


def test_pet_mri_is_no_mention_of_mri_alone(record):
    found = record(
        "Forty men underwent 68Ga-PSMA-11 PET/MRI before prostatectomy. The sensitivity of PET/MRI was 91%.",
        title="68Ga-PSMA-11 PET/MRI for local staging",
    )
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [("68Ga-PSMA-11", 91.0)]


def test_a_randomised_trial_told_of_in_the_background_allocates_no_arms_without_the_studys_agent(record):
    found = record(
        "In the randomised phase 3 VISION trial, 177Lu-PSMA-617 added to standard of care prolonged survival "
        "compared with standard of care alone in men previously treated with an androgen receptor pathway "
        "inhibitor and one or two taxane regimens. We studied 300 men of its 177Lu-PSMA-617 arm. A PSA decline "
        "of 50% or more was seen in 140 men (47%).",
        title="Baseline PSMA uptake and outcome with 177Lu-PSMA-617: an analysis of VISION",
    )
    assert roles(found)["taxane"] == "prior-therapy"
    assert "taxane" not in found["comparators"]
    assert [m["arm"] for m in found["measurements"]] == ["177Lu-PSMA-617 + standard of care"]


def test_arms_counted_after_the_randomisation_in_words_or_in_a_bracket(record):
    plain = record(
        "Of 420 men randomised 2:1, 280 were assigned to 177Lu-PSMA-617 plus standard of care (SOC) and 140 to SOC "
        "alone. Median time to the first symptomatic skeletal event was 11.2 versus 7.1 months "
        "(HR 0.52).",
        title="Skeletal events with 177Lu-PSMA-617",
    )
    bracketed = record(
        "Of the 420 men randomised 2:1, 390 formed the analysis set (260 to 177Lu-PSMA-617 plus standard of care "
        "(SOC) and 130 to SOC alone). Median time to the first symptomatic skeletal event was 11.2 versus 7.1 "
        "months (HR 0.52).",
        title="Skeletal events with 177Lu-PSMA-617",
    )
    for found in (plain, bracketed):
        assert found["comparators"] == ["standard of care"]
        assert [m["arm"] for m in found["measurements"]] == ["177Lu-PSMA-617 + standard of care", "standard of care"]


def test_the_comparison_pairs_the_agents_beside_its_word_when_the_sentence_names_a_third(record):
    found = record(
        "METHODS: Baseline PSMA uptake was tested as a predictor of benefit from 177Lu-PSMA-617 versus "
        "cabazitaxel, with enzalutamide continued in both groups. RESULTS: High uptake was found in 40 men (38%).",
        title="PSMA PET uptake and benefit from 177Lu-PSMA-617",
    )
    assert found["comparators"] == ["cabazitaxel"]


def test_a_steroid_given_with_the_comparator_does_not_name_its_arm(record):
    found = record(
        "Men were randomly assigned (1:1) to 177Lu-PSMA-I&T every 6 weeks or to cabazitaxel 20 mg/m² every "
        "3 weeks with daily prednisone. Median rPFS was 9.1 vs 5.6 months (HR 0.58, 95% CI 0.44-0.77).",
        title="177Lu-PSMA-I&T versus cabazitaxel",
    )
    assert found["comparators"] == ["cabazitaxel"]
    assert [m["arm"] for m in found["measurements"] if m["endpoint"] == "rPFS"] == ["177Lu-PSMA-I&T", "cabazitaxel"]


def test_a_hyphenated_post_names_a_prior_therapy(record):
    found = record(
        "We modelled costs over ten years for 177Lu-PSMA-617 and cabazitaxel.",
        title="Cost-effectiveness of 177Lu-PSMA-617 versus cabazitaxel in post-docetaxel mCRPC",
    )
    assert found["comparators"] == ["cabazitaxel"]
    assert roles(found)["docetaxel"] == "prior-therapy"


def test_a_comparison_the_conclusion_proposes_is_not_the_studys(record):
    found = record(
        "Methods: Thirty men received 177Lu-XRT-22 every 8 weeks. Results: A PSA decline of 50% or more was seen in "
        "15 men (50%). Conclusion: 177Lu-XRT-22 was active, and a randomised comparison with 177Lu-PSMA-617 "
        "is warranted.",
        title="177Lu-XRT-22 in mCRPC: a phase 2 study",
    )
    assert found["comparators"] == []
    assert [m["arm"] for m in found["measurements"]] == ["177Lu-XRT-22"]


def test_the_tracer_that_served_as_reference_standard_is_the_comparator(record):
    found = record(
        "We imaged 60 men with 99mTc-PSMA-I&S SPECT/CT (3 h after injection) and, within a week, with "
        "68Ga-PSMA-11 PET/CT, which served as the reference standard. Results: At the lesion level, sensitivity was "
        "74% for bone metastases and 58% for nodal metastases.",
        title="99mTc-PSMA-I&S SPECT/CT for staging high-risk prostate cancer",
    )
    assert found["comparators"] == ["68Ga-PSMA-11"]
    sensitivity = [(m["arm"], m["value"]) for m in found["measurements"] if m["endpoint"] == "sensitivity"]
    assert sensitivity == [("99mTc-PSMA-I&S, bone metastases", 74.0), ("99mTc-PSMA-I&S, nodal metastases", 58.0)]


def test_a_review_has_the_arms_of_the_trials_it_pools(record):
    found = record(
        "We searched MEDLINE for randomised trials comparing 177Lu-PSMA-617 or 177Lu-PSMA-I&T with another "
        "systemic treatment. Comparators were cabazitaxel, an ARPI change or standard of care. Six trials were "
        "included; radioligand therapy prolonged rPFS (pooled HR 0.55, 95% CI 0.43-0.70).",
        title="Radioligand therapy versus other treatment in mCRPC: a meta-analysis",
    )
    assert sorted(found["comparators"]) == ["ARPI change", "cabazitaxel", "standard of care"]
    roles_found = roles(found)
    assert roles_found["177Lu-PSMA-617"] == roles_found["177Lu-PSMA-I&T"] == "investigational"


def test_a_single_arm_combination_is_the_arm_of_its_results(record):
    found = record(
        "Thirty-seven men received 177Lu-PSMA-617 plus pembrolizumab. A PSA decline of 50% or more occurred in "
        "27 of 37 (73%); immune-related adverse events of any grade occurred in 28%.",
        title="177Lu-PSMA-617 plus pembrolizumab in chemotherapy-naive mCRPC",
    )
    assert roles(found)["pembrolizumab"] == "investigational"
    assert [(m["endpoint"], m["arm"]) for m in found["measurements"]] == [
        ("PSA50", "177Lu-PSMA-617 + pembrolizumab"),
        ("AE:immune-related adverse events", "177Lu-PSMA-617 + pembrolizumab"),
    ]


def test_a_ratio_measured_against_a_named_comparator_is_the_investigational_arms(record):
    found = record(
        "Men were randomised to 177Lu-PSMA-I&T or docetaxel. Compared with docetaxel, the hazard ratio for rPFS "
        "was 0.64 (95% CI 0.42-0.97; p=0.035).",
        title="177Lu-PSMA-I&T versus docetaxel in mCRPC",
    )
    assert [(m["arm"], m["hr"]) for m in found["measurements"]] == [("177Lu-PSMA-I&T", 0.64)]


def test_a_psma_radioligand_can_be_the_comparator_of_another_new_agent(record):
    found = record(
        "Men were randomly assigned 1:1 to xaluritamig weekly or 177Lu-PSMA-617 every 6 weeks. Median rPFS was "
        "7.8 vs 8.1 months.",
        title="Xaluritamig versus 177Lu-PSMA-617 after docetaxel: a randomized phase 2 trial",
    )
    assert found["comparators"] == ["177Lu-PSMA-617"]
    assert [m["arm"] for m in found["measurements"]] == ["xaluritamig", "177Lu-PSMA-617"]


def test_arms_listed_after_the_word_arms(record):
    found = record(
        "Design: open-label, randomized (2:1) phase 3 trial. Arms: 225Ac-PSMA-617 every 8 weeks plus standard of "
        "care, versus standard of care alone. The primary endpoint will be rPFS; enrolment will end in 2027.",
        title="A phase 3 trial of 225Ac-PSMA-617 after 177Lu-PSMA-617 (trial in progress)",
    )
    assert found["comparators"] == ["standard of care"]


def test_a_value_for_both_arms_is_each_arms(record):
    found = record(
        "Men were randomly assigned to 177Lu-PSMA-I&T or cabazitaxel. Median overall survival was 15.2 months in "
        "both arms (HR 0.98, 95% CI 0.70-1.37).",
        title="177Lu-PSMA-I&T versus cabazitaxel",
    )
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [("177Lu-PSMA-I&T", 15.2), ("cabazitaxel", 15.2)]


def test_with_or_without_makes_an_arm_with_the_add_on_and_one_without(record):
    found = record(
        "Ninety men were randomised 1:1 to 177Lu-PSMA-I&T with or without olaparib. Median rPFS was 9.8 months with "
        "the combination and 7.1 months with 177Lu-PSMA-I&T alone.",
        title="177Lu-PSMA-I&T with or without olaparib in mCRPC: a randomised phase 2 trial",
    )
    assert found["comparators"] == ["177Lu-PSMA-I&T"]
    assert roles(found)["olaparib"] == "investigational"
    # The dose and schedule of the first may come between, before or after a bracket.
    dosed = record(
        "Ninety men were randomised 1:1 to 177Lu-PSMA-I&T 7.4 GBq every 6 weeks (up to six cycles) with or without "
        "olaparib 300 mg twice daily. Median rPFS was 9.8 months with the combination and 7.1 months with "
        "177Lu-PSMA-I&T alone.",
        title="A randomised phase 2 trial in mCRPC",
    )
    assert [(m["arm"], m["value"]) for m in dosed["measurements"]] == [
        ("177Lu-PSMA-I&T + olaparib", 9.8), ("177Lu-PSMA-I&T", 7.1),
    ]  # fmt: skip


def test_arms_named_only_in_brackets(record):
    found = record(
        "Men with oligorecurrent disease will be randomly assigned to radiotherapy to every lesion followed by "
        "177Lu-PSMA-617 or to radiotherapy alone (standard of care). The primary endpoint is metastasis-free "
        "survival.",
        title="A randomised phase 2 trial of metastasis-directed radiotherapy with or after 177Lu-PSMA-617",
    )
    assert found["comparators"] == ["standard of care"]


def test_a_control_arm_described_in_brackets_as_a_choice_of_agents(record):
    found = record(
        "Men progressing on one androgen receptor pathway inhibitor were randomly assigned to the radioligand arm "
        "(177Lu-PNT2002 6.8 GBq every 8 weeks) or to the control arm (a switch to abiraterone or enzalutamide).",
        title="177Lu-PNT2002 before chemotherapy in metastatic castration-resistant prostate cancer",
    )
    assert found["comparators"] == ["ARPI change"]
    assert roles(found)["177Lu-PNT2002"] == "investigational"


def test_a_meta_analysis_whose_trials_tested_agents_against_others(record):
    found = record(
        "Background: We pooled randomised trials of PSMA radioligands. Results: Three trials were included. "
        "They tested 177Lu-PSMA-617 or 177Lu-PNT2002 against cabazitaxel or standard of care. Pooled rPFS "
        "favoured the radioligands (HR 0.50, 95% CI 0.40-0.63).",
        title="PSMA radioligand therapy in mCRPC: a systematic review and meta-analysis",
    )
    assert sorted(found["comparators"]) == ["cabazitaxel", "standard of care"]


def test_a_randomization_sentence_without_arms_takes_them_from_the_next_sentence(record):
    # The title names only the added agent; the allocation sentence ends at its ratio; the arms follow.
    found = record(
        "Men with high-volume mHSPC were randomly assigned (1:1). Treatment: four cycles of 177Lu-PSMA-I&T with "
        "docetaxel and ADT, or docetaxel with ADT alone. Median rPFS was 21.0 versus 14.2 months.",
        title="177Lu-PSMA-I&T in hormone-sensitive disease: the randomised phase 2 LU-HI trial",
    )
    assert found["comparators"] == ["docetaxel + androgen deprivation therapy"]
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [
        ("177Lu-PSMA-I&T + docetaxel + androgen deprivation therapy", 21.0),
        ("docetaxel + androgen deprivation therapy", 14.2),
    ]


def test_an_agent_in_the_population_before_to_is_not_part_of_an_arm(record):
    found = record(
        "The trial randomised 300 docetaxel-naive men whose disease was staged with conventional imaging 2:1 to "
        "177Lu-PSMA-I&T or to cabazitaxel. Median rPFS was 9.0 versus 5.1 months."
    )
    assert found["comparators"] == ["cabazitaxel"]
    assert [m["arm"] for m in found["measurements"]] == ["177Lu-PSMA-I&T", "cabazitaxel"]


def test_an_arm_named_by_its_element_is_the_arm_of_that_radionuclide(record):
    text = (
        "Men were randomised to 161Tb-PSMA-617 or 177Lu-PSMA-617. The PSA50 rate was 47% in the lutetium arm and "
        "58% in the terbium arm."
    )
    rows = [(m["value"], m["arm"]) for m in record(text)["measurements"]]
    assert rows == [(47.0, "177Lu-PSMA-617"), (58.0, "161Tb-PSMA-617")]


def test_what_a_control_group_received_is_its_treatment_not_a_prior_one(record):
    text = (
        "Men were assigned to the combination group, which received 177Lu-PSMA-617 with enzalutamide, or to the "
        "control group, which received enzalutamide only. Median PSA-PFS was 13.1 months in the combination group "
        "and 7.2 months in the control group."
    )
    result = record(text)
    assert [(m["value"], m["arm"]) for m in result["measurements"]] == [
        (13.1, "177Lu-PSMA-617 + enzalutamide"), (7.2, "enzalutamide"),
    ]  # fmt: skip
    assert result["comparators"] == ["enzalutamide"]


def test_the_arms_of_a_randomization_end_at_a_semicolon(record):
    text = (
        "Men were randomised to 177Lu-PSMA-I&T or to a change of ARPI; crossover to 177Lu-PSMA-I&T was allowed at "
        "progression. Median rPFS was 9.1 vs 3.7 months."
    )
    result = record(text)
    assert result["comparators"] == ["ARPI change"]
    assert [m["arm"] for m in result["measurements"]] == ["177Lu-PSMA-I&T", "ARPI change"]


def test_a_change_of_management_is_the_studied_imagings_not_the_conventional_imaging_named_near_it(record):
    text = (
        "Seventy men with recurrence underwent 18F-DCFPyL PET/CT. Bone lesions were missed by conventional imaging in "
        "9 men, and the findings altered the intended treatment in 34% of men."
    )
    rows = [(m["endpoint"], m["value"], m["arm"]) for m in record(text)["measurements"]]
    assert rows == [("management change", 34.0, "18F-DCFPyL")]


def test_arms_named_by_labels_take_the_values_their_labels_name(record):
    text = (
        "Methods: open-label, randomised (1:1). Arm A: 177Lu-PSMA-617 + enzalutamide. Arm B: enzalutamide.\n"
        "Results: PSA50 was 62% in arm B and 81% in arm A. 12-month rPFS: 55% (B) vs 71% (A)."
    )
    found = record(text, title="ENZA-LU: a randomised phase 2 trial in mCRPC")
    rows = [(m["endpoint"], m["arm"], m["value"]) for m in found["measurements"]]
    assert rows == [
        ("PSA50", "enzalutamide", 62.0),
        ("PSA50", "177Lu-PSMA-617 + enzalutamide", 81.0),
        ("rPFS", "enzalutamide", 55.0),
        ("rPFS", "177Lu-PSMA-617 + enzalutamide", 71.0),
    ]
    assert found["comparators"] == ["enzalutamide"]


def test_labels_in_brackets_after_each_arm_name_them_in_a_list_of_values(record):
    text = (
        "Men were randomised 1:1:1 to cabazitaxel (arm 1), to 177Lu-PSMA-617 (arm 2) or to 177Lu-PSMA-617 with "
        "olaparib (arm 3). Median rPFS was 5.2, 8.0 and 9.6 months in arms 1, 2 and 3, respectively. "
        "Grade 3 or higher adverse events occurred in 48% of men in arm 1, 30% in arm 3 and 22% in arm 2."
    )
    rows = [(m["endpoint"], m["arm"], m["value"]) for m in record(text)["measurements"]]
    assert rows == [
        ("rPFS", "cabazitaxel", 5.2),
        ("rPFS", "177Lu-PSMA-617", 8.0),
        ("rPFS", "177Lu-PSMA-617 + olaparib", 9.6),
        ("AE grade>=3", "cabazitaxel", 48.0),
        ("AE grade>=3", "177Lu-PSMA-617 + olaparib", 30.0),
        ("AE grade>=3", "177Lu-PSMA-617", 22.0),
    ]


def test_hazard_ratios_given_for_labelled_arms_go_to_those_arms(record):
    text = (
        "Men were randomised to cabazitaxel (arm 1), to 177Lu-PSMA-617 (arm 2) or to 177Lu-PSMA-617 with olaparib "
        "(arm 3). Against cabazitaxel, the hazard ratio for rPFS was 0.70 (95% CI 0.52-0.94) for arm 2 and 0.55 "
        "(95% CI 0.40-0.76) for arm 3."
    )
    rows = [(m["arm"], m["hr"], m["ci_low"]) for m in record(text)["measurements"]]
    assert rows == [("177Lu-PSMA-617", 0.7, 0.52), ("177Lu-PSMA-617 + olaparib", 0.55, 0.4)]


def test_an_agent_offered_as_an_alternative_to_another_is_compared_with_it(record):
    found = record(
        "Fifty men had both scans within two weeks. No man was positive on SPECT/CT and negative on PET, so the "
        "specificity was 100%.",
        title="99mTc-PSMA-I&S SPECT/CT as an alternative to 18F-DCFPyL PET/CT for nodal staging",
    )
    assert found["comparators"] == ["18F-DCFPyL"]
    # Both modalities named before the value: neither names its arm, which stays the studied agent's.
    assert [(m["endpoint"], m["arm"]) for m in found["measurements"]] == [("specificity", "99mTc-PSMA-I&S")]


def test_men_who_had_both_scans_compare_the_two_agents(record):
    found = record(
        "Ninety men had both 99mTc-PSMA SPECT/CT and 18F-PSMA-1007 PET/CT within a week. "
        "Patient-level detection: 71% with SPECT/CT vs 88% with PET/CT.",
        title="Technetium PSMA imaging in primary staging",
    )
    assert found["comparators"] == ["18F-PSMA-1007"]
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [("99mTc-PSMA", 71.0), ("18F-PSMA-1007", 88.0)]
    # Both therapies given to the same men are a combination, not a comparison.
    combined = record("Forty men received both 177Lu-PSMA-617 and enzalutamide.", title="A phase 2 study")
    assert combined["comparators"] == []


def test_what_the_studys_men_received_is_the_study_treatment_and_what_they_had_received_is_prior(record):
    found = record(
        "Thirty men received ZR-2150, a PSMA x CD3 T-cell engager, every week. All had received docetaxel before.",
        title="A test abstract",
    )
    assert {a["label"]: a["role"] for a in found["agents"]} == {
        "docetaxel": "prior-therapy",
        "ZR-2150": "investigational",
    }


def test_three_arms_listed_with_commas_and_their_values_in_the_order_named(record):
    found = record(
        "Men were randomly assigned (1:1:1) to 177Lu-PSMA-617 (7.4 GBq every 6 weeks), cabazitaxel (20 mg/m2 every "
        "3 weeks), or 177Lu-PSMA-617 plus cabazitaxel. Median rPFS was 7.1 months in the 177Lu-PSMA-617 group, "
        "4.9 months in the cabazitaxel group and 9.8 months in the combination group. PSA50 response rates were "
        "58%, 33% and 70% in the three arms.",
        title="A three-arm randomised trial",
    )
    # the combination with the study drug is no comparator
    assert found["comparators"] == ["cabazitaxel"]
    rows = [(m["endpoint"], m["value"], m["arm"]) for m in found["measurements"]]
    assert rows == [
        ("rPFS", 7.1, "177Lu-PSMA-617"),
        ("rPFS", 4.9, "cabazitaxel"),
        ("rPFS", 9.8, "177Lu-PSMA-617 + cabazitaxel"),
        ("PSA50", 58.0, "177Lu-PSMA-617"),
        ("PSA50", 33.0, "cabazitaxel"),
        ("PSA50", 70.0, "177Lu-PSMA-617 + cabazitaxel"),
    ]


def test_a_comma_that_defines_an_arm_does_not_start_another(record):
    found = record(
        "Patients are randomised 1:1 to 177Lu-PSMA-617 plus standard of care, defined as an ARPI with androgen "
        "deprivation therapy, or to standard of care alone.",
        title="Design of a randomised trial",
    )
    assert found["comparators"] == ["standard of care"]


def test_a_regimen_compared_with_one_of_its_agents_alone_makes_that_agent_the_comparator(record):
    # "compared X plus Y with Y alone": the "with" after the first regimen starts the second, not an add-on.
    found = record(
        "This open-label phase 2 study compared cabazitaxel plus 177Lu-PSMA-I&T with cabazitaxel alone in 96 men "
        "with mCRPC after docetaxel. Median rPFS was 8.8 months with the combination and 5.4 months with "
        "cabazitaxel alone (HR 0.58; 95% CI 0.36-0.93).",
        title="Adding a PSMA radioligand to cabazitaxel",
    )
    assert found["comparators"] == ["cabazitaxel"]
    arms = [(m["arm"], m["value"]) for m in found["measurements"] if m["endpoint"] == "rPFS"]
    assert arms == [("cabazitaxel + 177Lu-PSMA-I&T", 8.8), ("cabazitaxel", 5.4)]


def test_the_compared_regimen_ends_where_the_next_clause_or_its_setting_starts(record):
    # "compared X with Y after Z and found ... with Y": the comparison's second regimen is Y, not Y and all the agents
    # of the clause that follows; the pair in brackets right after an arm's agent is that arm's value first.
    found = record(
        "A randomised phase 2 trial compared 225Ac-PSMA-617 with 177Lu-PSMA-617 following docetaxel and showed "
        "PSA declines of 50% or more more often with 177Lu-PSMA-617 (58% vs 41%).",
        title="Alpha versus beta PSMA radioligand therapy",
    )
    assert found["comparators"] == ["177Lu-PSMA-617"]
    arms = [(m["arm"], m["value"]) for m in found["measurements"] if m["endpoint"] == "PSA50"]
    assert arms == [("177Lu-PSMA-617", 58.0), ("225Ac-PSMA-617", 41.0)]
    # Set against the agent before it ("than with Y (a vs b)"), the pair keeps the order the arms were named in.
    against = record(
        "A randomised phase 2 trial compared 225Ac-PSMA-617 with 177Lu-PSMA-617 following docetaxel. PSA declines "
        "of 50% or more were more frequent with 225Ac-PSMA-617 than with 177Lu-PSMA-617 (58% vs 41%).",
        title="Alpha versus beta PSMA radioligand therapy",
    )
    arms = [(m["arm"], m["value"]) for m in against["measurements"] if m["endpoint"] == "PSA50"]
    assert arms == [("225Ac-PSMA-617", 58.0), ("177Lu-PSMA-617", 41.0)]


def test_the_second_compared_regimen_stops_before_the_next_clause(record):
    found = record(
        "This phase 2 study compared olaparib plus 177Lu-PSMA-617 with olaparib and showed longer rPFS with "
        "177Lu-PSMA-617 plus olaparib: 9.1 versus 4.6 months.",
        title="177Lu-PSMA-617 and olaparib in metastatic castration-resistant prostate cancer",
    )
    assert found["comparators"] == ["olaparib"]
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [
        ("olaparib + 177Lu-PSMA-617", 9.1),
        ("olaparib", 4.6),
    ]


def test_arms_listed_by_their_labels_with_the_treatment_in_brackets(record):
    found = record(
        "Men with mCRPC were randomised 1:1:1 to group 1 (225Ac-PSMA-617 100 kBq/kg every 8 weeks), group 2 "
        "(225Ac-PSMA-617 plus enzalutamide) or group 3 (enzalutamide alone). PSA50 responses were seen in 45%, "
        "61% and 22% of men in groups 1, 2 and 3, respectively.",
        title="An alpha radioligand with or without enzalutamide",
    )
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [
        ("225Ac-PSMA-617", 45.0),
        ("225Ac-PSMA-617 + enzalutamide", 61.0),
        ("enzalutamide", 22.0),
    ]


def test_labels_an_allocation_names_before_a_comma_and_values_labelled_in_three_ways(record):
    found = record(
        "Men with mCRPC were allocated 1:1 to group 1, darolutamide 600 mg twice daily, or to group 2, the same "
        "darolutamide plus 177Lu-PSMA-I&T 7.4 GBq every 6 weeks. A PSA50 response occurred in 31 of 60 (52%) in "
        "group 1 and 50 of 61 (82%) in group 2. Grade 3 or worse adverse events occurred in 20% (group 1) and 35% "
        "(group 2). At 12 months, 30% of men in group 1 and 55% in group 2 were free of PSA progression.",
        title="Darolutamide with or without a radioligand",
    )
    assert [(m["endpoint"], m["arm"], m["value"]) for m in found["measurements"]] == [
        ("PSA50", "darolutamide", 52.0),
        ("PSA50", "darolutamide + 177Lu-PSMA-I&T", 82.0),
        ("AE grade>=3", "darolutamide", 20.0),
        ("AE grade>=3", "darolutamide + 177Lu-PSMA-I&T", 35.0),
        ("PSA-PFS", "darolutamide", 30.0),
        ("PSA-PFS", "darolutamide + 177Lu-PSMA-I&T", 55.0),
    ]


def test_landmark_shares_with_each_arm_named_before_the_endpoint(record):
    found = record(
        "Men were randomised to 177Lu-PSMA-617 or docetaxel. At 12 months, 41% with docetaxel and 58% with "
        "177Lu-PSMA-617 were free of radiographic progression.",
        title="177Lu-PSMA-617 versus docetaxel",
    )
    assert [(m["endpoint"], m["arm"], m["value"], m["note"]) for m in found["measurements"]] == [
        ("rPFS", "docetaxel", 41.0, "12-month"),
        ("rPFS", "177Lu-PSMA-617", 58.0, "12-month"),
    ]


def test_an_arm_named_before_its_agents_and_values_with_their_arm_right_before_or_after(record):
    found = record(
        "Men with mCRPC were randomised 1:1:1 to 177Lu-PSMA-I&T (7.4 GBq), docetaxel (75 mg/m2) or sequential "
        "therapy (docetaxel for four cycles then 177Lu-PSMA-I&T). PSA50 responses were seen with docetaxel in "
        "39%, with sequential therapy in 70% and with 177Lu-PSMA-I&T in 58%. Grade 3 or higher neutropenia "
        "occurred in 2% (177Lu-PSMA-I&T), 19% (docetaxel) and 15% (sequential). Median PSA-PFS was longest in the "
        "sequential arm (9.9 months).",
        title="Radioligand, chemotherapy or both in sequence",
    )
    assert [(m["endpoint"], m["arm"], m["value"]) for m in found["measurements"]] == [
        ("PSA50", "docetaxel", 39.0),
        ("PSA50", "docetaxel + 177Lu-PSMA-I&T", 70.0),
        ("PSA50", "177Lu-PSMA-I&T", 58.0),
        ("AE:neutropenia", "177Lu-PSMA-I&T", 2.0),
        ("AE:neutropenia", "docetaxel", 19.0),
        ("AE:neutropenia", "docetaxel + 177Lu-PSMA-I&T", 15.0),
        ("PSA-PFS", "docetaxel + 177Lu-PSMA-I&T", 9.9),
    ]


def test_arms_of_a_randomised_safety_report_from_the_patients_counted_on_each_regimen(record):
    found = record(
        "Of the 400 randomised men, 260 patients treated with 177Lu-PSMA-I&T plus enzalutamide and 131 patients "
        "given enzalutamide alone were evaluable for safety. Adverse events of any grade occurred in 97.3% and "
        "88.5%; events of grade 3 or higher were recorded in 41.2% and 30.5%, and renal adverse events in 6.1% "
        "and 3.8%, respectively.",
        title="Safety of adding a radioligand to enzalutamide",
    )
    assert found["comparators"] == ["enzalutamide"]
    assert [(m["endpoint"], m["arm"], m["value"]) for m in found["measurements"]] == [
        ("AE any grade", "177Lu-PSMA-I&T + enzalutamide", 97.3),
        ("AE any grade", "enzalutamide", 88.5),
        ("AE grade>=3", "177Lu-PSMA-I&T + enzalutamide", 41.2),
        ("AE grade>=3", "enzalutamide", 30.5),
        ("AE:nephrotoxicity", "177Lu-PSMA-I&T + enzalutamide", 6.1),
        ("AE:nephrotoxicity", "enzalutamide", 3.8),
    ]


def test_in_a_comparison_of_a_pet_and_a_spect_tracer_the_modality_before_a_value_names_its_arm(record):
    found = record(
        "Thirty men with biochemical recurrence underwent 68Ga-PSMA-11 PET/CT and 99mTc-MIP-1404 SPECT/CT within a "
        "week.\nPatient-level detection rate: SPECT/CT 70%, PET/CT 83%.",
        title="99mTc-MIP-1404 SPECT/CT compared with 68Ga-PSMA-11 PET/CT",
    )
    rows = [(m["arm"], m["value"]) for m in found["measurements"] if m["endpoint"] == "detection rate"]
    assert rows == [("99mTc-MIP-1404", 70.0), ("68Ga-PSMA-11", 83.0)]


def test_crossover_adjusted_ratios_and_a_value_of_the_control_patients(record):
    found = record(
        "Men were randomised to 177Lu-PSMA-I&T or to a change of ARPI, with crossover allowed. With RPSFT "
        "adjustment the hazard ratio for death fell to 0.62 (95% CI 0.41-0.93), and the IPCW-adjusted estimate was "
        "0.81 (95% CI 0.60-1.10). Among control patients who never crossed over, median overall survival was 17.2 "
        "months.",
        title="Crossover-adjusted survival in a randomised trial",
    )
    assert [(m["endpoint"], m["arm"], m["value"], m["hr"]) for m in found["measurements"]] == [
        ("OS", "177Lu-PSMA-I&T", None, 0.62),
        ("OS", "177Lu-PSMA-I&T", None, 0.81),
        ("OS", "ARPI change", 17.2, None),
    ]


def test_corresponding_rates_of_a_stratum_set_apart_by_a_marker(record):
    found = record(
        "Men were randomised to 177Lu-PSMA-617 or cabazitaxel. In patients with an SUVmean of 10 or more, PSA50 "
        "responses were seen in 88% after 177Lu-PSMA-617 and in 45% after cabazitaxel; with an SUVmean below 10, "
        "the corresponding rates were 49% and 30%.",
        title="PSMA uptake and response",
    )
    assert [(m["arm"], m["value"]) for m in found["measurements"]][2:] == [
        ("177Lu-PSMA-617, SUVmean below 10", 49.0),
        ("cabazitaxel, SUVmean below 10", 30.0),
    ]


def test_ratios_of_a_three_arm_trial_go_to_the_values_of_the_arms_they_are_given_for(record):
    found = record(
        "Men were randomised 1:1:1 to 177Lu-PSMA-I&T (7.4 GBq), cabazitaxel (20 mg/m2) or sequential therapy "
        "(cabazitaxel then 177Lu-PSMA-I&T). Median PSA-PFS was longest in the sequential arm (9.0 months), "
        "followed by the 177Lu-PSMA-I&T arm (7.1 months) and the cabazitaxel arm (4.4 months); against "
        "cabazitaxel, the hazard ratios were 0.52 (95% CI 0.35-0.77) for sequential therapy and 0.71 (95% CI "
        "0.49-1.03) for 177Lu-PSMA-I&T.",
        title="Radioligand, chemotherapy or both",
    )
    assert [(m["arm"], m["value"], m["hr"]) for m in found["measurements"]] == [
        ("cabazitaxel + 177Lu-PSMA-I&T", 9.0, 0.52),
        ("177Lu-PSMA-I&T", 7.1, 0.71),
        ("cabazitaxel", 4.4, None),
    ]


def test_arms_named_by_a_word_of_what_they_are(record):
    found = record(
        "Men were randomised to conventional imaging or 18F-DCFPyL PET/CT before salvage radiotherapy. Management "
        "was changed in 20 (13%) of 150 men in the conventional group and in 45 (30%) of 151 men in the PSMA group. "
        "The 3-year PSA-PFS was 71% in the PET arm and 63% in the control arm.",
        title="PSMA PET before salvage radiotherapy",
    )
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [
        ("conventional imaging", 13.0),
        ("18F-DCFPyL", 30.0),
        ("18F-DCFPyL", 71.0),
        ("conventional imaging", 63.0),
    ]


def test_a_hazard_ratio_alone_of_a_two_arm_trial_goes_on_the_investigational_arm(record):
    found = record(
        "Men were randomly assigned to 177Lu-PSMA-I&T or to cabazitaxel. Survival data are immature, with "
        "crossover allowed from cabazitaxel, and the hazard ratio for death was 0.93 (95% CI 0.70-1.24).",
        title="177Lu-PSMA-I&T versus cabazitaxel",
    )
    assert [(m["arm"], m["hr"]) for m in found["measurements"] if m["endpoint"] == "OS"] == [("177Lu-PSMA-I&T", 0.93)]


def test_arms_named_side_by_side_with_with_are_two_arms_not_an_add_on(record):
    # "with X or with Y": two arms; "X alone or with Y" still adds Y to X.
    found = record(
        "Men with high-risk prostate cancer were randomly assigned to staging with conventional imaging or with "
        "18F-DCFPyL PET/CT. Accuracy was 71% with conventional imaging and 90% with 18F-DCFPyL.",
        title="PSMA PET versus conventional staging",
    )
    assert found["comparators"] == ["conventional imaging"]
    assert [m["arm"] for m in found["measurements"]] == ["conventional imaging", "18F-DCFPyL"]


def test_values_listed_respectively_follow_the_arms_the_sentence_before_named_by_role(record):
    found = record(
        "Men were randomly assigned to enzalutamide (control arm) or to 177Lu-PSMA-617 plus enzalutamide "
        "(experimental arm). The 2-year PSA-PFS was 41% in the control arm and 58% in the experimental arm. The "
        "2-year rPFS was 64% and 76%, respectively.",
        title="Adding 177Lu-PSMA-617 to enzalutamide: a randomised trial",
    )
    rows = [(m["arm"], m["value"]) for m in found["measurements"] if m["endpoint"] == "rPFS"]
    assert rows == [("enzalutamide", 64.0), ("177Lu-PSMA-617 + enzalutamide", 76.0)]


def test_a_third_arm_of_both_treatments_and_the_labels_of_all_three(record):
    found = record(
        "Men with PSMA-positive disease on 18F-DCFPyL PET/CT were randomly assigned to abiraterone (arm 1), "
        "225Ac-PSMA-617 (arm 2), or both (arm 3).\n"
        "Outcome | Arm 1 | Arm 2 | Arm 3\n"
        "PSA50, % | 38 | 55 | 71",
        title="Abiraterone, 225Ac-PSMA-617 or both: a randomised phase 2 trial",
    )
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [
        ("abiraterone acetate", 38.0),
        ("225Ac-PSMA-617", 55.0),
        ("abiraterone acetate + 225Ac-PSMA-617", 71.0),
    ]
    # The radioligand alone is the study drug given another way, no comparator; abiraterone alone is the control.
    assert found["comparators"] == ["abiraterone acetate"]


def test_the_arm_described_by_its_switch_to_another_arpi(record):
    found = record(
        "Men were randomised to 177Lu-PSMA-I&T or to a change of ARPI. Grade 3 or higher adverse events occurred in "
        "29.5% of men given 177Lu-PSMA-I&T and in 38.2% of those switched to another ARPI.",
        title="ECLIPSE",
    )
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [
        ("177Lu-PSMA-I&T", 29.5),
        ("ARPI change", 38.2),
    ]


def test_a_share_with_its_ci_in_brackets_belongs_to_the_agent_named_after_the_bracket(record):
    found = record(
        "Eighty men had both 18F-DCFPyL PET/CT and 18F-fluciclovine PET/CT. Disease was detected in 52 of 80 "
        "(65.0%; 95% CI 53.5-75.3) with 18F-DCFPyL and in 31 of 80 (38.8%; 95% CI 28.1-50.3) with "
        "18F-fluciclovine.",
        title="An intra-individual comparison of 18F-DCFPyL and 18F-fluciclovine",
    )
    assert [(m["arm"], m["value"], m["ci_low"]) for m in found["measurements"]] == [
        ("18F-DCFPyL", 65.0, 53.5),
        ("18F-fluciclovine", 38.8, 28.1),
    ]


def test_a_comparison_that_names_the_studied_radioligand_by_its_kind(record):
    found = record(
        "Lutetium-177 PSMA-I&T is now widely used. The randomised ORION trial compared the radioligand with "
        "docetaxel in 120 men and found a higher PSA response rate with 177Lu-PSMA-I&T (61% vs 40%).",
        title="PSMA radioligand therapy before chemotherapy",
    )
    assert found["comparators"] == ["docetaxel"]
    arms = [(m["arm"], m["value"]) for m in found["measurements"] if m["endpoint"] == "PSA50"]
    assert arms == [("177Lu-PSMA-I&T", 61.0), ("docetaxel", 40.0)]


def test_an_agent_combined_with_another_is_one_regimen_of_the_comparison(record):
    found = record(
        "We compared enzalutamide combined with 225Ac-PSMA-617 to enzalutamide alone in 80 men with mCRPC. "
        "PSA50 responses were 81% and 55%, respectively.",
        title="Alpha radioligand added to enzalutamide",
    )
    assert found["comparators"] == ["enzalutamide"]
    assert [m["arm"] for m in found["measurements"]] == ["enzalutamide + 225Ac-PSMA-617", "enzalutamide"]


def test_a_placebo_given_with_the_backbone_makes_the_backbone_part_of_both_arms(record):
    # "X or placebo with Y": Y is given in both arms; "Y alone" is then the placebo arm.
    found = record(
        "In this double-blind study, 150 men with mCRPC were randomised 1:1 to talazoparib or placebo with "
        "177Lu-PSMA-I&T. Median rPFS was 11.4 months in the combination arm and 8.1 months with 177Lu-PSMA-I&T "
        "alone (HR 0.68; 95% CI 0.47-0.98).",
        title="Talazoparib or placebo with 177Lu-PSMA-I&T",
    )
    assert found["comparators"] == ["placebo + 177Lu-PSMA-I&T"]
    arms = [(m["arm"], m["value"]) for m in found["measurements"] if m["endpoint"] == "rPFS"]
    assert arms == [("talazoparib + 177Lu-PSMA-I&T", 11.4), ("placebo + 177Lu-PSMA-I&T", 8.1)]


def test_the_combination_at_the_end_of_a_phrase_names_the_arm_of_several_agents(record):
    found = record(
        "Men with mHSPC were randomly assigned to darolutamide plus 177Lu-PSMA-617 or to darolutamide alone. "
        "Median PSA-PFS was 14.2 months with darolutamide and 22.6 months with the combination (HR 0.61; "
        "95% CI 0.45-0.83).",
        title="A radioligand added to darolutamide",
    )
    arms = [(m["arm"], m["value"]) for m in found["measurements"] if m["endpoint"] == "PSA-PFS"]
    assert arms == [("darolutamide", 14.2), ("darolutamide + 177Lu-PSMA-617", 22.6)]


def test_the_backbone_alone_of_a_placebo_controlled_trial_is_the_placebo_arm(record):
    found = record(
        "Patients were randomised to niraparib or placebo, each with 177Lu-PSMA-617. The median rPFS was 7.9 months "
        "with 177Lu-PSMA-617 alone and 10.6 months with the combination (HR 0.74).",
        title="Niraparib with 177Lu-PSMA-617",
    )
    arms = [(m["arm"], m["value"]) for m in found["measurements"] if m["endpoint"] == "rPFS"]
    assert arms == [("placebo + 177Lu-PSMA-617", 7.9), ("niraparib + 177Lu-PSMA-617", 10.6)]


def test_arms_named_by_their_role_and_what_they_received(record):
    found = record(
        "Eligible men were enrolled at 11 centres. The experimental group received 177Lu-PSMA-I&T 7.4 GBq every "
        "6 weeks, while the control group received abiraterone or enzalutamide. Median rPFS was 8.7 vs 4.9 months "
        "(HR 0.52; 95% CI 0.38-0.71).",
        title="Radioligand therapy against a second androgen receptor pathway inhibitor",
    )
    assert found["comparators"] == ["ARPI change"]
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [("177Lu-PSMA-I&T", 8.7), ("ARPI change", 4.9)]


def test_observation_and_best_supportive_care_are_comparator_arms(record):
    watched = record(
        "Men with three or fewer PSMA-avid nodes were randomised 1:1 to two cycles of 177Lu-PSMA-I&T or to "
        "observation. Median PSA-PFS was 15.3 months vs 7.0 months (HR 0.49; 95% CI 0.31-0.77).",
        title="Early radioligand therapy for nodal recurrence",
    )
    assert watched["comparators"] == ["observation"]
    assert [m["arm"] for m in watched["measurements"]] == ["177Lu-PSMA-I&T", "observation"]
    supported = record(
        "Frail men were randomly allocated to 225Ac-PSMA-617 or best supportive care. Median OS was 8.4 vs 4.6 months.",
        title="Alpha radioligand therapy in frail men",
    )
    assert supported["comparators"] == ["best supportive care"]


def test_observation_outside_the_arms_is_no_agent(record):
    found = record(
        "In 210 men imaged with 18F-DCFPyL PET/CT, the intended management changed from observation to "
        "metastasis-directed therapy in 31%.",
        title="18F-DCFPyL PET/CT and management",
    )
    assert [a["label"] for a in found["agents"]] == ["18F-DCFPyL"]
    assert [m["arm"] for m in found["measurements"]] == ["18F-DCFPyL"]


def test_randomised_between_two_regimens_gives_both_arms(record):
    found = record(
        "Ninety-two men were randomised (1:1) between 177Lu-PSMA-I&T plus darolutamide and darolutamide alone, at "
        "nine centres. Median PSA-PFS was 16.4 vs 9.8 months.",
        title="Adding 177Lu-PSMA-I&T to darolutamide",
    )
    assert found["comparators"] == ["darolutamide"]
    assert [m["arm"] for m in found["measurements"]] == ["177Lu-PSMA-I&T + darolutamide", "darolutamide"]


def test_the_noun_randomisation_opens_the_arms_too(record):
    found = record(
        "Randomisation (2:1) was to 177Lu-PSMA-617 or cabazitaxel. PSA50 responses were 58% and 31%.",
        title="A second-line trial",
    )
    assert found["comparators"] == ["cabazitaxel"]


def test_those_randomised_to_the_other_arm_after_than_name_the_comparator(record):
    found = record(
        "Men randomly assigned to 225Ac-PSMA-617 lived longer than those randomly assigned to cabazitaxel "
        "(median OS 14.0 vs 10.2 months).",
        title="An alpha radioligand in the second line",
    )
    assert found["comparators"] == ["cabazitaxel"]
    assert [m["arm"] for m in found["measurements"]] == ["225Ac-PSMA-617", "cabazitaxel"]


def test_three_arms_listed_without_a_serial_comma(record):
    found = record(
        "Men were randomly assigned to 177Lu-PSMA-I&T (n=40), 161Tb-PSMA-I&T (n=41) or docetaxel (n=39). PSA50 "
        "rates were 51%, 58% and 36%, respectively.",
        title="Two radioligands and a taxane",
    )
    assert sorted(found["comparators"]) == ["161Tb-PSMA-I&T", "docetaxel"]
    assert [m["arm"] for m in found["measurements"]] == ["177Lu-PSMA-I&T", "161Tb-PSMA-I&T", "docetaxel"]


def test_a_randomised_study_titled_adding_x_to_y_compares_x_with_y_against_y_alone(record):
    found = record(
        "In this open-label, randomised phase 2 study, 120 men with mHSPC were enrolled at 14 sites. The median "
        "PSA-PFS was 21.4 months with the addition of 177Lu-PSMA-I&T and 13.9 months in the control arm.",
        title="Adding 177Lu-PSMA-I&T to docetaxel and androgen deprivation therapy in high-volume mHSPC",
    )
    assert found["comparators"] == ["docetaxel + androgen deprivation therapy"]


def test_a_single_arm_study_titled_adding_x_to_y_has_no_comparator(record):
    found = record(
        "Twenty men received 177Lu-PSMA-617 with pembrolizumab. PSA50 was reached by 11 of 20 (55%).",
        title="Adding pembrolizumab to 177Lu-PSMA-617: a phase 1 study",
    )
    assert found["comparators"] == []


def test_an_odds_ratio_after_both_arms_values_goes_on_the_investigational_arm(record):
    found = record(
        "Men were randomised to 177Lu-PSMA-I&T or enzalutamide. A PSA decline of at least 50% was seen in 62% with "
        "177Lu-PSMA-I&T and 29% with enzalutamide (odds ratio 4.0, 95% CI 2.1-7.6).",
        title="177Lu-PSMA-I&T or enzalutamide",
    )
    ratio = next(m for m in found["measurements"] if m["statistic"] == "or")
    assert (ratio["arm"], ratio["value"]) == ("177Lu-PSMA-I&T", 4.0)


def test_ratios_each_followed_by_its_arm_go_on_that_arms_median(record):
    found = record(
        "Men were randomly assigned (1:1:1) to 177Lu-PSMA-I&T, enzalutamide, or 177Lu-PSMA-I&T plus enzalutamide. "
        "Median rPFS was 9.0 months in the 177Lu-PSMA-I&T group, 6.2 months in the enzalutamide group and 12.4 months "
        "in the combination group. Against enzalutamide, the HR was 0.78 (95% CI 0.58-1.05) for 177Lu-PSMA-I&T alone "
        "and 0.49 (95% CI 0.35-0.68) for the combination.",
        title="A three-arm randomised trial",
    )
    rows = [(m["arm"], m["value"], m["hr"]) for m in found["measurements"]]
    assert rows == [
        ("177Lu-PSMA-I&T", 9.0, 0.78),
        ("enzalutamide", 6.2, None),
        ("177Lu-PSMA-I&T + enzalutamide", 12.4, 0.49),
    ]


def test_groups_named_by_their_regimens_are_the_arms_when_the_allocation_names_none(record):
    # The allocation sentence gives only the ratio; the arms are named later as "the ... group", and the values of
    # later sentences that name no arm follow them in order.
    found = record(
        "LUMA randomly assigned 450 men (2:1) at 61 centres. Of these, 300 were in the 177Lu-PSMA-I&T plus ADT group "
        "and 150 in the ADT-alone group. Median time to pain progression was 8.4 versus 4.9 months (HR 0.61; 95% CI "
        "0.47-0.79).",
        title="Pain outcomes of a randomised phase 3 trial",
    )
    assert found["comparators"] == ["androgen deprivation therapy"]
    rows = [(m["arm"], m["value"]) for m in found["measurements"] if m["statistic"] == "median"]
    assert rows == [("177Lu-PSMA-I&T + androgen deprivation therapy", 8.4), ("androgen deprivation therapy", 4.9)]


def test_a_bracketed_pair_after_an_arm_named_again_is_that_arms_first(record):
    # Both arms are named earlier in the sentence; the pair follows the first arm named a second time, so it is the
    # first arm's value, then the other's.
    found = record(
        "Men were randomised to 177Lu-PSMA-I&T or docetaxel. Neutropenia was rarer in the 177Lu-PSMA-I&T arm than in "
        "the docetaxel arm (4% vs. 19%), but xerostomia was common with 177Lu-PSMA-I&T (44% vs. 6%).",
        title="177Lu-PSMA-I&T versus docetaxel",
    )
    arms = [(m["arm"], m["value"]) for m in found["measurements"] if m["endpoint"] == "AE:dry mouth"]
    assert arms == [("177Lu-PSMA-I&T", 44.0), ("docetaxel", 6.0)]


def test_an_arm_that_adds_to_the_one_before_it_is_an_arm_of_its_own_and_labels_find_their_arms(record):
    # "the same regimen plus X (arm B)" is the first arm's agents and X; the first label's stretch runs over the
    # population's prior therapy, yet names the first arm.
    found = record(
        "Men whose disease had progressed on an androgen receptor pathway inhibitor (ARPI) were randomly assigned "
        "(1:1:1) to 177Lu-PSMA-617 every 6 weeks (arm A), the same regimen plus enzalutamide (arm B), or docetaxel "
        "(arm C). Median rPFS was 9.1 months in arm A, 11.9 months in arm B and 6.0 months in arm C.",
        title="A three-arm randomised trial",
    )
    rows = [(m["arm"], m["value"]) for m in found["measurements"] if m["endpoint"] == "rPFS"]
    assert rows == [("177Lu-PSMA-617", 9.1), ("177Lu-PSMA-617 + enzalutamide", 11.9), ("docetaxel", 6.0)]


def test_a_supportive_drug_named_after_a_value_of_a_single_arm_study_is_not_its_arm(record):
    found = record(
        "Twenty-four men received ZX-44, an anti-PSMA CAR T-cell product. Safety: CRS 20 pts (83%), all resolved with "
        "tocilizumab."
    )
    assert {m["arm"] for m in found["measurements"]} == {"ZX-44"}


def test_ratios_labelled_by_the_arms_they_compare_go_on_the_first_arms_median(record):
    found = record(
        "Men were randomly assigned (1:1:1) to 177Lu-PSMA-617 (arm A), 177Lu-PSMA-617 plus enzalutamide (arm B), or "
        "docetaxel (arm C). Median rPFS was 9.1 months in arm A, 11.9 months in arm B and 6.0 months in arm C (A vs "
        "C: HR 0.61, 95% CI 0.45-0.83; B vs C: HR 0.47, 95% CI 0.34-0.65).",
        title="A three-arm randomised trial",
    )
    rows = [(m["arm"], m["value"], m["hr"]) for m in found["measurements"]]
    assert rows == [
        ("177Lu-PSMA-617", 9.1, 0.61), ("177Lu-PSMA-617 + enzalutamide", 11.9, 0.47), ("docetaxel", 6.0, None)
    ]  # fmt: skip


def test_values_told_apart_by_their_parts_in_a_sentence_that_names_one_arm_are_that_arms(record):
    found = record(
        "Men were randomised to 177Lu-PSMA-617 or cabazitaxel. Within the 177Lu-PSMA-617 arm, median PSA-PFS was 8.3"
        " months for men with an SUVmean of 10 or higher and 3.9 months for those below 10. For 177Lu-PSMA-617, PSA50"
        " was 61% for reader 1 and 58% for reader 2.",
        title="Uptake and outcome after 177Lu-PSMA-617 or cabazitaxel",
    )
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [
        ("177Lu-PSMA-617, SUVmean of 10 or higher", 8.3),
        ("177Lu-PSMA-617, below 10", 3.9),
        ("177Lu-PSMA-617, reader 1", 61.0),
        ("177Lu-PSMA-617, reader 2", 58.0),
    ]


def test_a_code_in_brackets_after_a_class_armoured_with_a_transgene_names_the_agent(record):
    found = record(
        "Twelve men with mCRPC received the cells. Grade 3 cytokine release syndrome occurred in 2 (17%).",
        title="PSMA CAR T cells armoured with an IL-12 transgene (ZX-PSMA12) in prostate cancer: a phase 1 study",
    )
    assert roles(found) == {"ZX-PSMA12": "investigational"}


def test_values_listed_respectively_follow_the_arms_named_before_not_the_agents_every_arm_shares(record):
    found = record(
        "Men were randomised to 177Lu-PSMA-617 plus ADT and an ARPI, or to ADT and an ARPI alone. Median rPFS was"
        " 30.2 months with 177Lu-PSMA-617 and 21.7 months with ADT plus an ARPI alone. In high-volume disease, median"
        " rPFS was 24.1 and 15.0 months, respectively.",
        title="177Lu-PSMA-617 in hormone-sensitive prostate cancer",
    )
    rows = [(m["arm"].split(",")[0], m["value"]) for m in found["measurements"]]
    assert rows[2:] == [
        ("177Lu-PSMA-617 + androgen deprivation therapy + androgen receptor pathway inhibitor", 24.1),
        ("androgen deprivation therapy + androgen receptor pathway inhibitor", 15.0),
    ]


def test_three_tracers_allocated_one_to_one_to_one_are_three_arms(record):
    # Two tracers of one class after a first are alternatives of one arm ("to X or to Y or Z"), unless the ratio
    # of allocation counts an arm for each.
    found = record(
        "In this multicentre trial, 246 men with a rising PSA after prostatectomy were randomly assigned 1:1:1 to "
        "18F-PSMA-1007, 18F-DCFPyL or 68Ga-PSMA-11 PET/CT. The detection rate was 58.5%, 54.9% and 50.0%, "
        "respectively, and the salvage radiotherapy plan was changed in 30.5%, 28.0% and 25.6% of men.",
        title="Three PSMA tracers before salvage radiotherapy: a randomised trial",
    )
    assert [(m["endpoint"], m["value"], m["arm"]) for m in found["measurements"]] == [
        ("detection rate", 58.5, "18F-PSMA-1007"),
        ("detection rate", 54.9, "18F-DCFPyL"),
        ("detection rate", 50.0, "68Ga-PSMA-11"),
        ("management change", 30.5, "18F-PSMA-1007"),
        ("management change", 28.0, "18F-DCFPyL"),
        ("management change", 25.6, "68Ga-PSMA-11"),
    ]


def test_a_run_set_against_the_first_takes_the_arm_named_after_its_brackets(record):
    found = record(
        "We staged 120 men with 18F-PSMA-1007 PET/CT and with conventional imaging before prostatectomy. Per "
        "patient, 18F-PSMA-1007 PET/CT had a sensitivity of 72.5% (29/40; 95% CI 56.1-85.4) and a specificity of "
        "93.8% (75/80; 95% CI 86.0-97.9), against 30.0% (12/40; 95% CI 16.6-46.5) and 91.3% (73/80; 95% CI "
        "82.8-96.4) for conventional imaging.",
        title="18F-PSMA-1007 PET/CT versus conventional imaging for nodal staging",
    )
    assert [(m["endpoint"], m["value"], m["arm"]) for m in found["measurements"]] == [
        ("sensitivity", 72.5, "18F-PSMA-1007"),
        ("specificity", 93.8, "18F-PSMA-1007"),
        ("sensitivity", 30.0, "conventional imaging"),
        ("specificity", 91.3, "conventional imaging"),
    ]


def test_each_arm_named_before_its_value_in_brackets_gets_that_value(record):
    found = record(
        "Men were randomised 2:1 to 177Lu-PSMA-I&T or to ARPI change. Objective response rate: 177Lu-PSMA-I&T "
        "[20.8%], ARPI change [2.2%]. Grade ≥3 adverse events were less common with 177Lu-PSMA-I&T (19.7%) than with "
        "ARPI change (27.8%). In men with liver metastases the stratified HR for rPFS was 0.62 (95% CI 0.28-1.38).",
        title="177Lu-PSMA-I&T versus ARPI change: a randomised phase 3 trial",
    )
    assert [(m["endpoint"], m["value"] or m["hr"], m["arm"]) for m in found["measurements"]] == [
        ("ORR", 20.8, "177Lu-PSMA-I&T"),
        ("ORR", 2.2, "ARPI change"),
        ("AE grade>=3", 19.7, "177Lu-PSMA-I&T"),
        ("AE grade>=3", 27.8, "ARPI change"),
        ("rPFS", 0.62, "177Lu-PSMA-I&T, liver metastases"),
    ]


def test_a_lone_value_takes_the_arm_that_opens_its_clause(record):
    found = record(
        "Methods: Forty men were randomly assigned 1:1 to 177Lu-PSMA-617 or to docetaxel. Results: In the "
        "177Lu-PSMA-617 group, 12 of 20 men had a PSA decline of 50% or more and median progression-free survival was "
        "4.0 months, whereas in the docetaxel group median progression-free survival was 3.9 months.",
        title="177Lu-PSMA-617 versus docetaxel: a randomised phase 2 trial",
    )
    assert [(m["value"], m["arm"]) for m in found["measurements"] if m["endpoint"] == "PFS"] == [
        (4.0, "177Lu-PSMA-617"),
        (3.9, "docetaxel"),
    ]


def test_a_sentence_told_arm_by_arm_gives_every_value_of_a_clause_to_the_arm_that_opens_it(record):
    found = record(
        "Methods: Ninety men were randomly assigned 1:1 to 177Lu-PSMA-I&T or to enzalutamide. Results: In the "
        "177Lu-PSMA-I&T group, PSA50 was reached by 64% of men with visceral disease and by 58% of men without it; "
        "in the enzalutamide group, the corresponding rates were 22% and 31%.",
        title="177Lu-PSMA-I&T versus enzalutamide",
    )
    # (the arm of a record names the subgroup after a comma: "177Lu-PSMA-I&T, visceral disease")
    assert [(m["value"], m["arm"].partition(",")[0]) for m in found["measurements"]] == [
        (64.0, "177Lu-PSMA-I&T"), (58.0, "177Lu-PSMA-I&T"), (22.0, "enzalutamide"), (31.0, "enzalutamide"),
    ]  # fmt: skip
    # Two values set against each other in one clause are two arms' values, whatever arm opens it.
    compared = record(
        "Methods: Ninety men were randomly assigned 1:1 to 177Lu-PSMA-I&T or to enzalutamide. Results: In the "
        "177Lu-PSMA-I&T group, PSA50 was 64% versus 22%; in the enzalutamide group, grade 3 fatigue occurred in 9%.",
        title="177Lu-PSMA-I&T versus enzalutamide",
    )
    assert [(m["value"], m["arm"]) for m in compared["measurements"]][:2] == [
        (64.0, "177Lu-PSMA-I&T"), (22.0, "enzalutamide"),
    ]  # fmt: skip


def test_an_odds_ratio_named_with_a_tracer_is_that_tracers_and_never_its_mass_number(record):
    found = record(
        "Fifty men had 18F-fluciclovine PET/CT and 18F-DCFPyL PET/CT within 15 days. 18F-DCFPyL detected recurrence "
        "in 28 patients (56%) and 18F-fluciclovine in 13 (26%); the odds ratio for a positive scan with 18F-DCFPyL "
        "was 4.8 (95% CI 1.8-12.9).",
        title="18F-DCFPyL versus 18F-fluciclovine PET/CT: an intra-individual comparison",
    )
    ratios = [(m["value"], m["arm"], m["ci_low"]) for m in found["measurements"] if m["statistic"] == "or"]
    assert ratios == [(4.8, "18F-DCFPyL", 1.8)]


def test_labelled_arms_listed_with_semicolons_name_their_values(record):
    found = record(
        "In this randomised phase 2 trial, men with mCRPC were randomly assigned 2:1:1 to arm A, 177Lu-PSMA-617 7.4 "
        "GBq every 6 weeks; arm B, cabazitaxel 20 mg/m² every 3 weeks; or arm C, 177Lu-PSMA-617 followed by "
        "cabazitaxel. PSA50 response rate — arm A: 58%; arm B: 37%; arm C: 63%. Febrile neutropenia occurred in 7% "
        "of arm B and 5% of arm C.",
        title="177Lu-PSMA-617, cabazitaxel or both in sequence: a randomised three-arm trial",
    )
    assert [(m["endpoint"], m["value"], m["arm"]) for m in found["measurements"]] == [
        ("PSA50", 58.0, "177Lu-PSMA-617"),
        ("PSA50", 37.0, "cabazitaxel"),
        ("PSA50", 63.0, "177Lu-PSMA-617 + cabazitaxel"),
        ("AE:febrile neutropenia", 7.0, "cabazitaxel"),
        ("AE:febrile neutropenia", 5.0, "177Lu-PSMA-617 + cabazitaxel"),
    ]


def test_treated_and_untreated_men_are_the_two_arms_of_a_cohort_comparison(record):
    found = record(
        "Men referred for 177Lu-PSMA-617 who received it were compared with men managed with best supportive care. "
        "The 12-month survival rate was 56% in treated men against 27% in untreated men.",
        title="177Lu-PSMA-617 compared with best supportive care: a weighted cohort study",
    )
    assert [(m["value"], m["arm"]) for m in found["measurements"]] == [
        (56.0, "177Lu-PSMA-617"),
        (27.0, "best supportive care"),
    ]


def test_the_group_of_the_backbone_alone_is_not_the_combination_that_holds_it(record):
    found = record(
        "Men were randomised 1:1 to enzalutamide alone or to enzalutamide plus 177Lu-PSMA-617. In the combination "
        "group, median PSA progression-free survival was 13.0 months, whereas in the enzalutamide group median PSA "
        "progression-free survival was 7.8 months.",
        title="Enzalutamide with or without 177Lu-PSMA-617: a randomised phase 2 trial",
    )
    assert [(m["value"], m["arm"]) for m in found["measurements"]] == [
        (13.0, "enzalutamide + 177Lu-PSMA-617"),
        (7.8, "enzalutamide"),
    ]


def test_psma_pet_named_without_its_tracer_is_the_arm_of_the_one_psma_pet_tracer_of_an_imaging_study(record):
    found = record(
        "Men with high-risk cancer were randomised to conventional imaging or to 68Ga-PSMA-11 PET/CT. Management "
        "changed in 12% of men after conventional imaging and in 31% after PSMA PET/CT (p=0.01).",
        title="68Ga-PSMA-11 PET/CT versus conventional imaging for staging: a randomised trial",
    )
    assert [(m["value"], m["arm"]) for m in found["measurements"]] == [
        (12.0, "conventional imaging"),
        (31.0, "68Ga-PSMA-11"),
    ]


def test_each_arm_named_before_a_bracket_that_gives_a_count_then_the_share(record):
    found = record(
        "Men were randomised to conventional imaging or to 68Ga-PSMA-11 PET/CT. The detection rate was lower with "
        "conventional imaging (35 of 152 men, 23%) than with 68Ga-PSMA-11 PET/CT (60 of 150, 40%).",
        title="68Ga-PSMA-11 PET/CT versus conventional imaging for staging: a randomised trial",
    )
    assert [(m["value"], m["arm"]) for m in found["measurements"]] == [
        (23.0, "conventional imaging"),
        (40.0, "68Ga-PSMA-11"),
    ]


def test_an_agent_opening_a_clause_set_against_a_value_is_not_that_values_arm(record):
    found = record(
        "Forty men had radioguided surgery with 99mTc-PSMA-I&S after 68Ga-PSMA-11 PET/CT. The probe had a "
        "sensitivity of 86.0% (95% CI 70.0-95.0) and a specificity of 96.0% (95% CI 85.0-99.0), whereas "
        "68Ga-PSMA-11 PET/CT had a sensitivity of 61.0%.",
        title="99mTc-PSMA-I&S radioguided surgery for nodal staging",
    )
    rows = [(m["endpoint"], m["value"], m["arm"]) for m in found["measurements"]]
    assert rows == [
        ("sensitivity", 86.0, "99mTc-PSMA-I&S"),
        ("specificity", 96.0, "99mTc-PSMA-I&S"),
        ("sensitivity", 61.0, "68Ga-PSMA-11"),
    ]


def test_two_arpis_joined_by_a_slash_are_the_choice_of_one_arm_not_a_combination(record):
    found = record(
        "Methods: 300 men were randomised 1:1 to 177Lu-PSMA-617 or to an abiraterone/enzalutamide switch. Results: "
        "median rPFS was 9.1 vs 5.4 months.",
        title="177Lu-PSMA-617 versus a second androgen receptor pathway inhibitor: a randomised trial",
    )
    assert [(m["value"], m["arm"]) for m in found["measurements"]] == [(9.1, "177Lu-PSMA-617"), (5.4, "ARPI change")]


def test_the_agent_named_before_the_corresponding_rates_is_their_arm(record):
    found = record(
        "We pooled studies of 177Lu-PSMA-617 and of 225Ac-PSMA-617. With 177Lu-PSMA-617, nephrotoxicity of any grade "
        "occurred in 10.5% and of grade 3 or higher in 1.4%. With 225Ac-PSMA-617 the corresponding rates were 15.9% "
        "(95% CI 9.8-24.6%) and 3.0% (95% CI 1.4-6.2%).",
        title="Nephrotoxicity of PSMA radioligand therapy: a meta-analysis",
    )
    assert [(m["value"], m["arm"]) for m in found["measurements"]] == [
        (10.5, "177Lu-PSMA-617"),
        (1.4, "177Lu-PSMA-617"),
        (15.9, "225Ac-PSMA-617"),
        (3.0, "225Ac-PSMA-617"),
    ]


def test_in_a_study_without_arms_each_ratio_is_of_the_agent_right_after_its_bracket(record):
    found = record(
        "We did a network meta-analysis of randomised trials after docetaxel. For overall survival, hazard ratios "
        "versus an ARPI change were 0.85 (95% CrI 0.65-1.10) for 177Lu-PSMA-617, 0.66 (95% CrI 0.47-0.90) for "
        "cabazitaxel and 0.79 (95% CrI 0.63-0.99) for olaparib.",
        title="Treatments for mCRPC after docetaxel: a network meta-analysis",
    )
    assert [(m["hr"], m["arm"]) for m in found["measurements"]] == [
        (0.85, "177Lu-PSMA-617"),
        (0.66, "cabazitaxel"),
        (0.79, "olaparib"),
    ]


def test_what_a_pooled_analysis_sets_its_agents_against_is_its_comparator(record):
    pooled = record(
        "We pooled five randomised trials of PSMA radioligand therapy. Radioligand therapy delayed pain progression "
        "compared with standard of care or cabazitaxel (pooled HR 0.55, 95% CI 0.44-0.69).",
        title="177Lu-PSMA-617 in mCRPC: a meta-analysis of randomised trials",
    )
    assert pooled["comparators"] == ["standard of care", "cabazitaxel"]
    background = record(
        "We pooled five randomised trials of PSMA radioligand therapy. Earlier reviews looked at radioligand therapy "
        "versus cabazitaxel or docetaxel in men after chemotherapy. Radioligand therapy prolonged rPFS "
        "(pooled HR 0.55, 95% CI 0.44-0.69).",
        title="177Lu-PSMA-617 in mCRPC: a meta-analysis of randomised trials",
    )
    assert background["comparators"] == []  # (the word "or" names no odds ratio)


def test_a_pooled_analysis_sets_its_agents_against_what_its_trials_randomised_or_what_it_did_better_than(record):
    trials = record(
        "We pooled four trials that had randomised 1,900 men to 177Lu-PSMA-617 or 177Lu-PNT2002 versus standard of "
        "care, cabazitaxel or a change of androgen receptor pathway inhibitor. Radioligand therapy prolonged rPFS "
        "(pooled HR 0.57, 95% CI 0.46-0.70).",
        title="Radioligand therapy in mCRPC: a meta-analysis of randomised trials",
    )
    assert trials["comparators"] == ["standard of care", "cabazitaxel", "ARPI change"]
    better = record(
        "Across seven comparative studies, nodal metastases were found more often with 18F-DCFPyL PET than with "
        "conventional imaging (odds ratio 3.1, 95% CI 2.0-4.8).",
        title="18F-DCFPyL PET for staging prostate cancer: a systematic review and meta-analysis",
    )
    assert better["comparators"] == ["conventional imaging"]
    same_men = record(
        "Eight studies compared SPECT/CT with 68Ga-PSMA-11 PET/CT in the same men; SPECT/CT detected recurrence "
        "less often (odds ratio 0.46, 95% CI 0.30-0.72).",
        title="99mTc-PSMA SPECT/CT in prostate cancer: a meta-analysis",
    )
    assert same_men["comparators"] == ["68Ga-PSMA-11"]
    own = record(
        "We treated 500 men with 177Lu-PSMA-617 or 177Lu-PSMA-I&T at eight centres. The ligand given (177Lu-PSMA-I&T "
        "versus 177Lu-PSMA-617) did not affect survival (HR 1.04; 95% CI 0.85-1.27).",
        title="Predictors of survival after PSMA radioligand therapy: a multicentre cohort",
    )
    assert own["comparators"] == []


def test_a_crossover_allowed_after_the_arms_is_no_part_of_the_control_arm(record):
    found = record(
        "Men were randomised 2:1 to 177Lu-PNT2002 or to a change of ARPI (abiraterone or enzalutamide), with "
        "crossover to 177Lu-PNT2002 allowed at radiographic progression. Median rPFS was 9.5 months with "
        "177Lu-PNT2002 and 6.0 months with ARPI change.",
        title="177Lu-PNT2002 versus a change of ARPI: the randomised phase 3 SPLASH trial",
    )
    assert [(m["value"], m["arm"]) for m in found["measurements"]] == [(9.5, "177Lu-PNT2002"), (6.0, "ARPI change")]


def test_the_arm_named_by_the_class_of_its_choice_is_that_arm(record):
    found = record(
        "Men were randomised 2:1 to 177Lu-PNT2002 or to a change of ARPI (abiraterone or enzalutamide). Median time "
        "to pain progression was not reached in the 177Lu-PNT2002 arm and was 12.4 months in the ARPI arm.",
        title="177Lu-PNT2002 versus a change of ARPI: the randomised phase 3 SPLASH trial",
    )
    assert [m["arm"] for m in found["measurements"]] == ["177Lu-PNT2002", "ARPI change"]


def test_a_randomised_trial_a_conclusion_announces_is_no_arm_of_this_study(record):
    found = record(
        "Methods: First-in-human phase 1 of xaluritamig given weekly. Results: 90 men were treated. PSA50 was 49%. "
        "Conclusions: Xaluritamig is active. A randomised phase 3 trial versus cabazitaxel or ARPI change is "
        "enrolling.",
        title="Xaluritamig in mCRPC: dose expansion",
    )
    assert [(m["value"], m["arm"]) for m in found["measurements"]] == [(49.0, "xaluritamig")]
    assert found["comparators"] == []


def test_the_drugs_a_comparator_regimen_is_a_choice_of_are_agents_and_comparators_when_named_with_it(record):
    found = record(
        "Men were randomised 1:1 to 177Lu-PNT2002 or to an ARPI change (abiraterone or enzalutamide). Median rPFS "
        "was 9.5 months with 177Lu-PNT2002 and 6.0 months with ARPI change.",
        title="177Lu-PNT2002 versus a change of ARPI in mCRPC",
    )
    assert [(a["label"], a["role"]) for a in found["agents"]] == [
        ("177Lu-PNT2002", "investigational"),
        ("ARPI change", "comparator"),
        ("abiraterone acetate", "comparator"),
        ("enzalutamide", "comparator"),
    ]
    assert found["comparators"] == ["ARPI change"]
    assert [m["arm"] for m in found["measurements"]] == ["177Lu-PNT2002", "ARPI change"]


def test_an_agent_the_men_never_had_is_no_agent_of_the_record(record):
    found = record(
        "Men with taxane-naive mCRPC were randomised to 177Lu-PSMA-617 or to an ARPI change. Median rPFS was 9.3 "
        "versus 5.6 months.",
        title="177Lu-PSMA-617 versus a change of ARPI in taxane-naive mCRPC",
    )
    assert [a["label"] for a in found["agents"]] == ["177Lu-PSMA-617", "ARPI change"]
    named_again = record(
        "Men with taxane-naive mCRPC were randomised to 177Lu-PSMA-617 or to docetaxel. Median rPFS was 9.3 versus "
        "5.6 months.",
        title="177Lu-PSMA-617 versus docetaxel in taxane-naive mCRPC",
    )
    assert "docetaxel" in [a["label"] for a in named_again["agents"]]


def test_a_new_tracer_set_against_a_known_one_is_the_tracer_under_study(record):
    found = record(
        "Forty men with biochemical recurrence had 68Ga-XT-204 PET/CT and 68Ga-PSMA-11 PET/CT within a week. Detection "
        "rates were 74% and 63%.",
        title="68Ga-XT-204 versus 68Ga-PSMA-11 PET/CT in biochemical recurrence",
    )
    assert [(a["label"], a["role"]) for a in found["agents"]] == [
        ("68Ga-XT-204", "investigational"),
        ("68Ga-PSMA-11", "comparator"),
    ]


def test_pairs_of_counts_compared_take_the_named_arm_first_and_the_other_second(record):
    found = record(
        "Fifty men had 68Ga-PSMA-11 PET/CT and conventional imaging (CT and bone scan). 68Ga-PSMA-11 PET/CT found "
        "nodal metastases in 20 (40%) patients compared with 9 (18%) on CT, and bone metastases in 12 (24%) "
        "compared with 7 (14%) on bone scan.",
        title="68Ga-PSMA-11 PET/CT versus conventional imaging for staging",
    )
    assert [(m["arm"].partition(",")[0], m["value"]) for m in found["measurements"]] == [
        ("68Ga-PSMA-11", 40.0),
        ("conventional imaging", 18.0),
        ("68Ga-PSMA-11", 24.0),
        ("conventional imaging", 14.0),
    ]


def test_radiotherapy_given_in_both_arms_names_the_comparator_and_is_no_agent(record):
    found = record(
        "Methods: Men with up to four PSMA-avid metastases were randomised 1:1 to stereotactic body radiotherapy "
        "(SBRT) alone or SBRT followed by two cycles of 177Lu-PSMA-617. Results: Median progression-free survival "
        "was 15.2 months with the combination and 9.8 months with SBRT alone (HR 0.55, 95% CI 0.34-0.88).",
        title="SBRT with or without 177Lu-PSMA-617 for oligometastatic prostate cancer: a randomised phase 2 trial",
    )
    assert [(m["arm"], m["value"], m["hr"]) for m in found["measurements"]] == [
        ("stereotactic body radiotherapy + 177Lu-PSMA-617", 15.2, 0.55),
        ("stereotactic body radiotherapy", 9.8, None),
    ]
    assert found["comparators"] == ["stereotactic body radiotherapy"]
    assert [agent["label"] for agent in found["agents"]] == ["177Lu-PSMA-617"]


def test_an_assumed_median_of_radiotherapy_and_a_partner_is_the_partners_arm(record):
    found = record(
        "Design: After SBRT to every lesion, men are randomised to observation or to 177Lu-PSMA-617. Assuming a "
        "median MFS of 20 months with SBRT and observation and of 30 months with SBRT and 177Lu-PSMA-617, 300 men "
        "give 85% power.",
        title="Consolidative 177Lu-PSMA-617 or observation after SBRT: protocol of a randomised trial",
    )
    medians = [(m["arm"], m["value"], m["status"]) for m in found["measurements"] if m["endpoint"] == "MFS"]
    assert medians == [("observation", 20.0, "planned"), ("177Lu-PSMA-617", 30.0, "planned")]


def test_a_pooled_study_of_no_arms_keeps_the_order_of_its_agents_for_every_run_of_values_respectively(record):
    found = record(
        "Methods: We pooled series of 177Lu-PSMA-I&T, 161Tb-PSMA-I&T and 225Ac-PSMA-I&T. Results: Grade 3 or higher "
        "anaemia was seen in 6% (95% CI 3-9) with 177Lu-PSMA-I&T, 9% (95% CI 4-16) with 161Tb-PSMA-I&T and 15% (95% "
        "CI 8-24) with 225Ac-PSMA-I&T. Pooled rates of any-grade dry mouth were 22% (95% CI 15-30), 25% (95% CI "
        "14-38) and 61% (95% CI 49-72), and of any-grade fatigue 30% (95% CI 22-39), 27% (95% CI 16-40) and 35% "
        "(95% CI 24-47), respectively.",
        title="Toxicity of PSMA-I&T labelled with three radionuclides: a meta-analysis",
    )
    rows = [(m["endpoint"], m["arm"], m["value"]) for m in found["measurements"] if m["endpoint"] != "AE:anemia"]
    assert rows == [
        ("AE:dry mouth", "177Lu-PSMA-I&T", 22.0), ("AE:dry mouth", "161Tb-PSMA-I&T", 25.0),
        ("AE:dry mouth", "225Ac-PSMA-I&T", 61.0),
        ("AE:fatigue", "177Lu-PSMA-I&T", 30.0), ("AE:fatigue", "161Tb-PSMA-I&T", 27.0),
        ("AE:fatigue", "225Ac-PSMA-I&T", 35.0),
    ]  # fmt: skip


def test_disease_seen_in_counts_with_shares_compared_pair_by_pair_takes_the_two_tracers(record):
    found = record(
        "Methods: Fifty men with high-risk disease had both scans within a week. Results: Pelvic nodal metastases "
        "were seen in 16 (32.0%) vs 11 (22.0%) men and bone metastases in 6 (12.0%) vs 5 (10.0%) men, respectively.",
        title="18F-DCFPyL versus 68Ga-PSMA-11 PET/CT for primary staging: an intra-individual comparison",
    )
    assert [(m["endpoint"], m["arm"], m["value"]) for m in found["measurements"]] == [
        ("detection rate", "18F-DCFPyL, pelvic nodal metastases", 32.0),
        ("detection rate", "68Ga-PSMA-11, pelvic nodal metastases", 22.0),
        ("detection rate", "18F-DCFPyL, bone metastases", 12.0),
        ("detection rate", "68Ga-PSMA-11, bone metastases", 10.0),
    ]


def test_cohorts_labelled_by_capital_letters_name_the_values_after_which_their_letter_stands(record):
    found = record(
        "Methods: Men received 177Lu-PSMA-I&T 6.8 GBq every 6 weeks with niraparib (cohort N), cabazitaxel (cohort "
        "C) or darolutamide (cohort D). Results: PSA50: 55% (N), 61% (C), 68% (D). Grade ≥3 TRAEs: 41% (N), 47% (C), "
        "19% (D).",
        title="177Lu-PSMA-I&T with three partners: a phase 1b umbrella study",
    )
    rows = [(m["endpoint"], m["arm"], m["value"]) for m in found["measurements"]]
    assert [(endpoint, value) for endpoint, _arm, value in rows] == [
        ("PSA50", 55.0), ("PSA50", 61.0), ("PSA50", 68.0),
        ("TRAE grade>=3", 41.0), ("TRAE grade>=3", 47.0), ("TRAE grade>=3", 19.0),
    ]  # fmt: skip
    partners = ["niraparib", "cabazitaxel", "darolutamide"] * 2
    assert all(partner in arm for (_endpoint, arm, _value), partner in zip(rows, partners, strict=True))


def test_a_row_of_values_parted_by_slashes_gives_one_value_to_each_arm_in_turn(record):
    found = record(
        "Methods: Men were randomised to arm 1, 177Lu-PSMA-I&T 7.4 GBq; arm 2, 177Lu-PSMA-I&T plus olaparib; or arm "
        "3, olaparib alone. Results by arm (1 / 2 / 3):\nPSA50: 41% / 58% / 12%\nGrade ≥3 anaemia: 8% / 21% / 6%",
        title="177Lu-PSMA-I&T, olaparib or both: a randomised phase 2 trial",
    )
    assert [(m["endpoint"], m["arm"], m["value"]) for m in found["measurements"]] == [
        ("PSA50", "177Lu-PSMA-I&T", 41.0), ("PSA50", "177Lu-PSMA-I&T + olaparib", 58.0), ("PSA50", "olaparib", 12.0),
        ("AE:anemia", "177Lu-PSMA-I&T", 8.0), ("AE:anemia", "177Lu-PSMA-I&T + olaparib", 21.0),
        ("AE:anemia", "olaparib", 6.0),
    ]  # fmt: skip


def test_conventional_imaging_with_values_of_its_own_is_the_comparator_of_a_study_of_one_tracer(record):
    found = record(
        "Methods: Eighty men with high-risk disease had 18F-DCFPyL PET/CT before prostatectomy with node dissection. "
        "Results: Per-patient nodal sensitivity was 58.1% and specificity 97.3%. Conventional imaging (CT and bone "
        "scan) had a sensitivity of 22.6%.",
        title="18F-DCFPyL PET/CT for nodal staging of high-risk prostate cancer",
    )
    assert found["comparators"] == ["conventional imaging"]
    assert [(m["arm"], m["value"]) for m in found["measurements"]][-1] == ("conventional imaging", 22.6)


def test_corresponding_values_that_name_no_arm_are_the_arms_of_the_sentence_before_in_turn(record):
    text = (
        "We compared three PSMA tracers in 300 men with biochemical recurrence. Detection was 81% with 18F-DCFPyL,"
        " 80% with 18F-PSMA-1007 and 72% with 68Ga-PSMA-11 (p for subgroup difference=0.008). At PSA levels below"
        " 0.5 ng/mL the corresponding rates were 52%, 58% and 44%."
    )
    found = [(m["value"], m["arm"]) for m in record(text)["measurements"]]
    assert found == [
        (81.0, "18F-DCFPyL"), (80.0, "18F-PSMA-1007"), (72.0, "68Ga-PSMA-11"),
        (52.0, "18F-DCFPyL, PSA <0.5 ng/mL"), (58.0, "18F-PSMA-1007, PSA <0.5 ng/mL"),
        (44.0, "68Ga-PSMA-11, PSA <0.5 ng/mL"),
    ]  # fmt: skip


def test_the_agent_given_the_standard_way_is_the_comparator_of_a_trial_of_its_versions(record):
    # Both arms get one agent; the arm that gets it the usual way is the control, so the agent is the comparator.
    standard = record(
        "In this randomised phase 2 trial, 84 men with mCRPC were assigned 1:1 to 177Lu-PSMA-I&T 7.4 GBq (standard "
        "activity) or 9.3 GBq (escalated activity) every 6 weeks. PSA50 was 47% and 55%, respectively.",
        title="Escalated activity of 177Lu-PSMA-I&T",
    )
    assert standard["comparators"] == ["177Lu-PSMA-I&T"]
    assert roles(standard)["177Lu-PSMA-I&T"] == "investigational"
    # Two versions neither of which is the usual one: a comparison without a control.
    neither = record(
        "In this randomised phase 2 trial, 84 men with mCRPC were assigned 1:1 to 177Lu-PSMA-I&T 6.0 GBq or "
        "9.3 GBq every 6 weeks. PSA50 was 47% and 55%, respectively.",
        title="Two activities of 177Lu-PSMA-I&T",
    )
    assert neither["comparators"] == []
    # Versions told apart by how the activity is chosen, not by a list of activities.
    chosen = record(
        "Sixty men with mCRPC were randomised 1:1 to a fixed activity of 177Lu-PSMA-617 (standard group) or to "
        "activities set by kidney dosimetry (dosimetry group). PSA50 was 41% and 58%, respectively.",
        title="Dosimetry-based activities of 177Lu-PSMA-617",
    )
    assert chosen["comparators"] == ["177Lu-PSMA-617"]
    # A sentence that only asks for a randomised trial allocates nobody.
    asked = record(
        "Forty men with mCRPC received 177Lu-PSMA-617 at a standard activity of 7.4 GBq and 6.0 GBq after renal "
        "decline. PSA50 was 49%. These results support a randomised comparison with standard treatment.",
        title="177Lu-PSMA-617 in routine care",
    )
    assert asked["comparators"] == []


def test_two_radioligand_therapies_joined_by_a_slash_are_given_together(record):
    text = (
        "Thirty-eight men whose disease had progressed on 177Lu-PSMA-617 received up to four tandem cycles. "
        "A PSA decline of 50% or more occurred in 17 men (44.7%)."
    )
    for title in (
        "Tandem 225Ac-PSMA-617/177Lu-PSMA-617 after lutetium monotherapy",
        "Tandem 225Ac/177Lu-PSMA-617 after lutetium monotherapy",
    ):
        found = record(text, title=title)
        assert roles(found) == {"225Ac-PSMA-617": "investigational", "177Lu-PSMA-617": "investigational"}, title
        assert [m["arm"] for m in found["measurements"]] == ["225Ac-PSMA-617 + 177Lu-PSMA-617"], title


def test_two_imaging_agents_joined_by_a_slash_are_one_or_the_other_not_a_combination(record):
    found = record(
        "We reviewed 120 men with biochemical recurrence. PET was positive in 78 men (65%).",
        title="68Ga-PSMA-11/18F-DCFPyL PET/CT in biochemical recurrence",
    )
    assert "68Ga-PSMA-11 + 18F-DCFPyL" not in [m["arm"] for m in found["measurements"]]
    assert set(roles(found)) == {"68Ga-PSMA-11", "18F-DCFPyL"}


def test_treatment_every_arm_had_after_the_allocated_part_is_no_arm(record):
    found = record(
        "Men with high-risk disease were randomised to staging with 18F-DCFPyL PET/CT or with conventional imaging "
        "before radical prostatectomy or radiotherapy with androgen deprivation therapy. The primary endpoint was "
        "biochemical progression-free survival at 3 years.",
        title="PSMA PET staging before curative treatment: a randomised trial",
    )
    assert found["comparators"] == ["conventional imaging"]
    assert roles(found)["androgen deprivation therapy"] != "comparator"


def test_a_drug_the_men_went_on_to_after_the_scan_is_no_agent_the_study_is_about(record):
    found = record(
        "Forty patients with radioiodine-refractory thyroid cancer had 68Ga-PSMA-11 PET/CT. The scan was positive in "
        "28 patients (70%). Eleven patients subsequently started lenvatinib or sorafenib.",
        title="PSMA expression on PET in thyroid cancer",
    )
    assert roles(found)["68Ga-PSMA-11"] == "investigational"
    assert roles(found)["lenvatinib"] == roles(found)["sorafenib"] == "mentioned"
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [("68Ga-PSMA-11", 70.0)]
