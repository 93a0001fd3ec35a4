"""The demo corpus covers every agent and trial the ontology issue and the mission name."""

from pathlib import Path

import pytest

from ingest import read_documents
from ingest.extraction.pipeline import extract_document

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo" / "pubmed"

AGENTS = [
    "177Lu-PSMA-617", "177Lu-PSMA-I&T", "177Lu-PNT2002", "177Lu-J591", "225Ac-PSMA-617", "225Ac-J591",
    "213Bi-PSMA-617", "90Y-PSMA-617", "227Th-PSMA-TTC", "212Pb-NG001", "161Tb-PSMA-I&T", "131I-MIP-1095",
    "68Ga-PSMA-11", "18F-DCFPyL", "18F-PSMA-1007", "18F-rhPSMA-7.3", "99mTc-PSMA", "99mTc-MIP-1404",
    "111In-PSMA-I&T", "64Cu-PSMA-617", "MLN2704", "PSMA ADC", "MEDI3726", "CART-PSMA-TGFβRDN",
    "PSMA CAR-NK-92 cells", "pasotuxizumab", "acapatamab", "cabazitaxel", "docetaxel", "enzalutamide",
    "abiraterone acetate", "ARPI change", "standard of care",
]  # fmt: skip
BRANDS_AND_INNS = ["Pluvicto", "Locametz", "Illuccix", "Pylarify", "Posluma", "gozetotide", "piflufolastat",
                   "flotufolastat", "vipivotide tetraxetan"]  # fmt: skip
TRIALS = ["VISION", "TheraP", "PSMAfore", "SPLASH", "ECLIPSE", "PSMAddition", "ENZA-p", "UpFrontPSMA", "LuPSMA trial",
          "proPSMA", "CONDOR", "OSPREY", "LIGHTHOUSE", "SPOTLIGHT"]  # fmt: skip


@pytest.fixture(scope="module")
def corpus():
    documents = list(read_documents([str(DEMO)]))
    extractions = [extract_document(d) for d in documents]
    return documents, extractions


def test_every_named_agent_is_in_the_corpus(corpus):
    _documents, extractions = corpus
    found = {agent.label for extraction in extractions for agent in extraction.agents}
    assert [a for a in AGENTS if a not in found] == []


def test_every_brand_name_and_inn_is_written_somewhere(corpus):
    documents, _extractions = corpus
    text = "\n".join(d.full_text for d in documents).lower()
    assert [name for name in BRANDS_AND_INNS if name.lower() not in text] == []


def test_every_named_trial_is_in_the_corpus(corpus):
    _documents, extractions = corpus
    found = {trial.label for extraction in extractions for trial in extraction.trials}
    assert [t for t in TRIALS if t not in found] == []
