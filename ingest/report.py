"""What a batch read did: documents read, records skipped (with reasons), warnings, deletions."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.errors import ParseError


@dataclass
class IngestReport:
    """Collects the problems of a batch so that one bad record never stops the others."""

    read: int = 0
    skipped: list[ParseError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    replaced: int = 0

    def skip(self, error: ParseError) -> None:
        """Record a record (or file) that could not be read."""
        self.skipped.append(error)

    def warn(self, message: str) -> None:
        """Record a recoverable problem."""
        self.warnings.append(message)

    def extend(self, other: IngestReport) -> None:
        """Add what another report collected after what this one did (parts of a batch read elsewhere)."""
        self.read += other.read
        self.skipped += other.skipped
        self.warnings += other.warnings
        self.deleted += other.deleted
        self.replaced += other.replaced

    @property
    def ok(self) -> bool:
        """True when nothing was skipped."""
        return not self.skipped

    def summary(self) -> str:
        """A plain-text summary, one problem a line."""
        lines = [
            f"documents read: {self.read}",
            f"skipped: {len(self.skipped)}",
            f"warnings: {len(self.warnings)}",
        ]
        if self.replaced:
            lines.append(f"replaced by a newer version: {self.replaced}")
        if self.deleted:
            lines.append(f"deletions reported: {len(self.deleted)} ({', '.join(self.deleted[:10])})")
        lines += [f"  skipped: {error}" for error in self.skipped]
        lines += [f"  warning: {warning}" for warning in self.warnings]
        return "\n".join(lines)
