"""RIS records: the tags reference managers read, one line per value, CRLF line ends."""

from pathlib import Path

from kg.ris import Citation, citations, ris

THERAPY = Path(__file__).resolve().parents[2] / "data" / "demo" / "pubmed" / "therapy.xml"


def parse(text: str) -> list[list[tuple[str, str]]]:
    records, current = [], []
    for line in text.split("\r\n"):
        if not line:
            continue
        tag, value = line[:2], line[6:]
        assert line[2:6] == "  - ", line
        current.append((tag, value))
        if tag == "ER":
            records.append(current)
            current = []
    assert not current
    return records


def test_a_record_has_the_fields_of_a_journal_article():
    citation = Citation(id="pmid:34161051", title="Lutetium-177-PSMA-617", journal="N Engl J Med", year="2021",
                        doi="10.1056/NEJMoa2107322", pmid="34161051", authors=("Sartor O", "de Bono J"))  # fmt: skip
    [record] = parse(ris([citation]))
    assert record[0] == ("TY", "JOUR") and record[-1] == ("ER", "")
    fields = dict(record)
    assert fields["TI"] == "Lutetium-177-PSMA-617" and fields["JO"] == fields["T2"] == "N Engl J Med"
    assert (fields["PY"], fields["DO"], fields["AN"]) == ("2021", "10.1056/NEJMoa2107322", "34161051")
    assert fields["UR"] == "https://pubmed.ncbi.nlm.nih.gov/34161051/"
    assert [v for t, v in record if t == "AU"] == ["Sartor O", "de Bono J"]


def test_no_accession_number_without_a_real_pmid_and_values_stay_on_one_line():
    citation = Citation(id="demo:001", title="A title\nover two lines", doi="10.5555/x", pmid="demo:001")
    [record] = parse(ris([citation]))
    fields = dict(record)
    assert "AN" not in fields and fields["UR"] == "https://doi.org/10.5555/x"
    assert fields["TI"] == "A title over two lines"


def test_several_records_and_citations_from_the_store(tmp_path):
    from ingest import IngestReport
    from kg.build import build_graph
    from kg.store import GraphStore

    store = GraphStore(tmp_path / "store")
    build_graph([str(THERAPY)], store, IngestReport())
    found = citations(store, ["demo:003", "demo:001", "demo:999", 'demo:0"01\r\n', "demo:\\"])
    assert [c.id for c in found] == ["demo:003", "demo:001"]  # odd ids are no publications, not a query error
    records = parse(ris(found))
    assert [dict(r)["ID"] for r in records] == ["demo:003", "demo:001"]
    assert dict(records[1])["PY"] == "2021" and dict(records[1])["DO"].startswith("10.")
