"""A value reported for part of the population names that part after its arm, and only then."""

COHORT = (
    "We treated 140 men with metastatic castration-resistant prostate cancer with 177Lu-PSMA-617 7.4 GBq "
    "every six weeks at two centres."
)


def _arms(record, text: str, endpoint: str) -> list[tuple[float | None, str]]:
    return [(m["value"], m["arm"]) for m in record(text)["measurements"] if m["endpoint"] == endpoint]


def test_a_subgroup_before_its_value_and_the_rest_after_it(record):
    text = COHORT + (
        " Median overall survival was 13.9 months. Among men with bone-only disease, median overall survival was "
        "19.2 months, against 11.4 months in those without."
    )
    assert _arms(record, text, "OS") == [
        (13.9, "177Lu-PSMA-617"),
        (19.2, "177Lu-PSMA-617, bone-only disease"),
        (11.4, "177Lu-PSMA-617, no bone-only disease"),
    ]


def test_two_subgroups_named_before_two_values_pair_in_order(record):
    text = COHORT + (
        " Men with a high metastatic burden responded less often than those without: a PSA decline of 50% or "
        "more in 31% versus 58%."
    )
    assert _arms(record, text, "PSA50") == [
        (31.0, "177Lu-PSMA-617, high metastatic burden"),
        (58.0, "177Lu-PSMA-617, no high metastatic burden"),
    ]


def test_the_men_named_after_than_are_the_second_of_the_pair_after_them(record):
    # Only the second group is named as a subgroup; the first value is of the rest of the men.
    text = COHORT + (
        " Men given 40 Gy or more to their tumours lived longer than those with lower doses (median "
        "overall survival 17.8 vs 10.2 months)."
    )
    assert _arms(record, text, "OS") == [
        (17.8, "177Lu-PSMA-617, no lower doses"),
        (10.2, "177Lu-PSMA-617, lower doses"),
    ]


def test_psa_bands_listed_respectively_go_to_the_values_in_order(record):
    text = (
        "We scanned 400 men with biochemical recurrence with 18F-DCFPyL PET/CT. The detection rate was 71% overall, "
        "and 44%, 67% and 89% for PSA levels below 0.5, 0.5 to 2.0 and above 2.0 ng/mL, respectively."
    )
    assert _arms(record, text, "detection rate") == [
        (71.0, "18F-DCFPyL"),
        (44.0, "18F-DCFPyL, PSA <0.5 ng/mL"),
        (67.0, "18F-DCFPyL, PSA 0.5 to 2.0 ng/mL"),
        (89.0, "18F-DCFPyL, PSA >2.0 ng/mL"),
    ]


def test_a_band_written_after_each_value(record):
    text = (
        "We scanned 400 men with biochemical recurrence with 18F-DCFPyL PET/CT. Scans were positive in 39% at "
        "PSA below 0.5 ng/mL and in 90% at 2.0 ng/mL or higher."
    )
    assert _arms(record, text, "detection rate") == [
        (39.0, "18F-DCFPyL, PSA <0.5 ng/mL"),
        (90.0, "18F-DCFPyL, PSA ≥2.0 ng/mL"),
    ]


def test_both_arms_of_a_subgroup_keep_their_own_arm(record):
    text = (
        "Men were randomly assigned to 177Lu-PSMA-617 or cabazitaxel. In the subgroup with visceral metastases, "
        "median radiographic progression-free survival was 6.2 versus 4.0 months."
    )
    assert _arms(record, text, "rPFS") == [
        (6.2, "177Lu-PSMA-617, visceral metastases"),
        (4.0, "cabazitaxel, visceral metastases"),
    ]


def test_the_study_population_and_an_evaluable_population_are_no_subgroups(record):
    text = COHORT + (
        " In men with metastatic castration-resistant prostate cancer, median overall survival was 13.9 months. "
        "Among the 61 men with measurable disease, the objective response rate was 33%."
    )
    assert _arms(record, text, "OS") == [(13.9, "177Lu-PSMA-617")]
    assert _arms(record, text, "ORR") == [(33.0, "177Lu-PSMA-617")]


def test_an_arm_named_after_a_value_is_no_subgroup(record):
    text = (
        "Men were randomly assigned to 177Lu-PSMA-617 or cabazitaxel. Median overall survival was 15.1 months in "
        "men given 177Lu-PSMA-617 and 13.0 months in those with cabazitaxel."
    )
    assert [arm for _value, arm in _arms(record, text, "OS")] == ["177Lu-PSMA-617", "cabazitaxel"]


def test_a_subgroup_set_apart_by_a_prior_therapy(record):
    text = (
        "Thirty-two men received 225Ac-PSMA-617. A PSA decline of 50% or more occurred in 16 of 32 (50%), "
        "including 6 of 15 (40%) after prior 177Lu-PSMA-617."
    )
    assert ("225Ac-PSMA-617, prior 177Lu-PSMA-617") in [arm for _value, arm in _arms(record, text, "PSA50")]


def test_the_ratio_of_a_prognostic_factor_names_the_factor(record):
    text = COHORT + (
        " In the multivariable model, a baseline haemoglobin below 11 g/dL (HR 1.66, 95% CI 1.20-2.30), bone "
        "marrow involvement (HR 1.48, 95% CI 1.05-2.09) and prior docetaxel (HR 1.25, 95% CI 0.90-1.74) remained "
        "associated with shorter overall survival. Visceral spread predicted death on its own (HR 2.10, 95% CI "
        "1.40-3.15)."
    )
    assert [(m["hr"], m["arm"]) for m in record(text)["measurements"] if m["endpoint"] == "OS"] == [
        (1.66, "177Lu-PSMA-617, baseline haemoglobin below 11 g/dL"),
        (1.48, "177Lu-PSMA-617, bone marrow involvement"),
        (1.25, "177Lu-PSMA-617, prior docetaxel"),
        (2.10, "177Lu-PSMA-617"),  # a statement before the bracket, not a factor
    ]


def test_a_psa_band_written_with_its_bound_right_after_the_value(record):
    text = "Ninety men underwent 68Ga-PSMA-11 PET/CT. PET was positive in 41% below 1.0 ng/mL and in 88% above 5 ng/mL."
    assert [m["arm"] for m in record(text)["measurements"]] == [
        "68Ga-PSMA-11, PSA <1.0 ng/mL", "68Ga-PSMA-11, PSA >5 ng/mL",
    ]  # fmt: skip


def test_a_pair_of_two_arms_values_shares_the_band_named_after_it(record):
    text = (
        "Eighty men had both 18F-DCFPyL PET/CT and 68Ga-PSMA-11 PET/CT. By PSA stratum, detection rates for "
        "18F-DCFPyL and 68Ga-PSMA-11 were 48% and 31% at PSA <0.5 ng/mL, and 90% and 84% at PSA ≥0.5 ng/mL."
    )
    # "By PSA stratum" heads a breakdown: it is no subgroup of its own
    assert _arms(record, text, "detection rate") == [
        (48.0, "18F-DCFPyL, PSA <0.5 ng/mL"),
        (31.0, "68Ga-PSMA-11, PSA <0.5 ng/mL"),
        (90.0, "18F-DCFPyL, PSA ≥0.5 ng/mL"),
        (84.0, "68Ga-PSMA-11, PSA ≥0.5 ng/mL"),
    ]


def test_strata_of_a_marker_cut_written_right_before_the_values(record):
    text = (
        COHORT
        + " PSA50 44% overall; SUVmax ≥15 58% vs <15 29% (p=0.002). mOS 14.0 mo; SUVmax ≥15 17.2 mo vs <15 9.9 mo."
    )
    assert _arms(record, text, "PSA50") == [
        (44.0, "177Lu-PSMA-617"),
        (58.0, "177Lu-PSMA-617, SUVmax ≥15"),
        (29.0, "177Lu-PSMA-617, SUVmax <15"),
    ]
    assert _arms(record, text, "OS") == [
        (14.0, "177Lu-PSMA-617"),
        (17.2, "177Lu-PSMA-617, SUVmax ≥15"),
        (9.9, "177Lu-PSMA-617, SUVmax <15"),
    ]


def test_the_cycle_a_value_was_measured_after_is_its_subgroup(record):
    text = (
        "Twenty men had dosimetry after 177Lu-PSMA-I&T. The median tumour absorbed dose fell from 3.4 Gy/GBq "
        "(range 0.7-11.2) after cycle 1 to 1.9 Gy/GBq (range 0.3-8.8) after cycle 4."
    )
    assert _arms(record, text, "absorbed dose:tumor") == [
        (3.4, "177Lu-PSMA-I&T, cycle 1"),
        (1.9, "177Lu-PSMA-I&T, cycle 4"),
    ]


def test_a_dose_level_in_micrograms_that_opens_its_clause(record):
    text = (
        "Thirty men received ZR-2150, a PSMA x CD3 T-cell engager. At 300 µg, 1 of 6 DLT-evaluable patients had a DLT; "
        "at 900 µg, 2 of 6 had DLTs. The MTD was 300 µg."
    )
    rows = record(text)["measurements"]
    assert [(m["endpoint"], m["value"], m["unit"], m["arm"]) for m in rows] == [
        ("DLT", 1.0, "patients", "ZR-2150, 300 µg"),
        ("DLT", 2.0, "patients", "ZR-2150, 900 µg"),
        ("MTD", 300.0, "µg", "ZR-2150"),
    ]


def test_a_second_run_of_values_takes_its_arm_and_the_subgroups_of_the_first(record):
    # "for X were a (band 1), b (band 2) and c (band 3), versus d, e and f with Y": d, e, f are Y's, in the same bands.
    found = record(
        "Men were randomly assigned to 177Lu-PSMA-617 or cabazitaxel. PSA50 response rates with 177Lu-PSMA-617 were "
        "71% in men aged <65 years, 64% in those aged 65-74 years and 58% in those aged ≥75 years, versus 40%, 36% "
        "and 31% with cabazitaxel.",
        title="A randomised trial by age",
    )
    rows = [(m["arm"], m["value"]) for m in found["measurements"]]
    assert rows == [
        ("177Lu-PSMA-617, aged <65 years", 71.0),
        ("177Lu-PSMA-617, aged 65-74 years", 64.0),
        ("177Lu-PSMA-617, aged ≥75 years", 58.0),
        ("cabazitaxel, aged <65 years", 40.0),
        ("cabazitaxel, aged 65-74 years", 36.0),
        ("cabazitaxel, aged ≥75 years", 31.0),
    ]


def test_psa_bands_listed_after_as_many_values_go_to_them_in_order_without_respectively(record):
    found = record(
        "Among 310 men with recurrence, 18F-DCFPyL PET/CT found disease in 46%, 61%, 79% and 92% for PSA levels "
        "of <0.5, 0.5-<1.0, 1.0-<2.0 and ≥2.0 ng/mL.",
        title="18F-DCFPyL PET/CT by PSA level",
    )
    assert [m["arm"] for m in found["measurements"]] == [
        "18F-DCFPyL, PSA <0.5 ng/mL",
        "18F-DCFPyL, PSA 0.5-<1.0 ng/mL",
        "18F-DCFPyL, PSA 1.0-<2.0 ng/mL",
        "18F-DCFPyL, PSA ≥2.0 ng/mL",
    ]


def test_fewer_bands_than_values_without_respectively_name_no_subgroup(record):
    # without "respectively", two bands after three values may be those of the last two or of none: none is said
    found = record(
        "18F-DCFPyL PET/CT was positive in 71%, 44% and 89% for PSA levels of <1.0 and ≥1.0 ng/mL.",
        title="18F-DCFPyL PET/CT by PSA level",
    )
    assert [m["arm"] for m in found["measurements"]] == ["18F-DCFPyL"] * 3


def test_a_dose_level_after_with_names_the_values_subgroup(record):
    found = record(
        "Men were randomly assigned to 177Lu-PSMA-I&T 5.5 GBq or 8.0 GBq per cycle. PSA50 responses occurred in 38% "
        "with 5.5 GBq and in 49% with 8.0 GBq.",
        title="Two activities of 177Lu-PSMA-I&T",
    )
    assert [m["arm"] for m in found["measurements"]] == ["177Lu-PSMA-I&T, 5.5 GBq", "177Lu-PSMA-I&T, 8.0 GBq"]


def test_values_of_the_men_treated_at_the_recommended_phase_2_dose(record):
    found = record(
        "QX-31, a PSMA×CD3 bispecific antibody, was given weekly in a dose escalation. Nine of 20 men (45%) treated "
        "at the RP2D had a PSA decline of 50% or more."
    )
    assert [(m["endpoint"], m["arm"], m["value"]) for m in found["measurements"]] == [("PSA50", "QX-31, RP2D", 45.0)]


def test_the_dose_level_a_dlt_was_seen_at_after_its_count(record):
    found = record(
        "Twenty-four men received 212Pb-XRT-93 at four activity levels (1.5 to 4.5 MBq/kg). Two DLTs (grade 3 "
        "xerostomia and grade 4 neutropenia) were seen at 4.5 MBq/kg; one DLT occurred at dose level 2. Only one "
        "patient had a DLT (grade 3 fatigue, in the expansion at 3.5 MBq/kg). Dose-limiting toxicities occurred "
        "in three patients: one at 3.5 MBq/kg and two at 4.5 MBq/kg.",
        title="A first-in-human study of 212Pb-XRT-93",
    )
    rows = [(m["value"], m["arm"]) for m in found["measurements"] if m["endpoint"] == "DLT"]
    assert rows == [
        (2.0, "212Pb-XRT-93, 4.5 MBq/kg"),
        (1.0, "212Pb-XRT-93, dose level 2"),
        (1.0, "212Pb-XRT-93, 3.5 MBq/kg"),
        (3.0, "212Pb-XRT-93"),  # the total before its breakdown is no dose level's
        (1.0, "212Pb-XRT-93, 3.5 MBq/kg"),
        (2.0, "212Pb-XRT-93, 4.5 MBq/kg"),
    ]


def test_pairs_of_a_study_randomised_to_two_activities_take_the_activities_in_order(record):
    found = record(
        "We randomised 90 men 1:1 to 177Lu-PSMA-I&T at 6.8 GBq or 8.5 GBq per cycle. PSA50 responses occurred in "
        "44% versus 53%. Median rPFS was 7.7 vs 9.1 months (HR 0.88, 95% CI 0.57-1.36). Grade 3 anaemia affected "
        "4 (9%) and 7 (16%) patients, respectively. Median overall survival was 15.0 months.",
        title="Two activities of 177Lu-PSMA-I&T: a randomised phase 2 trial",
    )
    assert [(m["endpoint"], m["arm"], m["value"]) for m in found["measurements"]] == [
        ("PSA50", "177Lu-PSMA-I&T, 6.8 GBq", 44.0),
        ("PSA50", "177Lu-PSMA-I&T, 8.5 GBq", 53.0),
        ("rPFS", "177Lu-PSMA-I&T, 6.8 GBq", 7.7),
        ("rPFS", "177Lu-PSMA-I&T, 8.5 GBq", 9.1),
        ("AE:anemia", "177Lu-PSMA-I&T, 6.8 GBq", 9.0),
        ("AE:anemia", "177Lu-PSMA-I&T, 8.5 GBq", 16.0),
        ("OS", "177Lu-PSMA-I&T", 15.0),  # a value of the whole study
    ]


def test_arms_of_one_agent_told_apart_by_cycles_are_read_by_their_bracketed_names(record):
    found = record(
        "Ninety-six men with mCRPC were randomly assigned to three cycles (Lu-3 group) or six cycles (Lu-6 group) "
        "of 177Lu-PSMA-I&T 7.4 GBq every 6 weeks. A PSA decline of at least 50% occurred in 61% of the Lu-6 group "
        "and 44% of the Lu-3 group. Median PSA-PFS was 5.1 versus 7.9 months. Grade 3 anaemia was seen in 8% of "
        "the Lu-6 group.",
        title="Three versus six cycles of 177Lu-PSMA-I&T: a randomised phase 2 trial",
    )
    assert [(m["endpoint"], m["arm"], m["value"]) for m in found["measurements"]] == [
        ("PSA50", "177Lu-PSMA-I&T, six cycles", 61.0),  # named by the group, whatever the order
        ("PSA50", "177Lu-PSMA-I&T, three cycles", 44.0),
        ("PSA-PFS", "177Lu-PSMA-I&T, three cycles", 5.1),  # named by nothing: in the order of allocation
        ("PSA-PFS", "177Lu-PSMA-I&T, six cycles", 7.9),
        ("AE:anemia", "177Lu-PSMA-I&T, six cycles", 8.0),
    ]
    assert found["comparators"] == []


def test_arms_of_one_agent_written_again_before_each_activity_are_one_agents_activities(record):
    found = record(
        "In this phase 2 trial, men were randomised (1:1:1) to 177Lu-PSMA-617 5.5 GBq (low arm), 177Lu-PSMA-617 "
        "7.4 GBq (middle arm) or 177Lu-PSMA-617 9.3 GBq (high arm). PSA50 rates were 39%, 47% and 58% in the low, "
        "middle and high arms, respectively. Grade 3 dry mouth affected one man (3%) in the high arm, and none in "
        "the low arm.",
        title="Three activities of 177Lu-PSMA-617",
    )
    assert [(m["endpoint"], m["arm"], m["value"]) for m in found["measurements"]] == [
        ("PSA50", "177Lu-PSMA-617, 5.5 GBq", 39.0),
        ("PSA50", "177Lu-PSMA-617, 7.4 GBq", 47.0),
        ("PSA50", "177Lu-PSMA-617, 9.3 GBq", 58.0),
        ("AE:dry mouth", "177Lu-PSMA-617, 9.3 GBq", 3.0),  # the arm named in the value's clause
    ]
    assert found["comparators"] == []


def test_arms_of_one_agent_told_apart_by_their_interval(record):
    found = record(
        "Patients were randomised to 177Lu-PSMA-617 7.4 GBq every 6 weeks (standard schedule) or 7.4 GBq every "
        "3 weeks (dense schedule). PSA50 was reached by 52% with the dense schedule and by 46% with the standard "
        "schedule.",
        title="Dose-dense 177Lu-PSMA-617",
    )
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [
        ("177Lu-PSMA-617, every 3 weeks", 52.0),
        ("177Lu-PSMA-617, every 6 weeks", 46.0),
    ]


def test_arms_named_by_their_activities_take_the_values_each_activity_is_named_next_to(record):
    found = record(
        "In this randomised phase 2 trial, 80 men were allocated to the 5.5 GBq arm (n=40) or the 7.4 GBq arm "
        "(n=40), each given every 6 weeks. A PSA decline of 50% or more occurred in 15 of 40 men (38%) in the "
        "5.5 GBq arm and in 21 of 40 (53%) in the 7.4 GBq arm. Median PSA-PFS was 6.3 months (7.4 GBq) and 4.9 "
        "months (5.5 GBq). Dry mouth affected 20% of the 5.5 GBq arm and 41% of the 7.4 GBq arm.",
        title="Two activities of 177Lu-PSMA-617",
    )
    assert [(m["endpoint"], m["arm"], m["value"]) for m in found["measurements"]] == [
        ("PSA50", "177Lu-PSMA-617, 5.5 GBq", 38.0),
        ("PSA50", "177Lu-PSMA-617, 7.4 GBq", 53.0),
        ("PSA-PFS", "177Lu-PSMA-617, 7.4 GBq", 6.3),
        ("PSA-PFS", "177Lu-PSMA-617, 5.5 GBq", 4.9),
        ("AE:dry mouth", "177Lu-PSMA-617, 5.5 GBq", 20.0),
        ("AE:dry mouth", "177Lu-PSMA-617, 7.4 GBq", 41.0),
    ]


def test_arms_of_one_agent_named_only_in_brackets_and_a_non_inferiority_margin(record):
    found = record(
        "Responders to two cycles of 177Lu-PSMA-617 were randomised to a treatment pause (pause group) or to four "
        "more cycles (continuous group). The primary endpoint was PSA-PFS, and non-inferiority was to be shown if "
        "the upper bound of the 90% CI of the hazard ratio lay below a margin of 1.35. Median PSA-PFS was 7.7 "
        "months in the pause group and 8.2 months in the continuous group (HR 1.06; 90% CI 0.81-1.31; one-sided p "
        "for non-inferiority=0.03).",
        title="Pausing 177Lu-PSMA-617 in responders",
    )
    rows = [(m["arm"], m["statistic"], m["value"], m["hr"], m["p_value"], m["status"]) for m in found["measurements"]]
    assert rows == [
        ("177Lu-PSMA-617", "hr", None, 1.35, None, "planned"),  # the margin is the design's
        ("177Lu-PSMA-617, pause group", "median", 7.7, 1.06, "=0.03", "reported"),
        ("177Lu-PSMA-617, continuous group", "median", 8.2, None, None, "reported"),
    ]


def test_subgroup_ratios_given_again_as_it_was_or_compared_with(record):
    found = record(
        "Men were randomised to 177Lu-PSMA-I&T or cabazitaxel. The survival benefit held in patients aged 70 "
        "years or older (HR 0.71; 95% CI 0.52-0.97). For men with visceral metastases the hazard ratio for death was "
        "0.88 (95% CI 0.55-1.41), whereas for those without them it was 0.64 (95% CI 0.50-0.82). When enzalutamide "
        "had been given before, the HR was 0.60 (95% CI 0.44-0.81), compared with 0.79 (95% CI 0.57-1.10) when it "
        "had not.",
        title="Subgroups of a randomised trial",
    )
    assert [(m["endpoint"], m["arm"], m["hr"]) for m in found["measurements"]] == [
        ("OS", "177Lu-PSMA-I&T, aged 70 years or older", 0.71),
        ("OS", "177Lu-PSMA-I&T, visceral metastases", 0.88),
        ("OS", "177Lu-PSMA-I&T, no visceral metastases", 0.64),
        ("OS", "177Lu-PSMA-I&T", 0.60),
        ("OS", "177Lu-PSMA-I&T", 0.79),
    ]


def test_predictors_linked_to_shorter_survival_and_men_who_lived_shorter(record):
    found = record(
        "Men received 177Lu-PSMA-617. In the multivariable model, liver metastases (HR 2.05; 95% CI 1.40-3.01) were "
        "linked to shorter overall survival. Men with a low SUVmean lived shorter (median 8.8 vs 14.6 months)."
    )
    assert [(m["endpoint"], m["value"], m["hr"]) for m in found["measurements"]] == [
        ("OS", None, 2.05),
        ("OS", 8.8, None),
        ("OS", 14.6, None),
    ]


def test_activities_of_a_dose_escalation_are_no_arms(record):
    found = record(
        "Cohorts of three to six men received 177Lu-PSMA-I&T at 6.8 or 8.5 GBq per cycle in a 3+3 design. PSA50 "
        "responses occurred in 44% and 53% of patients overall at weeks 12 and 24.",
        title="Activity escalation of 177Lu-PSMA-I&T",
    )
    assert {m["arm"] for m in found["measurements"]} == {"177Lu-PSMA-I&T"}


def test_subgroups_of_a_prior_therapy_named_by_treated_with_and_naive(record):
    found = record(
        COHORT + " Men previously treated with cabazitaxel had a lower PSA50 rate than cabazitaxel-naive men "
        "(31% versus 52%). Docetaxel-naive patients had a median rPFS of 9.9 months.",
    )
    assert [(m["endpoint"], m["arm"], m["value"]) for m in found["measurements"]] == [
        ("PSA50", "177Lu-PSMA-617, prior cabazitaxel", 31.0),
        ("PSA50", "177Lu-PSMA-617, cabazitaxel-naive", 52.0),
        ("rPFS", "177Lu-PSMA-617, docetaxel-naive", 9.9),
    ]


def test_a_prior_therapy_of_everyone_compared_across_arms_is_no_subgroup(record):
    found = record(
        "Men were randomly assigned to 177Lu-PSMA-617 plus standard care or standard care alone. In men previously "
        "treated with a taxane, 177Lu-PSMA-617 extended median overall survival from 11.0 to 14.6 months.",
    )
    assert {m["arm"] for m in found["measurements"]} == {
        "177Lu-PSMA-617 + standard of care",
        "standard of care",
    }


def test_the_cycle_named_before_absorbed_doses_qualifies_them(record):
    found = record(
        "Twenty men had SPECT/CT dosimetry of 177Lu-PSMA-I&T. After cycle 1, mean absorbed doses were 0.61 Gy/GBq "
        "for the kidneys and 0.48 Gy/GBq for the parotid glands; tumour lesions received 4.9 Gy/GBq. In cycle 1, "
        "a PSA decline of at least 50% was seen in 35%.",
    )
    assert [(m["endpoint"], m["arm"]) for m in found["measurements"]] == [
        ("absorbed dose:kidney", "177Lu-PSMA-I&T, cycle 1"),
        ("absorbed dose:parotid glands", "177Lu-PSMA-I&T, cycle 1"),
        ("absorbed dose:tumor", "177Lu-PSMA-I&T"),  # past the semicolon
        ("PSA50", "177Lu-PSMA-I&T"),  # a response is no dose of a cycle
    ]


def test_pairs_of_a_study_of_one_arm_take_the_strata_its_methods_set_side_by_side(record):
    found = record(
        "Retrospective, 4 centres. Pts treated with 225Ac-PSMA-617 were grouped by age ≥75 y vs <75 y. Results: "
        "PSA50 51% vs 56%; mOS 10.9 vs 12.2 mo.",
        title="225Ac-PSMA-617 in older men",
    )
    assert [(m["endpoint"], m["arm"]) for m in found["measurements"]] == [
        ("PSA50", "225Ac-PSMA-617, age ≥75 y"),
        ("PSA50", "225Ac-PSMA-617, age <75 y"),
        ("OS", "225Ac-PSMA-617, age ≥75 y"),
        ("OS", "225Ac-PSMA-617, age <75 y"),
    ]


def test_in_a_study_that_compares_the_first_course_with_rechallenge_a_value_of_one_course_is_of_that_part(record):
    found = record(
        "Forty men who had responded to 177Lu-PSMA-I&T were rechallenged at progression. A PSA decline of 50% or "
        "more occurred in 85% during the initial course and in 45% at rechallenge. Median OS from rechallenge was "
        "11.8 months; grade 3 anaemia occurred in 10% at rechallenge. From the start of rechallenge, median PSA-PFS "
        "was 4.9 months.",
    )
    assert [(m["endpoint"], m["arm"]) for m in found["measurements"]] == [
        ("PSA50", "177Lu-PSMA-I&T, first course"),
        ("PSA50", "177Lu-PSMA-I&T, rechallenge"),
        ("OS", "177Lu-PSMA-I&T, rechallenge"),
        ("AE:anemia", "177Lu-PSMA-I&T, rechallenge"),
        ("PSA-PFS", "177Lu-PSMA-I&T, rechallenge"),
    ]
    alone = record(  # a study of rechallenge alone: every value is of its rechallenge, no part of it
        "Forty men who had responded to 177Lu-PSMA-I&T were rechallenged at progression. Median OS from rechallenge "
        "was 11.8 months; grade 3 anaemia occurred in 10% at rechallenge.",
    )
    assert [(m["endpoint"], m["arm"]) for m in alone["measurements"]] == [
        ("OS", "177Lu-PSMA-I&T"),
        ("AE:anemia", "177Lu-PSMA-I&T"),
    ]


def test_a_tracers_rates_by_psa_band_stay_its_own_and_the_other_tracers_corresponding_values_follow_them(record):
    # Each value of the first sentence is a PSA band of the tracer it names (not the study's two arms in turn); "or
    # above" after a number includes it; the second tracer's corresponding values are for the same bands, in order.
    found = record(
        "Sixty men had 18F-DCFPyL PET/CT and 18F-fluciclovine PET/CT. Detection with 18F-DCFPyL was 52% below 1.0 "
        "ng/mL and 88% at 1.0 ng/mL or above. The corresponding values for 18F-fluciclovine were 21% and 60%.",
        title="18F-DCFPyL versus 18F-fluciclovine in biochemical recurrence",
    )
    rows = [(m["arm"], m["value"]) for m in found["measurements"] if m["endpoint"] == "detection rate"]
    assert rows == [
        ("18F-DCFPyL, PSA <1.0 ng/mL", 52.0),
        ("18F-DCFPyL, PSA ≥1.0 ng/mL", 88.0),
        ("18F-fluciclovine, PSA <1.0 ng/mL", 21.0),
        ("18F-fluciclovine, PSA ≥1.0 ng/mL", 60.0),
    ]


def test_bands_listed_respectively_after_one_tracers_values_are_that_tracers(record):
    found = record(
        "Sixty men had 18F-DCFPyL PET/CT and 18F-fluciclovine PET/CT. Detection rates with 18F-DCFPyL were 47% and 83% "
        "for PSA levels below 2 and above 2 ng/mL, respectively.",
        title="18F-DCFPyL versus 18F-fluciclovine in biochemical recurrence",
    )
    arms = {m["arm"].split(",")[0] for m in found["measurements"] if m["endpoint"] == "detection rate"}
    assert arms == {"18F-DCFPyL"}


def test_bands_and_dose_levels_listed_after_a_verb_or_after_fractions_with_respectively(record):
    bands = record(
        "We imaged 300 men with 68Ga-PSMA-11 PET/CT. Detection rates of 41%, 66% and 90% were observed for PSA levels "
        "of <0.5, 0.5 to <2.0 and ≥2.0 ng/mL, respectively."
    )
    assert [m["arm"] for m in bands["measurements"]] == [
        "68Ga-PSMA-11, PSA <0.5 ng/mL", "68Ga-PSMA-11, PSA 0.5 to <2.0 ng/mL", "68Ga-PSMA-11, PSA ≥2.0 ng/mL"
    ]  # fmt: skip
    doses = record(
        "Twelve men received 225Ac-PSMA-617 in three cohorts. Grade 3 anaemia occurred in 0 of 3, 1 of 3 and 2 of 6 "
        "men at 50, 100 and 150 kBq/kg, respectively."
    )
    assert [(m["arm"], m["value"]) for m in doses["measurements"]] == [
        ("225Ac-PSMA-617, 50 kBq/kg", 0.0), ("225Ac-PSMA-617, 100 kBq/kg", 1.0), ("225Ac-PSMA-617, 150 kBq/kg", 2.0)
    ]  # fmt: skip


IMAGING = "We imaged 120 men with rising PSA after radical prostatectomy with 64Cu-SAR-bisPSMA PET/CT."


def test_each_reader_and_each_imaging_day_names_its_value(record):
    text = IMAGING + (
        " The correct localisation rate was 71.2% (95% CI 62.0-79.3) for reader 1 and 66.4% (95% CI 57.0-75.0) "
        "for reader 2. The detection rate was 41% on day 0 and 63% on day-1 imaging."
    )
    assert _arms(record, text, "CLR") == [
        (71.2, "64Cu-SAR-bisPSMA, reader 1"),
        (66.4, "64Cu-SAR-bisPSMA, reader 2"),
    ]
    assert _arms(record, text, "detection rate") == [
        (41.0, "64Cu-SAR-bisPSMA, day 0"),
        (63.0, "64Cu-SAR-bisPSMA, day 1"),
    ]


def test_a_reader_in_brackets_after_each_value_of_scans_called_positive(record):
    text = IMAGING + " Scans were called positive in 47% (reader 1), 52% (reader 2) and 58% (reader 3) of men."
    assert _arms(record, text, "detection rate") == [
        (47.0, "64Cu-SAR-bisPSMA, reader 1"),
        (52.0, "64Cu-SAR-bisPSMA, reader 2"),
        (58.0, "64Cu-SAR-bisPSMA, reader 3"),
    ]
    plain = IMAGING + " The detection rate was 47% (reader 1) and 52% (reader 2)."
    assert _arms(record, plain, "detection rate") == [
        (47.0, "64Cu-SAR-bisPSMA, reader 1"),
        (52.0, "64Cu-SAR-bisPSMA, reader 2"),
    ]


def test_readers_or_bands_listed_ahead_of_runs_of_values_with_respectively(record):
    text = IMAGING + (
        " For readers A, B and C, sensitivity was 52%, 47% and 58%, and specificity 91%, 95% and 89%, respectively."
        " In PSA strata of <0.2, 0.2-<1 and ≥1 ng/mL, detection rates were 9/30 (30.0%), 25/46 (54.3%) and "
        "38/44 (86.4%), respectively."
    )
    assert _arms(record, text, "sensitivity") == [
        (52.0, "64Cu-SAR-bisPSMA, reader A"),
        (47.0, "64Cu-SAR-bisPSMA, reader B"),
        (58.0, "64Cu-SAR-bisPSMA, reader C"),
    ]
    assert [arm for _value, arm in _arms(record, text, "specificity")] == [
        "64Cu-SAR-bisPSMA, reader A", "64Cu-SAR-bisPSMA, reader B", "64Cu-SAR-bisPSMA, reader C",
    ]  # fmt: skip
    assert _arms(record, text, "detection rate") == [
        (30.0, "64Cu-SAR-bisPSMA, PSA <0.2 ng/mL"),
        (54.3, "64Cu-SAR-bisPSMA, PSA 0.2-<1 ng/mL"),
        (86.4, "64Cu-SAR-bisPSMA, PSA ≥1 ng/mL"),
    ]


def test_a_day_of_imaging_comes_ahead_of_the_subgroup_of_patients(record):
    text = IMAGING + " Among the 25 men with PSA below 0.5 ng/mL, detection was 32% on day 0 and 56% on day 1."
    assert _arms(record, text, "detection rate") == [
        (32.0, "64Cu-SAR-bisPSMA, day 0, PSA <0.5 ng/mL"),
        (56.0, "64Cu-SAR-bisPSMA, day 1, PSA <0.5 ng/mL"),
    ]


RANDOMISED = "We randomised 412 men with mCRPC to 177Lu-PSMA-617 or docetaxel."


def test_subgroups_by_age_written_in_the_ways_reports_write_them(record):
    text = RANDOMISED + (
        " The OS benefit held in patients younger than 75 years (HR 0.58; 95% CI 0.41-0.82) and in those aged 75"
        " years or older (HR 0.71; 95% CI 0.47-1.07). It held too among patients 70 years of age or older (HR 0.66;"
        " 95% CI 0.45-0.97) and in younger men (HR 0.60; 95% CI 0.44-0.81)."
    )
    assert [(m["hr"], m["arm"]) for m in record(text)["measurements"] if m["endpoint"] == "OS"] == [
        (0.58, "177Lu-PSMA-617, younger than 75 years"),
        (0.71, "177Lu-PSMA-617, aged 75 years or older"),
        (0.66, "177Lu-PSMA-617, aged 70 years or older"),
        (0.60, "177Lu-PSMA-617, younger men"),
    ]


def test_the_rest_of_the_older_men_are_the_younger_ones(record):
    text = COHORT + " Grade 3 or higher anaemia was more frequent in the older men (18% versus 7%)."
    assert [(m["value"], m["arm"]) for m in record(text)["measurements"]] == [
        (18.0, "177Lu-PSMA-617, older men"),
        (7.0, "177Lu-PSMA-617, younger men"),
    ]


def test_a_semicolon_inside_the_bracket_of_statistics_does_not_part_the_values_from_their_subgroups(record):
    text = COHORT + (
        " Men with a baseline SUVmean of 10 or more did better than those below 10 (median OS 18.4 vs 12.9 months;"
        " HR 0.61, 95% CI 0.45-0.83), and their PSA50 rate was 64% compared with 37%."
    )
    assert [arm for _value, arm in _arms(record, text, "PSA50")] == [
        "177Lu-PSMA-617, baseline SUVmean of 10 or more",
        "177Lu-PSMA-617, below 10",
    ]


def test_the_rest_pointed_at_after_a_later_value_is_the_rest_of_the_subgroup_named_after_an_earlier_one(record):
    text = COHORT + " A PSA50 response was seen in 58% of men with an SUVmean of 10 or more and in 24% of men below it."
    assert _arms(record, text, "PSA50") == [
        (58.0, "177Lu-PSMA-617, SUVmean of 10 or more"),
        (24.0, "177Lu-PSMA-617, not SUVmean of 10 or more"),
    ]


def test_the_site_of_the_body_a_value_is_given_for_names_it(record):
    text = (
        "We imaged 96 men with recurrent prostate cancer with 68Ga-PSMA-11 PET/CT. Positive predictive values were"
        " 94.1% in the prostatic fossa, 85.7% in pelvic lymph nodes and 77.8% for other sites. For bone metastases,"
        " sensitivity was 83.3% (95% CI 70.0-92.0), against 58.2% for nodal metastases."
    )
    assert _arms(record, text, "PPV") == [
        (94.1, "68Ga-PSMA-11, prostatic fossa"),
        (85.7, "68Ga-PSMA-11, pelvic lymph nodes"),
        (77.8, "68Ga-PSMA-11, other sites"),
    ]
    assert _arms(record, text, "sensitivity") == [
        (83.3, "68Ga-PSMA-11, bone metastases"),
        (58.2, "68Ga-PSMA-11, nodal metastases"),
    ]


def test_two_adjectives_of_prior_therapy_share_the_population_noun_after_the_second(record):
    text = COHORT + " A PSA50 response occurred in 17% of docetaxel-pretreated and 29% of chemotherapy-naive men."
    assert _arms(record, text, "PSA50") == [
        (17.0, "177Lu-PSMA-617, docetaxel-pretreated"),
        (29.0, "177Lu-PSMA-617, chemotherapy-naive"),
    ]


ESCALATION = "We enrolled 48 men with mCRPC in a phase 1 dose-escalation study of ARX517, an antibody-drug conjugate."


def test_doses_from_a_level_up_the_recommended_dose_and_numbered_cohorts_opening_a_clause(record):
    text = ESCALATION + (
        " At doses of 1.7 mg/kg or higher (n=30), 47% had a PSA decline of 50% or more. At the recommended phase 2"
        " dose, the PSA50 rate was 52%. In cohort 3, 4 of 7 (57%) had a PSA decline of 50% or more. In the expansion"
        " cohort (n=20), PSA50 was 45%. Overall, PSA50 was 38%."
    )
    assert _arms(record, text, "PSA50") == [
        (47.0, "ARX517, 1.7 mg/kg or higher"),
        (52.0, "ARX517, recommended phase 2 dose"),
        (57.0, "ARX517 (cohort 3)"),  # (a numbered cohort is an arm, as the guidelines write it)
        (45.0, "ARX517, expansion cohort"),
        (38.0, "ARX517"),
    ]


def test_dose_limiting_toxicities_at_the_highest_dose_level_name_it(record):
    text = ESCALATION + " Two dose-limiting toxicities (grade 4 thrombocytopenia) occurred at the highest dose level."
    assert [(m["value"], m["arm"]) for m in record(text)["measurements"] if m["endpoint"] == "DLT"] == [
        (2.0, "ARX517, highest dose level")
    ]


def test_the_course_of_a_rechallenge_after_the_population_or_with_on(record):
    text = (
        "We retreated 61 men whose disease had responded to 177Lu-PSMA-617. A PSA decline of 50% or more occurred in"
        " 72% of men after the first course and in 44% after rechallenge. Grade 3 or higher anaemia rose from 4%"
        " during the first course to 11% on rechallenge."
    )
    assert [(m["value"], m["arm"]) for m in record(text)["measurements"]] == [
        (72.0, "177Lu-PSMA-617, first course"),
        (44.0, "177Lu-PSMA-617, rechallenge"),
        (4.0, "177Lu-PSMA-617, first course"),
        (11.0, "177Lu-PSMA-617, rechallenge"),
    ]


def test_ratios_listed_after_one_heading_of_their_interval_each_name_their_subgroup(record):
    text = RANDOMISED + (
        " Median rPFS was 10.2 versus 6.6 months (HR 0.58; 95% CI 0.44-0.76). The benefit held across subgroups;"
        " hazard ratios (95% CI) were 0.55 (0.36-0.84) for men younger than 70 years, 0.61 (0.41-0.91) for those aged"
        " 70 years or older and 0.72 (0.38-1.36) for men with liver metastases."
    )
    rows = [(m["hr"], m["ci_low"], m["ci_high"], m["arm"]) for m in record(text)["measurements"] if m["hr"]]
    assert rows[1:] == [
        (0.55, 0.36, 0.84, "177Lu-PSMA-617, younger than 70 years"),
        (0.61, 0.41, 0.91, "177Lu-PSMA-617, aged 70 years or older"),
        (0.72, 0.38, 1.36, "177Lu-PSMA-617, liver metastases"),
    ]


def test_early_and_delayed_images_and_the_hour_after_injection_name_their_values(record):
    text = IMAGING + (
        " The detection rate rose from 58% on early (1 h) images to 66% on delayed (3 h) images. In a second reading,"
        " the detection rate was 49% on the early images and 57% on late images."
    )
    assert [arm for _value, arm in _arms(record, text, "detection rate")] == [
        "64Cu-SAR-bisPSMA, 1 h", "64Cu-SAR-bisPSMA, 3 h",
        "64Cu-SAR-bisPSMA, early images", "64Cu-SAR-bisPSMA, late images",
    ]  # fmt: skip


def test_a_cut_off_opening_a_clause_with_with_and_a_pattern_of_disease_after_a_value(record):
    text = COHORT + (
        " With an SUVmean of 10 or higher, the PSA50 rate was 71%; with an SUVmean below 10, the PSA50 rate was 38%."
        " Median OS"
        " was 21.3 months with nodal-only disease and 10.9 months with visceral metastases. With a median follow-up"
        " of 14 months, the PSA50 rate was 52%."
    )
    assert _arms(record, text, "PSA50") == [
        (71.0, "177Lu-PSMA-617, SUVmean of 10 or higher"),
        (38.0, "177Lu-PSMA-617, SUVmean below 10"),
        (52.0, "177Lu-PSMA-617"),
    ]
    assert _arms(record, text, "OS") == [
        (21.3, "177Lu-PSMA-617, nodal-only disease"),
        (10.9, "177Lu-PSMA-617, visceral metastases"),
    ]


def test_factors_that_carry_a_higher_risk_name_their_ratios(record):
    text = COHORT + (
        " Median overall survival was 13.9 months. Visceral metastases (HR 2.4 [1.5-3.8]) and a high LDH (HR 1.7"
        " [1.1-2.6]) carried a higher risk of death."
    )
    assert [(m["hr"], m["arm"]) for m in record(text)["measurements"] if m["hr"]] == [
        (2.4, "177Lu-PSMA-617, visceral metastases"),
        (1.7, "177Lu-PSMA-617, high LDH"),
    ]


def test_a_second_ratio_after_the_subgroup_of_the_first_with_its_own_interval(record):
    text = RANDOMISED + (
        " Median OS was 19.9 versus 16.1 months (HR 0.74; 95% CI 0.60-0.91). The HR was 0.68 (95% CI 0.52-0.89) in"
        " men with de novo metastatic disease and 0.83 (95% CI 0.58-1.19) in those with metachronous disease."
    )
    rows = [(m["hr"], m["ci_low"], m["arm"]) for m in record(text)["measurements"] if m["hr"]]
    assert rows[1:] == [
        (0.68, 0.52, "177Lu-PSMA-617, de novo metastatic disease"),
        (0.83, 0.58, "177Lu-PSMA-617, metachronous disease"),
    ]


def test_sites_listed_after_a_run_of_values_of_one_modality_with_respectively(record):
    text = (
        "We compared 99mTc-EDDA/HYNIC-iPSMA SPECT/CT with 68Ga-PSMA-11 PET/CT in 52 men.\n"
        "Region-level sensitivities of SPECT/CT were 82%, 69% and 88% for the prostate bed, pelvic lymph nodes and"
        " bone, respectively."
    )
    found = record(text, title="99mTc-EDDA/HYNIC-iPSMA SPECT/CT versus 68Ga-PSMA-11 PET/CT")
    assert [(m["value"], m["arm"]) for m in found["measurements"]] == [
        (82.0, "99mTc-EDDA/HYNIC-iPSMA, prostate bed"),
        (69.0, "99mTc-EDDA/HYNIC-iPSMA, pelvic lymph nodes"),
        (88.0, "99mTc-EDDA/HYNIC-iPSMA, bone"),
    ]


def test_the_primary_treatment_a_recurrence_came_after_names_its_values(record):
    text = IMAGING + (
        " The detection rate was 79%: 70% after radical prostatectomy and 91% after radiotherapy. Scans were positive"
        " more often after primary radiotherapy than after prostatectomy (90% vs 68%)."
    )
    assert _arms(record, text, "detection rate") == [
        (79.0, "64Cu-SAR-bisPSMA"),
        (70.0, "64Cu-SAR-bisPSMA, after radical prostatectomy"),
        (91.0, "64Cu-SAR-bisPSMA, after radiotherapy"),
        (90.0, "64Cu-SAR-bisPSMA, after primary radiotherapy"),
        (68.0, "64Cu-SAR-bisPSMA, after prostatectomy"),
    ]


def test_a_predictor_made_the_subject_of_its_sentence_names_the_ratio_after_it(record):
    text = IMAGING + (
        " The detection rate was 71%. In multivariable analysis, a PSA doubling time shorter than 6 months was"
        " associated with a positive scan (odds ratio 2.7; 95% CI 1.4-5.2), whereas a Gleason score of 8 or more was"
        " not (odds ratio 1.1; 95% CI 0.6-2.0)."
    )
    ratios = [(m["value"], m["arm"]) for m in record(text)["measurements"] if m["statistic"] == "or"]
    assert ratios == [(2.7, "64Cu-SAR-bisPSMA, PSA doubling time shorter than 6 months"), (1.1, "64Cu-SAR-bisPSMA")]


def test_readers_listed_between_two_runs_or_right_after_one_without_respectively(record):
    text = IMAGING + (
        " Sensitivity was 41%, 37% and 44% for readers 1, 2 and 3, respectively, while specificity was 95%, 97% and"
        " 93%. The detection rate was 61%, 66% and 58% of patients by readers 1, 2 and 3."
    )
    rows = [(m["endpoint"], m["arm"].rpartition(", ")[2]) for m in record(text)["measurements"]]
    assert rows == [(endpoint, f"reader {n}") for endpoint in ("sensitivity", "specificity", "detection rate")
                    for n in (1, 2, 3)]  # fmt: skip


def test_the_older_group_and_a_prior_therapy_adjective_before_and_in(record):
    text = COHORT + (
        " Grade 3 or higher anaemia occurred in 5% of taxane-naive and in 13% of taxane-pretreated men, and was more"
        " frequent in the older group (16% vs 7%)."
    )
    assert [arm for _value, arm in _arms(record, text, "AE:anemia")] == [
        "177Lu-PSMA-617, taxane-naive", "177Lu-PSMA-617, taxane-pretreated",
        "177Lu-PSMA-617, older group", "177Lu-PSMA-617, younger group",
    ]  # fmt: skip


def test_a_prior_therapy_right_after_a_share_of_the_men_given_it(record):
    text = (
        "We treated 60 men with 225Ac-PSMA-617. A PSA50 response occurred in 28 of 60 (46.7%), in 12 of the 35"
        " (34.3%) pretreated with 177Lu-PSMA-617 and in 16 of the 25 (64.0%) who were 177Lu-naive."
    )
    assert [(m["value"], m["arm"]) for m in record(text)["measurements"]] == [
        (46.7, "225Ac-PSMA-617"),
        (34.3, "225Ac-PSMA-617, prior 177Lu-PSMA-617"),
        (64.0, "225Ac-PSMA-617, 177Lu-naive"),
    ]


def test_a_group_cut_at_longer_than_a_duration_is_no_value_and_keeps_its_cut_in_its_name(record):
    text = (
        "We retreated 64 men with 177Lu-PSMA-617. Men with a treatment-free interval longer than 6 months lived longer"
        " than those with a shorter interval (median OS 15.9 vs 8.4 months)."
    )
    assert _arms(record, text, "OS") == [
        (15.9, "177Lu-PSMA-617, treatment-free interval longer than 6 months"),
        (8.4, "177Lu-PSMA-617, shorter interval"),
    ]


def test_a_pattern_of_disease_names_each_site_before_its_share(record):
    text = (
        "We imaged 210 men with biochemical recurrence by 18F-DCFPyL PET/CT. A positive scan was seen in 142 men"
        " (67.6%). Local recurrence was found in 17.6%, pelvic nodal disease in 33.8% and distant disease in 15.2% of"
        " the men. Uptake was seen in the prostate bed in 19.0% of men and at extrapelvic sites in 9.5%."
    )
    found = [(m["value"], m["arm"]) for m in record(text, "PSMA PET in recurrence")["measurements"]]
    assert found == [
        (67.6, "18F-DCFPyL"),
        (17.6, "18F-DCFPyL, local recurrence"),
        (33.8, "18F-DCFPyL, pelvic nodal disease"),
        (15.2, "18F-DCFPyL, distant disease"),
        (19.0, "18F-DCFPyL, prostate bed"),
        (9.5, "18F-DCFPyL, extrapelvic sites"),
    ]


def test_a_site_named_before_shares_leaves_another_endpoint_of_the_sentence_alone(record):
    text = (
        "We compared 68Ga-PSMA-11 PET/CT with conventional imaging in 118 men. Distant metastases were identified in"
        " 16.1% of men by PSMA PET/CT and in 6.8% by conventional imaging, and management changed after PSMA PET/CT"
        " in 26.3% of men."
    )
    measured = [(m["endpoint"], m["value"], m["arm"]) for m in record(text)["measurements"]]
    assert ("management change", 26.3, "68Ga-PSMA-11") in measured
    assert ("detection rate", 16.1, "68Ga-PSMA-11, distant metastases") in measured


def test_sites_listed_after_a_heading_that_breaks_the_detection_rate_down(record):
    text = (
        "We reviewed 180 men imaged with 68Ga-PSMA-11 PET/CT for a rising PSA. The detection rate was 71.1% (128/180)."
        " Positive findings by region: prostate bed 23.9% (43/180), pelvic lymph nodes 35.0% (63/180), bone 12.2%"
        " (22/180)."
    )
    assert _arms(record, text, "detection rate") == [
        (71.1, "68Ga-PSMA-11"),
        (23.9, "68Ga-PSMA-11, prostate bed"),
        (35.0, "68Ga-PSMA-11, pelvic lymph nodes"),
        (12.2, "68Ga-PSMA-11, bone"),
    ]


def test_a_list_item_labelled_by_a_prior_therapy_is_a_subgroup(record):
    text = (
        "We treated 300 men with 177Lu-PSMA-I&T. The PSA50 response rate was 44.0%. By prior chemotherapy:\n"
        "- prior docetaxel (n=190): 39.5%\n"
        "- no prior docetaxel (n=110): 51.8%"
    )
    assert _arms(record, text, "PSA50") == [
        (44.0, "177Lu-PSMA-I&T"),
        (39.5, "177Lu-PSMA-I&T, prior docetaxel"),
        (51.8, "177Lu-PSMA-I&T, no prior docetaxel"),
    ]


def test_readers_named_after_two_runs_of_values_or_as_a_span(record):
    text = (
        "Ninety men had 18F-DCFPyL PET/CT before surgery. Sensitivity was 51.2%, 48.8% and 55.0% and specificity"
        " 96.4%, 97.0% and 95.2% for readers 1, 2 and 3. The correct localization rate was 80.1%, 83.3% and 78.9% for"
        " readers 1 to 3."
    )
    found = [(m["endpoint"], m["arm"]) for m in record(text)["measurements"]]
    assert found == [
        ("sensitivity", "18F-DCFPyL, reader 1"), ("sensitivity", "18F-DCFPyL, reader 2"),
        ("sensitivity", "18F-DCFPyL, reader 3"), ("specificity", "18F-DCFPyL, reader 1"),
        ("specificity", "18F-DCFPyL, reader 2"), ("specificity", "18F-DCFPyL, reader 3"),
        ("CLR", "18F-DCFPyL, reader 1"), ("CLR", "18F-DCFPyL, reader 2"), ("CLR", "18F-DCFPyL, reader 3"),
    ]  # fmt: skip


def test_the_first_course_and_the_rechallenge_named_with_for_and_after_these_men(record):
    text = (
        "We retreated 41 men with 177Lu-PSMA-617. A PSA decline of 50% or more occurred in 70.7% of these men after"
        " the first course and in 36.6% after rechallenge. Median PSA-PFS was 9.0 months for the first course and 4.4"
        " months for rechallenge."
    )
    assert [arm for _value, arm in _arms(record, text, "PSA50")] == [
        "177Lu-PSMA-617, first course", "177Lu-PSMA-617, rechallenge",
    ]  # fmt: skip
    assert [arm for _value, arm in _arms(record, text, "PSA-PFS")] == [
        "177Lu-PSMA-617, first course", "177Lu-PSMA-617, rechallenge",
    ]  # fmt: skip


def test_a_subgroup_counted_in_words_and_responders_set_against_the_rest(record):
    text = (
        "Thirty men had dosimetry during 177Lu-PSMA-I&T. In the seven patients with an eGFR below 60 mL/min, the mean"
        " kidney dose was 0.68 Gy/GBq. The tumour dose was higher in PSA responders than in non-responders (median"
        " 4.6 vs 2.1 Gy/GBq; p=0.01)."
    )
    found = [(m["value"], m["arm"]) for m in record(text)["measurements"]]
    assert found == [
        (0.68, "177Lu-PSMA-I&T, eGFR below 60 mL/min"),
        (4.6, "177Lu-PSMA-I&T, PSA responders"),
        (2.1, "177Lu-PSMA-I&T, non-responders"),
    ]


def test_a_site_that_heads_a_bulleted_line_names_its_values(record):
    text = (
        "Sixty men had 18F-PSMA-1007 PET/CT and conventional imaging before salvage therapy. By region:\n"
        "• Bone — sensitivity 90.0% vs 60.0% (p=0.04); specificity 98.0% vs 91.5%."
    )
    found = [
        (m["endpoint"], m["arm"])
        for m in record(text, "18F-PSMA-1007 PET/CT versus conventional imaging")["measurements"]
    ]
    assert found == [
        ("sensitivity", "18F-PSMA-1007, bone"), ("sensitivity", "conventional imaging, bone"),
        ("specificity", "18F-PSMA-1007, bone"), ("specificity", "conventional imaging, bone"),
    ]  # fmt: skip


def test_subgroups_of_a_genomic_alteration_and_of_men_counted_without_a_noun(record):
    text = (
        "We treated 70 men with 177Lu-PSMA-617. Median rPFS was 13.4 months in BRCA-mutated and 8.1 months in"
        " BRCA-unaltered patients. A PSA50 response was seen in 71% of the 14 patients with a BRCA alteration and in"
        " 48% of the 56 without."
    )
    found = [(m["value"], m["arm"]) for m in record(text)["measurements"]]
    assert found == [
        (13.4, "177Lu-PSMA-617, BRCA-mutated"),
        (8.1, "177Lu-PSMA-617, BRCA-unaltered"),
        (71.0, "177Lu-PSMA-617, BRCA alteration"),
        (48.0, "177Lu-PSMA-617, no BRCA alteration"),
    ]


def test_pretreated_men_set_against_naive_men_named_by_the_agent(record):
    text = (
        "We treated 80 men with 225Ac-PSMA-617. Median OS was 17.2 months in 177Lu-PSMA-617-naive men and 9.9 months"
        " in pretreated men."
    )
    assert _arms(record, text, "OS") == [
        (17.2, "225Ac-PSMA-617, 177Lu-PSMA-617-naive"),
        (9.9, "225Ac-PSMA-617, pretreated"),
    ]


def test_cohorts_named_by_a_letter_after_their_values_are_written_into_the_arm(record):
    text = (
        "We gave acapatamab to 58 men in two cohorts. A PSA50 response was seen in 17% of"
        " cohort S and 14% of cohort F. Median rPFS was 3.7 months in cohort S and 3.3 months in cohort F."
    )
    assert [m["arm"] for m in record(text)["measurements"]] == [
        "acapatamab (cohort S)", "acapatamab (cohort F)", "acapatamab (cohort S)", "acapatamab (cohort F)",
    ]  # fmt: skip


def test_sites_where_positive_findings_were_located_and_sites_that_were_positive(record):
    text = (
        "We imaged 140 men with 68Ga-PSMA-11 PET/CT. Positive findings were located in the prostate bed in 22%, in"
        " bone in 15% and in visceral organs in 4% of patients. By region, the prostate bed was positive in 30% of men"
        " and pelvic lymph nodes in 35%. Surgical margins were positive in 18% of the men who had surgery."
    )
    found = [(m["value"], m["arm"]) for m in record(text, "68Ga-PSMA-11 PET/CT in recurrence")["measurements"]]
    assert found == [
        (22.0, "68Ga-PSMA-11, prostate bed"), (15.0, "68Ga-PSMA-11, bone"), (4.0, "68Ga-PSMA-11, visceral organs"),
        (30.0, "68Ga-PSMA-11, prostate bed"), (35.0, "68Ga-PSMA-11, pelvic lymph nodes"),
    ]  # fmt: skip


def test_psa_bands_heading_the_items_of_a_list_name_their_values(record):
    text = (
        "In this registry, 312 men with biochemical recurrence had 18F-PSMA-1007 PET/CT. The detection rate was 81% "
        "overall. By PSA level: 0.2–0.49 ng/mL, 46%; 0.5 to <1 ng/mL 63%; ≥1.0 ng/mL: 90%."
    )
    assert _arms(record, text, "detection rate") == [
        (81.0, "18F-PSMA-1007"),
        (46.0, "18F-PSMA-1007, PSA 0.2-0.49 ng/mL"),
        (63.0, "18F-PSMA-1007, PSA 0.5 to <1 ng/mL"),
        (90.0, "18F-PSMA-1007, PSA ≥1.0 ng/mL"),
    ]


def test_groups_named_by_their_risk_or_their_part_in_a_model_name_their_values(record):
    text = (
        "A score to predict survival on 177Lu-PSMA-617 was built from the records of 410 men. Overall survival had a "
        "median of 16.1 months in the training set and 15.2 months in the internal validation set. Patients in the "
        "poor-risk category lived a median of 6.8 months, compared with 21.9 months for the good-risk category. "
        "High-risk patients were older."
    )
    assert _arms(record, text, "OS") == [
        (16.1, "177Lu-PSMA-617, training set"),
        (15.2, "177Lu-PSMA-617, internal validation set"),
        (6.8, "177Lu-PSMA-617, poor-risk category"),
        (21.9, "177Lu-PSMA-617, good-risk category"),
    ]


def test_a_psa_band_opening_a_clause_names_the_values_after_it(record):
    text = (
        "We randomized 180 men 1:1 to 18F-DCFPyL or 18F-fluciclovine PET/CT. With PSA 0.2-0.49 ng/mL the detection "
        "rates were 40.5% and 13.9%; at a PSA level of 0.5 to 2.0 ng/mL they were 71.4% and 46.9%."
    )
    assert _arms(record, text, "detection rate") == [
        (40.5, "18F-DCFPyL, PSA 0.2-0.49 ng/mL"),
        (13.9, "18F-fluciclovine, PSA 0.2-0.49 ng/mL"),
        (71.4, "18F-DCFPyL, PSA 0.5 to 2.0 ng/mL"),
        (46.9, "18F-fluciclovine, PSA 0.5 to 2.0 ng/mL"),
    ]


def test_readers_listed_between_two_runs_set_against_each_other_name_both(record):
    text = (
        "Forty men with biochemical recurrence had 18F-rhPSMA-7.3 PET/CT at 1 hour and again at 3 hours. Three "
        "blinded readers scored each scan. The detection rate at 3 hours was 70%, 75% and 68% by readers 1, 2 and 3, "
        "versus 55%, 60% and 50% on the earlier scan."
    )
    assert _arms(record, text, "detection rate") == [
        (70.0, "18F-rhPSMA-7.3, reader 1"),
        (75.0, "18F-rhPSMA-7.3, reader 2"),
        (68.0, "18F-rhPSMA-7.3, reader 3"),
        (55.0, "18F-rhPSMA-7.3, reader 1"),
        (60.0, "18F-rhPSMA-7.3, reader 2"),
        (50.0, "18F-rhPSMA-7.3, reader 3"),
    ]


def test_a_stratum_of_a_marker_whose_result_is_pointed_back_at_keeps_its_values(record):
    text = (
        "We randomly assigned 300 men 1:1 to 177Lu-PSMA-I&T or cabazitaxel. Median overall survival was 15.0 "
        "versus 12.1 months; in men with an elevated ALP it was 11.2 versus 8.9 months."
    )
    assert _arms(record, text, "OS") == [
        (15.0, "177Lu-PSMA-I&T"),
        (12.1, "cabazitaxel"),
        (11.2, "177Lu-PSMA-I&T, elevated ALP"),
        (8.9, "cabazitaxel, elevated ALP"),
    ]


def test_two_runs_of_one_value_per_arm_of_a_three_arm_trial_each_name_their_stratum(record):
    text = (
        "We randomly assigned 210 men 1:1:1 to 177Lu-PSMA-617, 177Lu-PSMA-617 plus olaparib or docetaxel. Median "
        "rPFS was 10.2, 13.5 and 6.1 months in men with SUVmean ≥10 and 6.0, 7.7 and 5.8 months in men with SUVmean "
        "<10. In the BRCA-altered subgroup, median OS was 19.9, 24.0 and 15.2 months, whereas in the unaltered "
        "subgroup it was 16.1, 16.5 and 14.9 months."
    )
    first, second, third = "177Lu-PSMA-617", "177Lu-PSMA-617 + olaparib", "docetaxel"
    assert _arms(record, text, "rPFS") == [
        (10.2, f"{first}, SUVmean ≥10"),
        (13.5, f"{second}, SUVmean ≥10"),
        (6.1, f"{third}, SUVmean ≥10"),
        (6.0, f"{first}, SUVmean <10"),
        (7.7, f"{second}, SUVmean <10"),
        (5.8, f"{third}, SUVmean <10"),
    ]
    assert _arms(record, text, "OS") == [
        (19.9, f"{first}, BRCA-altered subgroup"),
        (24.0, f"{second}, BRCA-altered subgroup"),
        (15.2, f"{third}, BRCA-altered subgroup"),
        (16.1, f"{first}, unaltered subgroup"),
        (16.5, f"{second}, unaltered subgroup"),
        (14.9, f"{third}, unaltered subgroup"),
    ]


def test_doses_from_a_level_up_and_the_therapies_given_before_name_their_values(record):
    text = (
        "In this phase 1 study, 48 men received ARX517 every 3 weeks. At 12 weeks, 64% of patients dosed at ≥2.0 "
        "mg/kg were free of PSA progression. Median overall survival was 17.5 months in taxane-naive men, 12.0 "
        "months after docetaxel only and 8.1 months after both taxanes."
    )
    assert _arms(record, text, "PSA-PFS") == [(64.0, "ARX517, ≥2.0 mg/kg")]
    assert _arms(record, text, "OS") == [
        (17.5, "ARX517, taxane-naive"),
        (12.0, "ARX517, after docetaxel only"),
        (8.1, "ARX517, after both taxanes"),
    ]


def _ratios(record, text: str) -> list[tuple[float | None, str, float | None]]:
    return [(m["hr"], m["arm"], m["ci_low"]) for m in record(text)["measurements"] if m["statistic"] == "hr"]


def test_hazard_ratios_named_once_and_given_in_brackets_after_their_parts(record):
    text = (
        "We randomly assigned 400 men 1:1 to 177Lu-PSMA-I&T or a change of ARPI. Median rPFS was 9.0 versus 5.1 "
        "months. Hazard ratios for rPFS favoured 177Lu-PSMA-I&T in patients younger than 70 years (0.45; 95% CI "
        "0.30-0.67), aged 70 years or older (0.52; 0.35-0.77), and in those with (0.61; 0.36-1.03) or without (0.43; "
        "0.31-0.60) liver metastases."
    )
    assert _ratios(record, text) == [
        (0.45, "177Lu-PSMA-I&T, younger than 70 years", 0.30),
        (0.52, "177Lu-PSMA-I&T, aged 70 years or older", 0.35),
        (0.61, "177Lu-PSMA-I&T, liver metastases", 0.36),
        (0.43, "177Lu-PSMA-I&T, no liver metastases", 0.31),
    ]


def test_hazard_ratios_pointed_back_at_before_the_men_they_are_of(record):
    text = (
        "We randomly assigned 400 men 1:1 to 177Lu-PSMA-I&T or a change of ARPI. The rPFS hazard ratio was 0.58 "
        "(95% CI 0.44-0.77) in patients with one prior ARPI and 0.80 (95% CI 0.49-1.31) in those with two or more; it "
        "was "
        "0.62 in patients with ECOG 0 and 0.71 in those with ECOG 1."
    )
    assert [(hr, arm) for hr, arm, _low in _ratios(record, text)] == [
        (0.58, "177Lu-PSMA-I&T, one prior ARPI"),
        (0.80, "177Lu-PSMA-I&T, two or more"),
        (0.62, "177Lu-PSMA-I&T, ECOG 0"),
        (0.71, "177Lu-PSMA-I&T, ECOG 1"),
    ]


def test_a_pattern_of_disease_told_region_by_region_names_each_share(record):
    text = (
        "Of 150 men with biochemical recurrence imaged with 18F-rhPSMA-7.3 PET/CT, 78 (52%) had a positive scan: "
        "disease was confined to the prostate bed in 27% of all men, involved pelvic nodes in 19% and lay outside the "
        "pelvis in 6%. In a second cohort the scan was positive in 164 of 200 men (82%), with distant (M1) disease in "
        "110 (55%) and pelvis-only disease in 54 (27%)."
    )
    assert _arms(record, text, "detection rate") == [
        (52.0, "18F-rhPSMA-7.3"),
        (27.0, "18F-rhPSMA-7.3, prostate bed"),
        (19.0, "18F-rhPSMA-7.3, pelvic nodes"),
        (6.0, "18F-rhPSMA-7.3, outside the pelvis"),
        (82.0, "18F-rhPSMA-7.3"),
        (55.0, "18F-rhPSMA-7.3, distant (M1) disease"),
        (27.0, "18F-rhPSMA-7.3, pelvis-only disease"),
    ]


def test_a_treatment_cycle_opening_its_clause_names_the_values_of_that_clause(record):
    text = (
        "Twenty men received 177Lu-PSMA-I&T. After the first cycle, xerostomia was reported by 35% of patients; "
        "after cycle 3 it was reported by 55%. Overall, xerostomia occurred in 60%."
    )
    assert _arms(record, text, "AE:dry mouth") == [
        (35.0, "177Lu-PSMA-I&T, first cycle"),
        (55.0, "177Lu-PSMA-I&T, cycle 3"),
        (60.0, "177Lu-PSMA-I&T"),
    ]


def test_groups_named_by_a_word_are_parts_of_a_one_arm_study_and_arms_of_a_randomised_one(record):
    one_arm = (
        "We treated 96 men with 225Ac-PSMA-617. Median OS was 8.9 months in the visceral group and 14.2 months in "
        "the non-visceral group."
    )
    assert _arms(record, one_arm, "OS") == [
        (8.9, "225Ac-PSMA-617, visceral group"),
        (14.2, "225Ac-PSMA-617, non-visceral group"),
    ]
    two_arms = (
        "We randomly assigned 200 men 1:1 to 225Ac-PSMA-617 or to cabazitaxel. Median OS was 12.9 months in the "
        "actinium group and 10.4 months in the cabazitaxel group."
    )
    assert _arms(record, two_arms, "OS") == [(12.9, "225Ac-PSMA-617"), (10.4, "cabazitaxel")]


def test_the_sites_a_recurrence_lay_in_and_the_sites_broken_down_in_brackets_name_their_shares(record):
    text = (
        "We reviewed 300 men scanned with 18F-PSMA-1007 PET/CT for a rising PSA. Recurrence in the prostatic fossa "
        "was found in 22% of men, nodal disease in 41% and distant disease in 15% (bone in 9%, extra-pelvic lymph "
        "nodes in 6%)."
    )
    assert _arms(record, text, "detection rate") == [
        (22.0, "18F-PSMA-1007, prostatic fossa"),
        (41.0, "18F-PSMA-1007, nodal disease"),
        (15.0, "18F-PSMA-1007, distant disease"),
        (9.0, "18F-PSMA-1007, bone"),
        (6.0, "18F-PSMA-1007, extra-pelvic lymph nodes"),
    ]


def test_the_factor_named_once_after_without_names_the_value_before_with_versus(record):
    text = (
        "We treated 150 men with 177Lu-PSMA-617. The median time to deterioration of quality of life was 4.2 months "
        "with versus 7.6 months without liver metastases."
    )
    assert _arms(record, text, "HRQoL") == [
        (4.2, "177Lu-PSMA-617, liver metastases"),
        (7.6, "177Lu-PSMA-617, no liver metastases"),
    ]


def test_a_ratio_after_two_parts_set_side_by_side_goes_on_the_first_named(record):
    text = (
        "We treated 210 men with 177Lu-PSMA-617. The 12-month SSE-free rate was 61% in men with more "
        "than 20 bone lesions and 80% in those with fewer (HR 2.05; 95% CI 1.31-3.20)."
    )
    found = record(text)["measurements"]
    assert [(m["value"], m["hr"]) for m in found] == [(61.0, 2.05), (80.0, None)]


def test_a_study_of_one_arm_that_sets_older_men_against_younger_names_each_value_by_its_age_group(record):
    found = record(
        "Of 310 men treated with 177Lu-PSMA-I&T, 92 were aged 80 years or older and 218 were younger. Median OS was "
        "11.9 vs 13.8 months (HR 1.12; 95% CI 0.84-1.49). Grade 3 or higher anaemia occurred in 14% vs 9%.",
        title="177Lu-PSMA-I&T in octogenarians with mCRPC",
    )
    assert [(m["endpoint"], m["value"], m["arm"]) for m in found["measurements"]] == [
        ("OS", 11.9, "177Lu-PSMA-I&T, age ≥80 years"),
        ("OS", 13.8, "177Lu-PSMA-I&T, age <80 years"),
        ("AE:anemia", 14.0, "177Lu-PSMA-I&T, age ≥80 years"),
        ("AE:anemia", 9.0, "177Lu-PSMA-I&T, age <80 years"),
    ]
    alone = record(  # older men alone: no parts to set apart
        "We treated 40 men aged 80 years or older with 177Lu-PSMA-I&T. Median OS was 11.9 months.",
        title="177Lu-PSMA-I&T in octogenarians with mCRPC",
    )
    assert [m["arm"] for m in alone["measurements"]] == ["177Lu-PSMA-I&T"]


def test_the_ratio_of_a_pair_of_parts_in_its_bracket_is_of_the_part_named_first(record):
    found = record(
        "We reviewed 150 men treated with 177Lu-PSMA-617. Men with liver metastases had a lower PSA50 rate (21% vs "
        "49%; odds ratio 0.28, 95% CI 0.12-0.64) than men without.",
    )
    rows = [(m["statistic"], m["value"], m["arm"]) for m in found["measurements"]]
    assert ("or", 0.28, "177Lu-PSMA-617, liver metastases") in rows


def test_a_pair_of_values_of_the_men_with_and_without_a_feature_is_of_each_in_turn(record):
    after = record(
        "Forty men received 177Lu-PSMA-617. The PSA50 rate did not differ between men with and without prior "
        "cabazitaxel (41% vs 47%; p=0.62)."
    )
    before = record(
        "We reviewed 150 men treated with 177Lu-PSMA-617. Median OS was 10.2 vs 16.4 months in men with and without "
        "liver metastases (HR 1.9; 95% CI 1.3-2.8)."
    )
    assert [m["arm"] for m in after["measurements"]] == [
        "177Lu-PSMA-617, prior cabazitaxel",
        "177Lu-PSMA-617, no prior cabazitaxel",
    ]
    assert [m["arm"] for m in before["measurements"]] == [
        "177Lu-PSMA-617, liver metastases",
        "177Lu-PSMA-617, no liver metastases",
    ]


def test_a_later_pair_given_respectively_takes_the_parts_of_the_pair_before_it(record):
    found = record(
        "We reviewed 226 men who received 177Lu-PSMA-617. Median OS was 9.8 months in trial-ineligible and 15.1 "
        "months in trial-eligible men, and PSA50 rates were 33% and 52%, respectively.",
    )
    assert [(m["endpoint"], m["arm"]) for m in found["measurements"]] == [
        ("OS", "177Lu-PSMA-617, trial-ineligible"),
        ("OS", "177Lu-PSMA-617, trial-eligible"),
        ("PSA50", "177Lu-PSMA-617, trial-ineligible"),
        ("PSA50", "177Lu-PSMA-617, trial-eligible"),
    ]


def test_a_psa_band_run_on_into_the_next_words_is_the_band_alone(record):
    found = record(
        "Forty men had 68Ga-PSMA-11 PET/CT. In men with PSA below 0.5 ng/mL the detection rate was 38%.",
    )
    assert [m["arm"] for m in found["measurements"]] == ["68Ga-PSMA-11, PSA <0.5 ng/mL"]


def test_psa_bands_named_as_strata_keep_their_whole_numbers(record):
    found = record(
        "Methods: Men with recurrence were randomised to 18F-DCFPyL or 68Ga-PSMA-11 PET/CT. Results: In the PSA "
        "0.2–<0.5 ng/mL stratum, detection rates were 47.1% and 39.0%, and in the PSA 0.5–1.0 ng/mL stratum 70.2% "
        "and 61.8%.",
        title="18F-DCFPyL versus 68Ga-PSMA-11 PET/CT at low PSA: a randomised trial",
    )
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [
        ("18F-DCFPyL, PSA 0.2-<0.5 ng/mL", 47.1),
        ("68Ga-PSMA-11, PSA 0.2-<0.5 ng/mL", 39.0),
        ("18F-DCFPyL, PSA 0.5-1.0 ng/mL", 70.2),
        ("68Ga-PSMA-11, PSA 0.5-1.0 ng/mL", 61.8),
    ]


def test_a_subgroup_after_a_semicolon_is_named_by_its_own_words_not_by_in_the(record):
    found = record(
        "Results: The scan was positive in 58% of the 300 men; in the subgroup who had also received salvage "
        "radiotherapy, 71% had a positive scan.",
        title="18F-DCFPyL PET/CT in biochemical recurrence",
    )
    assert [(m["arm"], m["value"]) for m in found["measurements"]] == [
        ("18F-DCFPyL", 58.0),
        ("18F-DCFPyL, also received salvage radiotherapy", 71.0),
    ]


def test_readers_as_the_subject_before_a_run_or_between_two_runs_without_respectively(record):
    text = (
        "Seventy-two men had 18F-rhPSMA-7.3 PET/CT for biochemical recurrence. Readers 1, 2 and 3 found disease in"
        " 71.4%, 76.2% and 69.0% of men. Patient-level sensitivity was 44%, 39% and 47% for readers 1, 2 and 3, with"
        " specificities of 92%, 95% and 90%."
    )
    found = [(m["endpoint"], m["value"], m["arm"]) for m in record(text)["measurements"]]
    assert found == [
        ("detection rate", 71.4, "18F-rhPSMA-7.3, reader 1"), ("detection rate", 76.2, "18F-rhPSMA-7.3, reader 2"),
        ("detection rate", 69.0, "18F-rhPSMA-7.3, reader 3"), ("sensitivity", 44.0, "18F-rhPSMA-7.3, reader 1"),
        ("sensitivity", 39.0, "18F-rhPSMA-7.3, reader 2"), ("sensitivity", 47.0, "18F-rhPSMA-7.3, reader 3"),
        ("specificity", 92.0, "18F-rhPSMA-7.3, reader 1"), ("specificity", 95.0, "18F-rhPSMA-7.3, reader 2"),
        ("specificity", 90.0, "18F-rhPSMA-7.3, reader 3"),
    ]  # fmt: skip


def test_the_one_reader_a_sentence_names_before_its_values_and_no_reader_when_it_names_two(record):
    text = (
        "Sixty men had 68Ga-PSMA-11 PET/CT before prostatectomy. For reader 2, the positive predictive value was 81%"
        " and the negative predictive value 77%. Pooling the reads of reader 1 and reader 2, sensitivity was 64%."
    )
    found = [(m["endpoint"], m["value"], m["arm"]) for m in record(text)["measurements"]]
    assert found == [
        ("PPV", 81.0, "68Ga-PSMA-11, reader 2"), ("NPV", 77.0, "68Ga-PSMA-11, reader 2"),
        ("sensitivity", 64.0, "68Ga-PSMA-11"),
    ]  # fmt: skip


def test_a_result_named_by_a_pronoun_after_its_part_and_a_part_that_ends_where_its_values_start(record):
    text = (
        "We treated 120 men with 177Lu-PSMA-617. Median overall survival was 14.1 months (95% CI 12.0-16.3). In men"
        " with fewer than 20 bone lesions it was 17.9 months. In men with a PSA below 0.5 ng/mL the detection rate"
        " was 41%, and in those with PSA 0.5-2.0 ng/mL 70%."
    )
    found = [(m["endpoint"], m["value"], m["arm"]) for m in record(text)["measurements"]]
    assert ("OS", 17.9, "177Lu-PSMA-617, fewer than 20 bone lesions") in found
    assert ("detection rate", 70.0, "177Lu-PSMA-617, PSA 0.5-2.0 ng/mL") in found


def test_men_cut_at_quantiles_of_a_measure_are_the_subgroup_of_their_values(record):
    text = COHORT + (
        " Whole-body SUVmean was split into tertiles. Men in the highest SUVmean tertile had a median overall "
        "survival of 19.8 months. A PSA decline of 50% or more occurred in 64% of men in the top tertile and in 29% "
        "of those in the lowest tertile."
    )
    assert _arms(record, text, "OS") == [(19.8, "177Lu-PSMA-617, highest SUVmean tertile")]
    assert _arms(record, text, "PSA50") == [
        (64.0, "177Lu-PSMA-617, top tertile"),
        (29.0, "177Lu-PSMA-617, lowest tertile"),
    ]


def test_men_set_apart_by_their_tumour_dose_keep_the_value_of_the_endpoint_before_them(record):
    text = COHORT + (
        " A PSA50 response occurred in 71% of men with a tumour dose of 12 Gy or more and in 28% of those below 12 Gy."
    )
    assert _arms(record, text, "PSA50") == [
        (71.0, "177Lu-PSMA-617, tumour dose of 12 Gy or more"),
        (28.0, "177Lu-PSMA-617, below 12 Gy"),
    ]


def test_a_marker_that_sets_apart_the_men_after_than_leaves_the_pair_to_the_endpoint(record):
    text = COHORT + (
        " Men with SUVmean ≥10 had a higher PSA50 response rate than men with SUVmean <10 (66.1% vs 30.4%, p<0.001)."
    )
    assert [value for value, _arm in _arms(record, text, "PSA50")] == [66.1, 30.4]


def test_a_result_restated_for_a_stratum_of_a_marker_keeps_its_endpoint(record):
    text = COHORT + (
        " PSA50 responses were more frequent in men with a PSMA SUVmean of 10 or more (61.0%) than in those below "
        "it (27.5%); with a baseline LDH above normal, the rates were 33.3% and 12.0%."
    )
    assert [value for value, _arm in _arms(record, text, "PSA50")] == [61.0, 27.5, 33.3, 12.0]


def test_men_named_by_their_response_after_their_values_are_subgroups_and_no_endpoint(record):
    text = COHORT + (
        " Median overall survival was 13.9 months: 19.4 months in PSA50 responders and 8.8 months in "
        "non-responders (HR 0.41, 95% CI 0.28-0.60)."
    )
    assert _arms(record, text, "OS") == [
        (13.9, "177Lu-PSMA-617"),
        (19.4, "177Lu-PSMA-617, PSA50 responders"),
        (8.8, "177Lu-PSMA-617, non-responders"),
    ]
    assert _arms(record, text, "PSA50") == []


def test_a_marker_cut_right_after_a_share_or_its_bracket_names_the_subgroup(record):
    text = COHORT + (
        " A PSA decline of 50% or more occurred in 17 of 40 men (43%) with an SUVmean of 9.0 or more and in 9 of 40 "
        "(23%) below 9.0."
    )
    assert _arms(record, text, "PSA50") == [
        (43.0, "177Lu-PSMA-617, SUVmean of 9.0 or more"),
        (23.0, "177Lu-PSMA-617, below 9.0"),
    ]


def test_a_summary_in_brackets_after_the_readers_leaves_the_next_run_to_them(record):
    text = IMAGING + (
        " Sensitivity was 64%, 70% and 58% for readers 1, 2 and 3 (median 64%), and specificity 93%, 90% and 95%."
    )
    assert [arm for _value, arm in _arms(record, text, "specificity")] == [
        "64Cu-SAR-bisPSMA, reader 1", "64Cu-SAR-bisPSMA, reader 2", "64Cu-SAR-bisPSMA, reader 3",
    ]  # fmt: skip


def test_a_pair_given_respectively_after_a_run_of_readers_is_theirs_in_turn(record):
    text = IMAGING + (
        " Sensitivity was 61.0% for reader 1 and 55.5% for reader 2, while specificity was 93.2% and 97.1% "
        "respectively."
    )
    assert _arms(record, text, "specificity") == [
        (93.2, "64Cu-SAR-bisPSMA, reader 1"),
        (97.1, "64Cu-SAR-bisPSMA, reader 2"),
    ]


def test_a_title_that_sets_men_with_and_without_a_feature_side_by_side_names_each_pair(record):
    found = record(
        "Methods: 120 men received 177Lu-PSMA-617. Results: PSA50: 14/40 (35%) vs 44/80 (55%). Median OS 9.9 vs "
        "15.2 mo (HR 1.71, 95% CI 1.12-2.61).",
        title="177Lu-PSMA-617 in mCRPC with and without bone marrow involvement",
    )
    assert [(m["endpoint"], m["arm"]) for m in found["measurements"]] == [
        ("PSA50", "177Lu-PSMA-617, bone marrow involvement"),
        ("PSA50", "177Lu-PSMA-617, no bone marrow involvement"),
        ("OS", "177Lu-PSMA-617, bone marrow involvement"),
        ("OS", "177Lu-PSMA-617, no bone marrow involvement"),
    ]


def test_two_groups_of_men_a_study_of_one_arm_compares_name_each_pair(record):
    text = COHORT + (
        " We compared outcomes of docetaxel-naive and docetaxel-pretreated men. PSA50 was 58% vs 40%, and median "
        "overall survival 19.9 vs 13.0 months."
    )
    assert _arms(record, text, "OS") == [
        (19.9, "177Lu-PSMA-617, docetaxel-naive"),
        (13.0, "177Lu-PSMA-617, docetaxel-pretreated"),
    ]
    # The second group may be named by what sets it apart: the rest of the men.
    rest = COHORT + (
        " We compared docetaxel-naive patients with those previously treated with docetaxel. PSA50 was 58% vs 40%."
    )
    assert _arms(record, rest, "PSA50") == [
        (58.0, "177Lu-PSMA-617, docetaxel-naive"),
        (40.0, "177Lu-PSMA-617, not docetaxel-naive"),
    ]
