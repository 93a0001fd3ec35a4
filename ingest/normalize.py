"""Normalize messy text for extraction while keeping a map back to the original offsets.

Text copied from web pages breaks decimals across lines ("8.\\n    7 months"), hard-wraps
sentences, hyphenates words at line ends, and mixes in non-breaking spaces, Unicode
superscripts (¹⁷⁷Lu), en and em dashes and full-width characters. ``normalize`` returns
the clean text and, for every character of it, the index of the original character it
came from, so evidence always points into the text the user gave.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_REMOVED = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen, zero-width characters, BOM


@dataclass(frozen=True)
class Normalized:
    """Clean text and, for each of its characters, the offset of the original character."""

    text: str
    offsets: tuple[int, ...]
    original: str

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``text[start:end]``."""
        if start == end:
            return (
                (self.offsets[start], self.offsets[start])
                if start < len(self.offsets)
                else (
                    len(self.original),
                    len(self.original),
                )
            )
        return self.offsets[start], self.offsets[end - 1] + 1


class _Builder:
    """Text with an offset per character, rewritten by regex passes."""

    def __init__(self, text: str, offsets: list[int]):
        self.text = text
        self.offsets = offsets

    def sub(self, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]) -> None:
        out, offsets, last = [], [], 0
        for match in pattern.finditer(self.text):
            out.append(self.text[last : match.start()])
            offsets.extend(self.offsets[last : match.start()])
            new = replace(match)
            span = match.end() - match.start()
            # Each new character maps to the original character at the same place in the match,
            # or to the match's last character when the replacement is longer.
            for i in range(len(new)):
                offsets.append(self.offsets[match.start() + min(i, span - 1)] if span else self.offsets[match.start()])
            out.append(new)
            last = match.end()
        out.append(self.text[last:])
        offsets.extend(self.offsets[last:])
        self.text, self.offsets = "".join(out), offsets


def _char_level(builder: _Builder) -> _Builder:
    """NFKC per character (superscripts, full-width forms, NBSP), dashes to '-', invisible ones dropped."""
    out, offsets = [], []
    for char, index in zip(builder.text, builder.offsets, strict=True):
        if char in _REMOVED:
            continue
        if char in _DASHES:
            new = "-"
        elif char in "\r\t\u00a0\u2007\u202f":
            new = " " if char != "\r" else ""
        else:
            new = unicodedata.normalize("NFKC", char)
        out.append(new)
        offsets.extend([index] * len(new))
    return _Builder("".join(out), offsets)


#: The characters Windows-1252 shows for the bytes 0x80-0xBF, which continue a UTF-8 sequence (and the control
#: characters of the bytes it leaves undefined, which come through as Latin-1).
_CONTINUATION = "€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ" + "".join(chr(c) for c in range(0xA0, 0xC0))
#: Text that was UTF-8 read as Windows-1252 ("mojibake", common in text pasted from web pages): "â€“" for "–",
#: "mÂ²" for "m²", "â‰¥" for "≥". A lead character of a two- or three-byte sequence, then its continuations.
MOJIBAKE = re.compile(
    "[\u00c2-\u00df][" + re.escape(_CONTINUATION) + "]|[\u00e0-\u00ef][" + re.escape(_CONTINUATION) + "]{2}"
)


def _mended(match: re.Match[str]) -> str:
    """The character a mojibake sequence stands for, or the sequence itself when its bytes are no UTF-8.

    >>> _mended(MOJIBAKE.search("0.46â€“0.86")), _mended(MOJIBAKE.search("20 mg/mÂ²"))
    ('–', '²')
    """
    raw = bytearray()
    for char in match.group():
        try:
            raw += char.encode("cp1252")
        except UnicodeEncodeError:
            raw.append(ord(char))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return match.group()


def _unmojibaked(original: str) -> _Builder:
    """``original`` with its mojibake sequences mended, each character keeping its original offset."""
    builder = _Builder(original, list(range(len(original))))
    if MOJIBAKE.search(original):
        builder.sub(MOJIBAKE, _mended)
    return builder


_BROKEN_DECIMAL = re.compile(r"(?<=\d\.)[ \t]*\n[ \t]*(?=\d)")
#: A word a line end hyphenated: "pro-\ngression" (text pasted from a PDF).
LINE_END_HYPHEN = re.compile(r"(?<=[a-z])-[ \t]*\n[ \t]*(?=[a-z])")
_PARAGRAPH_BREAK = re.compile(r"[ \t]*\n[ \t]*(?:\n[ \t]*)+")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_SPACES = re.compile(r"[ \t]{2,}")
_PARAGRAPH = "\u2029"


def _join_line_end_hyphens(builder: _Builder) -> None:
    r"""Join the words a line end hyphenated ("pro-\ngression" -> "progression"), keeping the hyphen of a compound the
    text also writes unbroken ("open-\nlabel" stays "open-label" when "open-label" is written elsewhere)."""
    hyphenated_forms = {form.casefold() for form in re.findall(r"\b[A-Za-z]+-[a-z]+\b", builder.text)}

    def join_hyphenated(match: re.Match[str]) -> str:
        left = re.search(r"[A-Za-z]+$", builder.text[: match.start()])
        right = re.match(r"[a-z]+", builder.text[match.end() :])
        word = f"{left.group(0) if left else ''}-{right.group(0) if right else ''}".casefold()
        return "-" if word in hyphenated_forms else ""

    builder.sub(LINE_END_HYPHEN, join_hyphenated)


def dehyphenate(original: str) -> Normalized:
    r"""``original`` with only its mojibake mended and the words a line end hyphenated joined, every other character
    (line breaks included) kept, and the offset of each character: for texts whose lines carry their structure (JSON
    Lines records).

    >>> n = dehyphenate("Radiographic pro-\ngression-free survival\nRESULTS: x")
    >>> n.text
    'Radiographic progression-free survival\nRESULTS: x'
    >>> n.original[slice(*n.original_span(13, 24))]
    'pro-\ngression'
    """
    builder = _unmojibaked(original)
    _join_line_end_hyphens(builder)
    return Normalized(text=builder.text, offsets=tuple(builder.offsets), original=original)


def normalize(original: str) -> Normalized:
    """Clean ``original`` for extraction and keep the offset of every character.

    Paragraphs (blank-line separated) become single lines joined by ``\\n``.

    >>> n = normalize("OS was 8.\\n    7 months in the ¹⁷⁷Lu–PSMA arm")
    >>> n.text
    'OS was 8.7 months in the 177Lu-PSMA arm'
    >>> n.original[slice(*n.original_span(7, 10))]
    '8.\\n    7'
    """
    builder = _char_level(_unmojibaked(original))
    builder.sub(_BROKEN_DECIMAL, lambda m: "")
    _join_line_end_hyphens(builder)
    builder.sub(_PARAGRAPH_BREAK, lambda m: _PARAGRAPH)
    builder.sub(_LINE_BREAK, lambda m: " ")
    builder.sub(_SPACES, lambda m: " ")
    builder.sub(re.compile(_PARAGRAPH), lambda m: "\n")
    text, offsets = builder.text, builder.offsets
    # Trim surrounding whitespace while keeping offsets aligned.
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return Normalized(text=text[start:end], offsets=tuple(offsets[start:end]), original=original)
