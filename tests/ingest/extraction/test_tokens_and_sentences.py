"""Step 1: tokens and sentences that survive biomedical text."""

import pytest


@pytest.mark.parametrize("entity", ["177Lu-PSMA-617", "[177Lu]Lu-PSMA-617", "PSMA-I&T", "0.52-0.74"])
def test_entities_stay_one_token(nlp, entity):
    doc = nlp.make_doc(f"Men received {entity} every 6 weeks.")
    assert entity in [token.text for token in doc]


def test_p_values_split_at_the_operator(nlp):
    assert [t.text for t in nlp.make_doc("(P<0.001)")] == ["(", "P", "<", "0.001", ")"]


def sentences(nlp, text):
    doc = nlp(text)
    return [s.text for s in doc._.psma_sentences]


def test_abbreviations_do_not_end_sentences(nlp):
    text = (
        "Median OS was 15.3 vs. 11.3 months (HR 0.62, 95% CI 0.52-0.74; P<0.001). "
        "Agents were given i.v. every 6 weeks, e.g. 7.4 GBq per cycle. Grade 3 events were rare."
    )
    assert sentences(nlp, text) == [
        "Median OS was 15.3 vs. 11.3 months (HR 0.62, 95% CI 0.52-0.74; P<0.001).",
        "Agents were given i.v. every 6 weeks, e.g. 7.4 GBq per cycle.",
        "Grade 3 events were rare.",
    ]


def test_sentences_end_at_any_end_mark_before_a_capital_or_digit(nlp):
    # A closing quote or bracket after the end mark lies in the gap between the two sentences.
    text = 'Did it work? Yes! It was called "a success." Then [1] it failed. 12 men died.'
    assert sentences(nlp, text) == [
        "Did it work?",
        "Yes!",
        'It was called "a success.',
        "Then [1] it failed.",
        "12 men died.",
    ]


def test_section_lines_are_sentence_boundaries_and_spacy_agrees(nlp):
    doc = nlp("METHODS: We enrolled 30 men\nRESULTS: Thirty men were treated.")
    assert [s.text for s in doc._.psma_sentences] == [
        "METHODS: We enrolled 30 men",
        "RESULTS: Thirty men were treated.",
    ]
    assert len(list(doc.sents)) == 2


def test_a_sentence_ends_after_a_name_whose_last_letter_is_a_capital_but_not_after_an_initial(nlp):
    text = "Men received 177Lu-PSMA-I&T. At 20 months, 76% were alive, as J. Smith found."
    assert sentences(nlp, text) == ["Men received 177Lu-PSMA-I&T.", "At 20 months, 76% were alive, as J. Smith found."]


def test_a_sentence_ends_after_the_letter_that_labels_an_arm(nlp):
    text = (
        "Median OS was 14.2 months in group B. Compared with group A, the risk of death fell. PSA fell in cohorts A "
        "and B. ORR was 30%, 41% and 12% in arms A, B and C. Deaths were rare."
    )
    assert sentences(nlp, text) == [
        "Median OS was 14.2 months in group B.",
        "Compared with group A, the risk of death fell.",
        "PSA fell in cohorts A and B.",
        "ORR was 30%, 41% and 12% in arms A, B and C.",
        "Deaths were rare.",
    ]


def test_a_bullet_after_a_period_starts_a_sentence(nlp):
    text = "• Patients: 90 men. • Overall detection rate 80%. • Median follow-up 31 months."
    assert sentences(nlp, text) == [
        "• Patients: 90 men.",
        "• Overall detection rate 80%.",
        "• Median follow-up 31 months.",
    ]


def test_a_sentence_may_start_with_an_abbreviation_in_lower_case(nlp):
    text = "Ninety men were treated. rPFS was 9.1 months. mCRPC had progressed in all. ctDNA fell in 40%."
    assert sentences(nlp, text) == [
        "Ninety men were treated.",
        "rPFS was 9.1 months.",
        "mCRPC had progressed in all.",
        "ctDNA fell in 40%.",
    ]
