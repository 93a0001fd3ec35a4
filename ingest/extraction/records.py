"""Extractions as records of the extraction format (shared/eval/FORMAT.md), and back."""

from __future__ import annotations

from ingest.document import Document
from kg.model import Extraction, Measurement, arm_with_subgroup

_MEASUREMENT_FIELDS = ("endpoint", "arm", "statistic", "value", "unit", "hr", "ci_low", "ci_high", "ci_level",
                       "p_value", "status")  # fmt: skip


def measurement_record(measurement: Measurement) -> dict:
    """One measurement in the format's field order; optional fields only when set."""
    record = {name: getattr(measurement, name) for name in _MEASUREMENT_FIELDS}
    if measurement.subgroup:  # the format names a subgroup after its arm: "177Lu-PSMA-617, liver metastases"
        record["arm"] = arm_with_subgroup(measurement.arm, measurement.subgroup)
    if measurement.grade:
        record["grade"] = measurement.grade
    if measurement.note:
        record["note"] = measurement.note
    if measurement.negated:
        record["negated"] = True
    if measurement.evidence:
        record["evidence"] = {"start": measurement.evidence.start, "end": measurement.evidence.end}
    return record


def extraction_record(extraction: Extraction, document: Document | None = None) -> dict:
    """The record of one document, as ``psmakg extract`` prints it."""
    record: dict = {"id": extraction.document, "title": extraction.title}
    if document is not None:
        record["text"] = document.text
    record["agents"] = [
        {
            "label": agent.label,
            "class": agent.agent_class,
            **({"radionuclide": agent.radionuclide} if agent.radionuclide else {}),
            "role": agent.role,
            **({} if agent.curated else {"curated": False}),
        }
        for agent in extraction.agents
    ]
    record["trials"] = [
        {
            "label": trial.label,
            "nct": next((r.partition(":")[2] for r in trial.registrations if r.startswith("nct:")), None),
            "phase": trial.phase,
            "n_patients": trial.n_patients,
            "design": list(trial.design),
        }
        for trial in extraction.trials
    ]
    record["measurements"] = [measurement_record(m) for m in extraction.measurements]
    record["diseases"] = list(extraction.diseases)
    record["comparators"] = list(extraction.comparators)
    return record
