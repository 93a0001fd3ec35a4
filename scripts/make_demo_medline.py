"""Write the MEDLINE copy of the demo corpus from its PubMed XML (run after editing the XML).

Usage: python scripts/make_demo_medline.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest import IngestReport, read_documents  # noqa: E402
from ingest.medline import to_medline  # noqa: E402


def main() -> None:
    report = IngestReport()
    documents = list(read_documents([str(ROOT / "data" / "demo" / "pubmed")], report))
    if not report.ok:
        raise SystemExit(report.summary())
    target = ROOT / "data" / "demo" / "medline" / "demo.nbib"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(to_medline(document) for document in documents), encoding="utf-8")
    print(f"wrote {len(documents)} records to {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
