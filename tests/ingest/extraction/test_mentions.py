"""Steps 2 and 3: entities resolved whatever the spelling, abbreviations, registry ids, new radioligands."""

import pytest

from ingest.extraction.evaluate import agent_key

SPELLINGS = [
    "177Lu-PSMA-617",
    "Lu-177-PSMA-617",
    "[177Lu]Lu-PSMA-617",
    "177Lu–PSMA-617",
    "lutetium-177 PSMA-617",
    "LuPSMA",
    "Pluvicto",
    "lutetium Lu 177 vipivotide tetraxetan",
    "AAA617",
]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_spelling_of_lu_psma_617_is_one_agent(record, spelling):
    result = record(f"Patients received {spelling} every 6 weeks.")
    assert [(a["label"], a["class"], a.get("radionuclide")) for a in result["agents"]] == [
        ("177Lu-PSMA-617", "RadioligandTherapy", "Lu-177")
    ]


def test_shared_label_is_a_trial_before_the_word_trial(record):
    result = record("In the LuPSMA trial, men received LuPSMA.")
    assert [t["label"] for t in result["trials"]] == ["LuPSMA trial"]
    assert [a["label"] for a in result["agents"]] == ["177Lu-PSMA-617"]


def test_trials_by_name_registry_id_and_the_x_trial(record):
    result = record(
        "VISION (NCT03511664) enrolled 831 men. A second study (NCT09999999) and the ZEPHYR trial are ongoing."
    )
    labels = {t["label"]: t["nct"] for t in result["trials"]}
    assert labels == {"VISION": "NCT03511664", "NCT09999999": "NCT09999999", "ZEPHYR": None}


def test_abbreviation_defined_in_text_resolves_for_the_rest_of_the_document(record):
    result = record(
        "The primary end point was time to first symptomatic skeletal event (TFSSE). Median TFSSE was 11.5 months."
    )
    assert [(m["endpoint"], m["value"]) for m in result["measurements"]] == [("time to SSE", 11.5)]


def test_a_statistic_with_its_number_in_brackets_after_an_agent_defines_no_abbreviation(record):
    # "(HR, 1.40; ...)" after "previous docetaxel" would make every "HR" of the text a docetaxel mention, and the
    # arm of the ratio before it
    result = record(
        "All 300 men received 177Lu-PSMA-I&T. On multivariable analysis, an ECOG score of 2 (HR, 1.60; 95% CI, 1.10 "
        "to 2.31), bone metastases (HR, 1.75; 95% CI, 1.21 to 2.53) and previous docetaxel (HR, 1.40; 95% CI, 1.02 "
        "to 1.92) predicted shorter overall survival."
    )
    assert [m["arm"].split(", ")[0] for m in result["measurements"]] == ["177Lu-PSMA-I&T"] * 3
    assert [a["label"] for a in result["agents"] if a["label"] == "docetaxel"] == ["docetaxel"]


def test_an_abbreviation_followed_by_what_it_counts_defines_no_shorter_alias(record):
    # "(PSA, radiographic or clinical progression, ...)" lists the events of PFS; it makes "PSA" no name of PFS.
    found = record(
        "Forty men received 177Lu-PSMA-I&T. The primary endpoint was PFS (PSA, radiographic or clinical progression, "
        "or death). Median PSA doubling time at baseline was 5.4 months. Median PFS was 13.0 months."
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("PFS", 13.0)]


def test_a_plain_word_in_brackets_after_an_endpoint_defines_no_abbreviation(record):
    # "(median, ...)" after "overall survival" is no short form of it: the later medians keep their own endpoints.
    result = record(
        "Radiographic PFS was longer in the 177Lu-PSMA-I&T group (median, 10.2 vs. 6.5 months; P=0.01), and so "
        "was overall survival (median, 19.0 vs. 14.1 months). The median PSA progression-free survival was 7.0 months."
    )
    assert [(m["endpoint"], m["value"]) for m in result["measurements"]] == [
        ("rPFS", 10.2), ("rPFS", 6.5), ("OS", 19.0), ("OS", 14.1), ("PSA-PFS", 7.0),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "label", "cls", "nuclide"),
    [
        ("177Lu-PNT2002", "177Lu-PNT2002", "RadioligandTherapy", "Lu-177"),
        ("[225Ac]Ac-FL-020", "225Ac-FL-020", "RadioligandTherapy", "Ac-225"),
        ("[68Ga]Ga-NOTA-XYZ7", "68Ga-NOTA-XYZ7", "ImagingAgent", "Ga-68"),
        ("212Pb-ABC123", "212Pb-ABC123", "RadioligandTherapy", "Pb-212"),
    ],
)
def test_new_radioligands_are_agents_classed_by_their_nuclide(record, text, label, cls, nuclide):
    agents = record(f"We gave {text} to ten men.")["agents"]
    assert [(a["label"], a["class"], a["radionuclide"]) for a in agents] == [(label, cls, nuclide)]
    assert agents[0].get("curated", True) is (label == "177Lu-PNT2002")


def test_a_radioligand_named_by_a_lower_case_drug_name_is_a_new_agent_unlike_an_english_word(record):
    found = record("Twelve men received 161Tb-zolfatadine; 131I-labelled albumin and 68Ga-based imaging were not used.")
    assert [(a["label"], a["class"], a.get("curated", True)) for a in found["agents"]] == [
        ("161Tb-zolfatadine", "RadioligandTherapy", False)
    ]


def test_unknown_nuclide_codes_are_not_agents(record):
    assert record("The 2023-PSMA cohort and 177Xx-ABC1 were studied.")["agents"] == []


def test_agent_keys_ignore_spelling():
    assert agent_key("[225Ac]Ac-FL-020") == agent_key("225Ac-FL-020")


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Radioligand therapy versus enzalutamide in hormone-sensitive prostate cancer (ORBITA): a randomised, "
            "double-blind, phase 2 trial",
            "Men were randomly assigned 1:1.",
        ),
        ("ORBITA: a multicentre randomised phase 2 study of a new radioligand", "Men were randomly assigned 1:1."),
        ("A new radioligand in hormone-sensitive disease", "ORBITA is a global, double-blind, randomised trial."),
        ("A new radioligand in hormone-sensitive disease", "Methods: ORBITA was an open-label phase 2 study."),
        (
            "A radioligand with ADT in hormone-sensitive prostate cancer (ORBITA): final results from a randomised, "
            "double-blind, phase 2 trial",
            "ORBITA enrolled men with mHSPC.",
        ),
    ],
)
def test_an_acronym_the_text_defines_as_its_trial_is_a_trial(record, title, text):
    assert [t["label"] for t in record(text, title)["trials"]] == ["ORBITA"]


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Outcomes in metastatic hormone-sensitive prostate cancer (mHSPC): a prospective study", "We saw 40 men."),
        ("Radioligand therapy after ARPI: a retrospective study", "We saw 40 men."),
        ("A cohort of men treated with radioligands", "METHODS: a retrospective study of 40 men."),
        ("A cohort of men treated with radioligands", "PSMA PET was a secondary study end point."),
        ("Circulating DNA after radioligand therapy", "In this ctDNA study, 40 men gave blood before each cycle."),
    ],
)
def test_abbreviations_headings_and_modalities_before_study_are_no_trials(record, title, text):
    assert record(text, title)["trials"] == []


@pytest.mark.parametrize(
    ("text", "trial"),
    [
        ("Men were enrolled in the single-centre phase 1 study HALO-P2, which tested 225Ac-PSMA-617.", "HALO-P2"),
        # a disease's abbreviation inside a hyphenated name does not break it
        ("The phase 2 TERRA-BCR study scanned 60 men with 18F-DCFPyL PET/CT.", "TERRA-BCR"),
        # and neither does the target's name, when the rest of the name is more than a modality
        ("The phase 2 ORBIT-PSMA trial gave 40 men 177Lu-PSMA-I&T.", "ORBIT-PSMA"),
    ],
)
def test_a_trial_named_after_the_word_study_or_holding_a_disease_abbreviation(record, text, trial):
    assert [t["label"] for t in record(text)["trials"]] == [trial]


def test_the_target_and_a_modality_hyphenated_before_trial_name_no_trial(record):
    assert record("In the PSMA-PET trial cohort, 40 men with a rising PSA were scanned.")["trials"] == []


def test_a_drug_code_or_dose_level_after_study_is_no_trial(record):
    assert record("Dose level DL3 of the study LPS-112 was expanded.")["trials"] == []


def test_a_trial_name_may_open_with_a_lower_case_prefix(record):
    found = record(
        "The randomised eSTAGE study compared 18F-DCFPyL PET/CT with conventional imaging in 200 men.",
        title="PSMA PET for staging: the eSTAGE study",
    )
    assert [t["label"] for t in found["trials"]] == ["eSTAGE"]


@pytest.mark.parametrize(
    ("text", "label", "cls"),
    [
        ("QT-714, a half-life-extended PSMA×CD3 T-cell engager, was given weekly to 30 men.", "QT-714",
         "BispecificAntibody"),
        ("Anti-PSMA CAR T cells (LX-7C) were infused after lymphodepletion in 9 men.", "LX-7C", "CARTCellTherapy"),
        ("MK-38 is an anti-PSMA antibody-drug conjugate with an auristatin payload; 20 men received MK-38.", "MK-38",
         "AntibodyDrugConjugate"),
        ("NKP-4 is an off-the-shelf PSMA-directed CAR-NK cell therapy given to 12 men.", "NKP-4", "CARNKCellTherapy"),
        ("Anti-PSMA CAR T cells that secrete interleukin-12 (LX-9B) were infused in 9 men.", "LX-9B",
         "CARTCellTherapy"),
        ("Anti-PSMA CAR T cells with an IL-15 transgene (LX-9C) were infused in 9 men (NCT01234567).", "LX-9C",
         "CARTCellTherapy"),
        ("KR-PSMA, an autologous PSMA-targeted CAR T-cell product, was infused in 14 men.", "KR-PSMA",
         "CARTCellTherapy"),
    ],
)  # fmt: skip
def test_a_code_the_text_defines_as_a_psma_agent_is_that_agent_alone(record, text, label, cls):
    agents = record(text)["agents"]
    assert [(a["label"], a["class"]) for a in agents] == [(label, cls)]


def test_a_code_defined_as_a_study_of_an_agent_is_the_study_not_the_agent(record):
    found = record(
        "Results from ZETA-02, a phase 1/2 study of the PSMA-targeted antibody-drug conjugate QT-88, in 50 men."
        " Treatment-related adverse events occurred in 80% of men.",
        title="QT-88, an anti-PSMA antibody-drug conjugate, in mCRPC",
    )
    assert [a["label"] for a in found["agents"]] == ["QT-88"]
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [("QT-88", 80.0)]


def test_a_code_or_name_defined_as_an_agent_of_another_target_is_a_new_agent_of_the_study(record):
    # (a study of another target's agent, found in a PSMA corpus, has results that are that agent's, not those of the
    # prior therapies it names)
    found = record("AB-12, a bispecific antibody against HER2 and CD3, was given to 30 men.")
    assert [(a["label"], a["class"], a.get("curated")) for a in found["agents"]] == [
        ("AB-12", "BispecificAntibody", False)
    ]
    found = record(
        "Xaluritamig (AMG-509), a STEAP1×CD3 T-cell engager, was given to 97 men after docetaxel. PSA50 was reached "
        "by 49% of the men given AMG-509 at the highest dose.",
        title="A STEAP1 T-cell engager in mCRPC",
    )
    assert [(a["label"], a["role"]) for a in found["agents"]] == [
        ("xaluritamig", "investigational"),
        ("docetaxel", "prior-therapy"),
    ]
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [("xaluritamig", 49.0)]


@pytest.mark.parametrize(
    "phrase",
    ["freedom from biochemical failure", "freedom from PSA progression", "the biochemical progression-free rate"],
)
def test_freedom_from_biochemical_progression_is_psa_pfs(record, phrase):
    result = record(f"After salvage radiotherapy, {phrase} at 3 years was 71% in 60 men.")
    assert [(m["endpoint"], m["value"]) for m in result["measurements"]] == [("PSA-PFS", 71)]


def test_ocular_and_lung_toxicities_of_conjugates_are_adverse_events(record):
    result = record("With the conjugate, keratitis occurred in 12% and blurred vision in 8% of 50 men.")
    assert {(m["endpoint"], m["value"]) for m in result["measurements"]} == {
        ("AE:keratitis", 12),
        ("AE:blurred vision", 8),
    }


def test_lymphodepleting_chemotherapy_and_supportive_agents_are_agents(record):
    result = record("After fludarabine and cyclophosphamide, 9 men received CAR T cells; G-CSF was allowed.")
    assert {a["label"] for a in result["agents"]} >= {"fludarabine", "cyclophosphamide", "G-CSF"}


@pytest.mark.parametrize("phrase", ["In a sensitivity analysis", "Across probabilistic sensitivity analyses"])
def test_a_sensitivity_analysis_is_not_the_endpoint_sensitivity(record, phrase):
    result = record(f"{phrase}, the radioligand was preferred in 64% of simulations.")
    assert [m["endpoint"] for m in result["measurements"]] == []


def test_sensitivity_of_a_scan_is_still_the_endpoint(record):
    result = record("PSMA PET had a sensitivity of 84% for nodal metastases in 120 men.")
    assert [(m["endpoint"], m["value"]) for m in result["measurements"]] == [("sensitivity", 84)]


def test_median_prefixed_abbreviations_are_their_endpoints_as_medians(record):
    result = record("In 48 men treated with the radioligand: mrPFS 7.1 mo; mOS 13.9 mo; mDoR 6.2 mo.")
    assert [(m["endpoint"], m["statistic"], m["value"]) for m in result["measurements"]] == [
        ("rPFS", "median", 7.1),
        ("OS", "median", 13.9),
        ("DoR", "median", 6.2),
    ]


def test_a_decline_named_after_a_psa_mention_in_the_same_sentence_is_a_psa_response(record):
    result = record(
        "Among 52 evaluable men, a PSA decline of at least 50% was recorded in 30 (57.7%; 95% CI 43.2–71.3), "
        "and a decline of at least 90% in 14 (26.9%)."
    )
    assert [(m["endpoint"], m["value"]) for m in result["measurements"]] == [("PSA50", 57.7), ("PSA90", 26.9)]


def test_thresholds_after_an_unsized_psa_fall_are_psa_responses_and_no_values(record):
    result = record(
        "Serum PSA fell from baseline in 11 of 15 men (73%), by at least 30% in seven (47%) and by more than 50% "
        "in four (27%)."
    )
    assert [(m["endpoint"], m["value"]) for m in result["measurements"]] == [
        ("any PSA decline", 73),
        ("PSA30", 47),
        ("PSA50", 27),
    ]


def test_a_threshold_given_as_what_the_decline_was_is_a_psa_response_and_no_value(record):
    result = record(
        "Serum PSA dropped below baseline in 16 of 20 men (80%); the fall was 30% or greater in 12 (60%) and 90% or "
        "more in 5 (25%)."
    )
    assert [(m["endpoint"], m["value"]) for m in result["measurements"]] == [
        ("any PSA decline", 80), ("PSA30", 60), ("PSA90", 25),
    ]  # fmt: skip


def test_some_decline_in_psa_is_any_psa_decline(record):
    result = record("Of 30 treated men, 21 (70%) had some decline in PSA.")
    assert [(m["endpoint"], m["value"]) for m in result["measurements"]] == [("any PSA decline", 70)]


def test_a_decline_in_another_sentence_than_psa_is_no_psa_response(record):
    result = record("PSA was measured every 6 weeks. Tumour volume showed a decline of at least 30% in 12 (40%).")
    assert [m["endpoint"] for m in result["measurements"]] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Of 90 men scanned, 63 (70%) had at least one lesion with PSMA uptake.",
        "One or more sites of recurrence were detected in 63 of 90 men (70%).",
        "The PSMA scan was positive in 63 of 90 men (70%).",
    ],
)
def test_patients_with_a_lesion_found_or_a_positive_scan_give_the_detection_rate(record, sentence):
    result = record(sentence, title="PSMA PET in biochemical recurrence")
    assert [(m["endpoint"], m["value"]) for m in result["measurements"]] == [("detection rate", 70)]


def test_positive_surgical_margins_are_no_detection_rate(record):
    result = record("After prostatectomy, surgical margins were positive in 9 of 30 men (30%).")
    assert [m["endpoint"] for m in result["measurements"]] == []


def test_a_registry_id_in_brackets_after_a_trial_name_is_that_trials_id(record):
    result = record(
        "In the phase 2 NOVARA study, 40 men were treated. NOVARA (NCT09876543) met its primary end point.",
    )
    assert [(t["label"], t["nct"]) for t in result["trials"]] == [("NOVARA", "NCT09876543")]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Lesions were resected with 99mTc-PSMA-I&S-radioguided surgery in 30 men.", "99mTc-PSMA-I&S"),
        ("Nodes were 18F-DCFPyL-avid in 30 men.", "18F-DCFPyL"),
        ("We compared with gallium-68-labelled PSMA-11 in 30 men.", "68Ga-PSMA-11"),
    ],
)
def test_an_adjective_hyphenated_to_a_radioligand_and_element_labelled_spellings(record, text, label):
    assert [a["label"] for a in record(text)["agents"]] == [label]


def test_newly_diagnosed_and_recurrent_before_prostate_cancer_are_disease_states(record):
    result = record("We scanned 80 men with newly diagnosed (n = 40) or recurrent (n = 40) prostate cancer.")
    assert set(result["diseases"]) == {"newly diagnosed prostate cancer", "biochemical recurrence"}


def test_newly_diagnosed_keeps_the_risk_group_written_after_it(record):
    result = record("We scanned 80 men with newly diagnosed high-risk prostate cancer.")
    assert set(result["diseases"]) == {"newly diagnosed prostate cancer", "high-risk localized prostate cancer"}


def test_newly_diagnosed_metastatic_disease_is_that_metastatic_state(record):
    result = record("We treated 80 men with newly diagnosed, high-volume metastatic hormone-sensitive prostate cancer.")
    assert result["diseases"] == ["mHSPC"]


def test_a_ratio_for_a_positive_scan_is_a_detection_rate_ratio(record):
    result = record(
        "PSMA PET was done in 120 men. A Gleason score of 8 or more was associated with a positive scan "
        "(OR 2.7; 95% CI 1.2-6.1).",
        title="PSMA PET in biochemical recurrence",
    )
    assert [(m["endpoint"], m["value"]) for m in result["measurements"]] == [("detection rate", 2.7)]


def test_an_acronym_said_to_be_something_in_the_study_is_no_trial(record):
    assert record("SUVmax was the strongest predictor of response in this study of 80 men.")["trials"] == []


def test_a_radionuclide_sharing_the_ligand_of_the_radioligand_it_is_compared_with_names_its_own(record):
    found = record(
        "In a pilot part, twelve men received terbium-161 or lutetium-177 PSMA-I&T in random order.",
        title="Terbium-161 versus lutetium-177 PSMA-617 in mCRPC: a randomised phase 2 trial",
    )
    labels = {agent["label"]: agent["role"] for agent in found["agents"]}
    assert {"161Tb-PSMA-617", "177Lu-PSMA-617", "161Tb-PSMA-I&T", "177Lu-PSMA-I&T"} <= set(labels)
    assert labels["161Tb-PSMA-617"] == "investigational"
    assert found["comparators"] == ["177Lu-PSMA-617"]


def test_a_trial_title_opening_or_closing_with_an_acronym_names_the_trial(record):
    opening = record(
        "Methods: open-label, randomized (1:1).", title="KAPPA-HS: randomized phase 2 of 177Lu-PNT2002 in mHSPC"
    )
    closing = record(
        "Ninety men were randomised.",
        title="A randomised phase II trial of 177Lu-PSMA-I&T with or without olaparib in metastatic "
        "castration-resistant prostate cancer (LUPARO)",
    )
    assert [t["label"] for t in opening["trials"]] == ["KAPPA-HS"]
    assert [t["label"] for t in closing["trials"]] == ["LUPARO"]
    assert "LUPARO" not in {d for d in closing["diseases"]}


def test_a_first_in_human_or_escalation_title_closing_with_an_acronym_names_the_trial(record):
    found = record(
        "ALPHA-7 enrolled 15 men in a 3+3 design.",
        title="Dose escalation of 225Ac-PSMA-I&T in metastatic castration-resistant prostate cancer (ALPHA-7)",
    )
    assert [t["label"] for t in found["trials"]] == ["ALPHA-7"]
    assert found["diseases"] == ["mCRPC"]  # the acronym names the trial, not the disease before it


def test_overall_survival_written_without_its_name(record):
    text = (
        "Seventy men received 177Lu-PSMA-I&T. At 18 months, 52% of the men were still alive. The 3-year survival was "
        "21%. Two-year progression-free survival was 9%, and the survival benefit was modest."
    )
    rows = [(m["endpoint"], m["value"], m.get("note")) for m in record(text)["measurements"]]
    assert rows == [("OS", 52.0, "18-month"), ("OS", 21.0, "3-year"), ("PFS", 9.0, "2-year")]


def test_registries_and_hyphenated_cohorts_name_trials_and_an_id_is_one_trial_wherever_written(record):
    text = (
        "Men were followed in the KESTREL-B registry and treated in the NOVA-2 cohort of the ORCA-3 study "
        "(NCT01234567); the SBRT cohort served as reference.\nClinical trial information: NCT01234567."
    )
    trials = {t["label"]: t["nct"] for t in record(text)["trials"]}
    assert trials == {"KESTREL-B": None, "NOVA-2": None, "ORCA-3": "NCT01234567"}


def test_the_one_registry_id_of_a_text_naming_one_trial_is_that_trials(record):
    text = "In this randomised phase 2 trial (NCT04455566), 96 men received 177Lu-PSMA-617 or docetaxel."
    trials = {
        t["label"]: t["nct"] for t in record(text, "177Lu-PSMA-617 versus docetaxel (KORAL): a phase 2 trial")["trials"]
    }
    assert trials == {"KORAL": "NCT04455566"}


def test_trials_listed_in_brackets_are_each_named(record):
    text = "Individual data were pooled from four trials (TALOS-2, Lu-ARC, PRISM-4 and NEPTUNE) of 177Lu-PSMA-617."
    assert sorted(t["label"] for t in record(text)["trials"]) == ["Lu-ARC", "NEPTUNE", "PRISM-4", "TALOS-2"]
    assert record("Data came from three trials (n = 240) of 177Lu-PSMA-617.")["trials"] == []


def test_a_radionuclide_labelled_through_aluminium_fluoride_alone_is_no_new_agent(record):
    # "[18F]AlF" in brackets names the labelling of the agent beside it, not a radioligand of its own.
    found = record(
        "Men with biochemical recurrence had [18F]AlF-PSMA-11 or 68Ga-PSMA-11 PET/CT. Detection rates were "
        "58% ([18F]AlF) and 55% (68Ga).",
        title="Two PSMA-11 labels compared",
    )
    assert sorted(a["label"] for a in found["agents"]) == ["18F-AlF-PSMA-11", "68Ga-PSMA-11"]


def test_a_code_with_a_greek_letter_defined_in_brackets_names_the_agent(record):
    found = record(
        "Eighteen men received the cells after lymphodepletion. PSA declines of at least 30% occurred in 5 of 18 "
        "(28%) patients.",
        title="Armoured PSMA-targeted CAR T cells (CART-PSMA-TGFβRDN) in mCRPC: a phase 1 study",
    )
    assert [a["label"] for a in found["agents"]] == ["CART-PSMA-TGFβRDN"]


def test_a_psa_response_with_its_threshold_in_words_names_that_endpoint(record):
    found = record(
        "Forty men received 177Lu-PSMA-I&T. A decline in PSA of at least fifty percent occurred in 18 men (45%), and "
        "a reduction by more than ninety per cent in 7 (18%).",
        title="177Lu-PSMA-I&T in mCRPC",
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("PSA50", 45.0), ("PSA90", 18.0)]


def test_a_trial_named_in_brackets_after_the_word_or_before_a_capital_trial(record):
    found = record(
        "METHODS In this open-label phase 3 trial (LUTEX-2), 380 men were randomly assigned.",
        title="Results of the Randomized Phase III ARGOLU Trial",
    )
    assert sorted(t["label"] for t in found["trials"]) == ["ARGOLU", "LUTEX-2"]
    registry = record(
        "Methods: Retrospective registry (LUCHILE), 5 centres, 2020-2024. Results: 88 pts; PSA50 41%.",
        title="Real-world outcomes of 177Lu-PSMA-617 in Chile",
    )
    assert [t["label"] for t in registry["trials"]] == ["LUCHILE"]


def test_men_who_lived_a_median_of_some_months_give_overall_survival(record):
    found = record(
        "We reviewed 140 men treated with 177Lu-PSMA-617. Men without visceral metastases lived a median of 19.4 "
        "months."
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("OS", 19.4)]


def test_a_reduced_risk_of_death_with_its_ratio_is_overall_survival(record):
    found = record(
        "Men were randomised to 177Lu-PSMA-I&T or cabazitaxel. 177Lu-PSMA-I&T reduced the risk of death compared "
        "with cabazitaxel (HR 0.71, 95% CI 0.55-0.92)."
    )
    assert [(m["endpoint"], m["hr"]) for m in found["measurements"] if m["statistic"] == "hr"] == [("OS", 0.71)]


def test_the_risk_of_progression_or_death_is_progression_free_survival(record):
    found = record(
        "Men were randomised to 177Lu-PSMA-I&T or cabazitaxel. 177Lu-PSMA-I&T lowered the risk of radiographic "
        "progression or death (HR 0.52, 95% CI 0.40-0.68) and the risk of progression or death (HR 0.61)."
    )
    assert [(m["endpoint"], m["hr"]) for m in found["measurements"]] == [("rPFS", 0.52), ("PFS", 0.61)]


def test_a_trial_named_before_words_of_its_design(record):
    found = record(
        "Eighteen men were treated.", title="Olaparib with 177Lu-PSMA-617: the LuPARX phase 1 dose-escalation trial"
    )
    assert [trial["label"] for trial in found["trials"]] == ["LuPARX"]


def test_disease_seen_in_a_share_of_the_men_is_a_detection_rate_but_not_at_pathology_nor_new_lesions(record):
    title = "18F-PSMA-1007 PET/CT in recurrent prostate cancer"
    seen = record("Pelvic nodal disease was seen in 30.5% of men on PET.", title)
    assert [(m["endpoint"], m["value"]) for m in seen["measurements"]] == [("detection rate", 30.5)]
    at_surgery = record("At surgery, nodal metastases were found in 12.5% of the dissected men.", title)
    assert [m for m in at_surgery["measurements"] if m["endpoint"] == "detection rate"] == []
    progression = record("After two cycles, PSMA PET showed new lesions in 24% of the men.", title)
    assert [m for m in progression["measurements"] if m["endpoint"] == "detection rate"] == []


def test_psa_that_fell_in_a_share_of_the_men_is_any_psa_decline_and_a_size_after_it_a_threshold(record):
    text = "We gave 24 men an anti-PSMA CAR T-cell product. PSA fell in 10 men (41.7%) and by 50% or more in 3 (12.5%)."
    found = [(m["endpoint"], m["value"]) for m in record(text)["measurements"]]
    assert found == [("any PSA decline", 41.7), ("PSA50", 12.5)]


def test_a_trial_known_only_by_its_eudract_number_is_labelled_as_one(record):
    result = record(
        "This open-label phase 3 trial (EudraCT 2019-001233-15) randomised 190 men to 177Lu-PSMA-617 or cabazitaxel."
    )
    assert [t["label"] for t in result["trials"]] == ["EudraCT 2019-001233-15"]


def test_the_class_of_a_product_names_that_product_when_the_text_names_it(record):
    found = record(
        "Men with mCRPC received one infusion of CART-PSMA-TGFβRDN after lymphodepletion. Cytokine release syndrome "
        "occurred in 9 of 12 patients (75%).",
        title="PSMA-directed CAR T cells in metastatic castration-resistant prostate cancer: a phase 1 study",
    )
    assert [(a["label"], a["role"]) for a in found["agents"]] == [("CART-PSMA-TGFβRDN", "investigational")]
    tracer = record(
        "Thirty men had 99mTc-PSMA-I&S SPECT/CT and 68Ga-PSMA-11 PET/CT within a week. SPECT/CT detected "
        "recurrence in 18 of 30 men (60%).",
        title="Technetium-99m PSMA SPECT/CT compared with 68Ga-PSMA-11 PET/CT in biochemical recurrence",
    )
    assert [a["label"] for a in tracer["agents"]] == ["99mTc-PSMA-I&S", "68Ga-PSMA-11"]
    assert tracer["agents"][0]["role"] == "investigational"
    review = record(  # a review of several products keeps their class
        "We pooled nine studies of PSMA CAR T cells, among them CART-PSMA-TGFβRDN and P-PSMA-101. Grade 3 or higher "
        "cytokine release syndrome occurred in 14% (95% CI 8-22).",
        title="PSMA-directed CAR T cells in prostate cancer: a systematic review",
    )
    assert "PSMA CAR-T cells" in [a["label"] for a in review["agents"]]


def test_the_bispecific_cc_1_is_the_curated_agent_by_its_code_alone(record):
    found = record(
        "Thirty-one men received CC-1, a bispecific antibody against PSMA and CD3, with step-up dosing. PSA fell by "
        "50% or more in 6 of 31 (19%).",
        title="CC-1 in metastatic castration-resistant prostate cancer: a phase 1 study",
    )
    assert [(a["label"], a["class"]) for a in found["agents"]] == [("CC-1 PSMAxCD3", "BispecificAntibody")]


def test_a_second_threshold_after_a_psa_responses_bound_is_a_psa_response_and_no_value(record):
    found = record(
        "Forty men received 177Lu-PSMA-617. PSA declines of at least 50% and 90% occurred in 62% and 31% of men.",
    )
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("PSA50", 62.0), ("PSA90", 31.0)]


def test_a_trial_named_with_an_agents_abbreviation_or_two_design_words_is_a_trial(record):
    abbreviated = record(
        "Men with low-volume disease received 177Lu-PSMA-617 with short-course ADT.",
        title="177Lu-PSMA-617 with short-course ADT: the single-arm phase 2 SHORTLU-ADT study",
    )
    assert [t["label"] for t in abbreviated["trials"]] == ["SHORTLU-ADT"]
    designed = record(
        "Men received olaparib with 177Lu-PSMA-617.",
        title="Olaparib with 177Lu-PSMA-617: results of the PARLU-2 dose-escalation and expansion study",
    )
    assert [t["label"] for t in designed["trials"]] == ["PARLU-2"]


def test_a_dose_level_in_brackets_after_a_cell_dose_is_no_code_of_the_cells(record):
    found = record(
        "Men received anti-PSMA CAR T cells armoured with a PD-1 switch receptor at 2 × 10^6 (DL1) or 6 × 10^6 (DL2) "
        "cells/kg. Median PFS was 3.9 months.",
        title="Armoured anti-PSMA CAR T cells in mCRPC",
    )
    assert [a["label"] for a in found["agents"]] == ["PSMA CAR-T cells"]
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [("PSMA CAR-T cells", 3.9)]


def test_an_antibody_the_ontology_does_not_know_is_an_agent_by_its_name_stem(record):
    found = record(
        "Grade 3 or higher CRS occurred in 2% of men given zenotamig and in 9% of those given JNJ-63898081.",
        title="Zenotamig versus JNJ-63898081: pooled phase 1 safety",
    )
    assert [(a["label"], a["class"], a.get("curated")) for a in found["agents"]] == [
        ("zenotamig", "BispecificAntibody", False),
        ("JNJ-63898081", "BispecificAntibody", None),
    ]
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [("zenotamig", 2.0), ("JNJ-63898081", 9.0)]


def test_dry_eyes_in_the_plural_is_the_adverse_event_dry_eye(record):
    found = record("Dry eyes (any grade) occurred in 18% of the 60 men treated with 177Lu-PSMA-617.")
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("AE:dry eye", 18.0)]


def test_an_abbreviation_the_text_defines_as_something_else_names_no_endpoint(record):
    text = (
        "We pooled 20 studies of 68Ga-PSMA-11 PET. Pooled specificity was 0.95. The pooled diagnostic odds ratio (DOR)"
        " was 46.5 (95% CI 20.1-107.6), and the DOR was higher in high-risk disease."
    )
    found = record(text)
    assert [(m["endpoint"], m["value"]) for m in found["measurements"]] == [("specificity", 0.95)]
    text = "We treated 50 men with 177Lu-PSMA-617. The duration of response (DOR) was 6.1 months."
    assert [(m["endpoint"], m["value"]) for m in record(text)["measurements"]] == [("DoR", 6.1)]


def test_a_radioligand_named_without_its_code_is_the_one_the_text_names_in_full(record):
    found = record(
        "Forty men with mCRPC progressing after 177Lu-PSMA-617 received 225Ac-PSMA-I&T (100 kBq/kg every 8 weeks). "
        "PSA50 was reached in 45%.",
        title="225Ac-PSMA after lutetium failure",
    )
    assert [a["label"] for a in found["agents"] if a["label"].startswith("225Ac")] == ["225Ac-PSMA-I&T"]
    assert found["measurements"][0]["arm"] == "225Ac-PSMA-I&T"
    # With two agents of the radionuclide the short name could be either: it stays an agent of its own.
    pooled = record(
        "Men received 225Ac-PSMA-617 or 225Ac-PSMA-I&T at two centres. PSA50 was reached in 45%.",
        title="225Ac-PSMA at two centres",
    )
    assert "225Ac-PSMA" in [a["label"] for a in pooled["agents"]]
