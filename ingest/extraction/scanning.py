"""Whole-document scans that try a pattern at far fewer positions than ``finditer``, with the same matches.

Python's ``re`` tries a pattern with no literal prefix at every position of the text (~35 ns a
position, and more for a pattern of many alternatives): over a 1,500-character abstract, that is
most of the cost of finding mentions. Two kinds of pattern can be scanned faster, and each scan
below yields exactly the matches of ``pattern.finditer(text)``:

* :class:`WordStartPattern`, a pattern that only matches where no letter or digit precedes: it is
  searched from the character before the word rather than with a lookbehind, which lets ``re``
  skip every letter and digit in C (a pattern that starts with a character set is only tried
  where the set matches).
* :class:`AnchoredPattern`, a pattern whose every match holds one of a few literal *anchors* and
  none of a few *breaker* characters: only the stretches between two breakers that hold an anchor
  are scanned, usually a few per cent of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.extraction.textutil import has_case_traps

WORD_START = r"(?<![A-Za-z0-9])"


class WordStartPattern:
    """``(?<![A-Za-z0-9])`` followed by ``body`` (which must not match the empty string), scanned fast.

    >>> nuclide = WordStartPattern(r"\\d+(?:Lu|Ga)")
    >>> [m.group() for m in nuclide.finditer("177Lu and x68Ga, then 68Ga")]
    ['177Lu', '68Ga']
    """

    __slots__ = ("_after_boundary", "compiled")

    def __init__(self, body: str):
        self.compiled = re.compile(WORD_START + "(?:" + body + ")")
        # One character earlier: the character before the word, which starts the pattern with a set.
        self._after_boundary = re.compile("[^A-Za-z0-9](?:" + body + ")")

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of ``self.compiled.finditer(text)``, left to right."""
        match = self.compiled.match(text)
        end = 0
        if match:
            yield match
            end = match.end()
        # A match may start right where the last one ended when that one ends with a non-alphanumeric
        # character, so the search resumes on the last character of the last match.
        while (hit := self._after_boundary.search(text, max(end - 1, 0))) is not None:
            match = self.compiled.match(text, hit.start() + 1)
            assert match is not None  # the same body, after the same character
            yield match
            end = match.end()

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """``self.compiled.match``: an anchored match is tried at one position, nothing to speed up."""
        return self.compiled.match(text, pos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        """``self.compiled.fullmatch``."""
        return self.compiled.fullmatch(text)


class AnchoredPattern:
    """A pattern whose every match holds one of ``anchors`` and none of the ``breakers`` characters.

    Only the stretches between two breakers that hold an anchor are scanned, each on its own with
    the breaker after it as the end of the text: so the pattern must not use ``$``, no lookahead of
    it may match a breaker, and breakers are punctuation (which ``\\b`` sees as the end of the text
    too). A pattern that ignores case has lower-case anchors, found in a lower-cased copy of the text.

    >>> percent = AnchoredPattern(re.compile(r"\\d+\\s*%"), anchors=("%",), breakers="(),;")
    >>> [m.group() for m in percent.finditer("n=31 (42 %), 7; 9%")]
    ['42 %', '9%']
    """

    __slots__ = ("_breaker", "_ignores_case", "anchors", "breakers", "compiled")

    def __init__(self, compiled: re.Pattern[str], anchors: tuple[str, ...], breakers: str = ".,;:()"):
        self.compiled = compiled
        self.anchors = anchors
        self.breakers = breakers
        self._breaker = re.compile("[" + re.escape(breakers) + "]")
        self._ignores_case = bool(compiled.flags & re.IGNORECASE)

    def finditer(self, text: str, lowered: str | None = None) -> Iterator[re.Match[str]]:
        """The matches of ``self.compiled.finditer(text)``; ``lowered`` is ``text`` lower-cased, same length
        (``textutil.fold``), for a pattern that ignores case."""
        if not self._ignores_case:
            return self._finditer(text, text)
        if lowered is None:
            raise ValueError(f"{self.compiled.pattern!r} ignores case: its anchors are found in the lowered text")
        if has_case_traps(text):
            return self.compiled.finditer(text)  # an anchor may be written with a letter lower() leaves alone
        return self._finditer(text, lowered)

    def _finditer(self, text: str, anchored: str) -> Iterator[re.Match[str]]:
        breakers = self.breakers
        positions = []
        for anchor in self.anchors:
            at = anchored.find(anchor)
            while at >= 0:
                positions.append(at)
                at = anchored.find(anchor, at + 1)
        end = -1
        for at in sorted(positions):
            if at < end:
                continue  # in the stretch just scanned
            start = max([anchored.rfind(breaker, 0, at) for breaker in breakers]) + 1
            after = self._breaker.search(anchored, at)
            end = after.start() if after else len(text)
            yield from self.compiled.finditer(text, start, end)


class LiteralStartPattern:
    """A case-insensitive pattern whose every match starts with one of a few lower-case ``starts``.

    The pattern is only tried where a start is in the lower-cased text, one ``match`` each: for a
    pattern of long lookaheads (a phrase that must end with "prostate cancer"), far cheaper than a scan
    of whole sentences. A lookbehind at the start of the pattern still sees the text before.

    >>> recurrent = LiteralStartPattern(re.compile(r"\\b(?:re)?current\\b", re.IGNORECASE), starts=("current", "re"))
    >>> text = "Recurrent, concurrent and current"
    >>> [m.group() for m in recurrent.finditer(text, text.lower())]
    ['Recurrent', 'current']
    """

    __slots__ = ("compiled", "starts")

    def __init__(self, compiled: re.Pattern[str], starts: tuple[str, ...]):
        self.compiled = compiled
        self.starts = starts

    def finditer(self, text: str, lowered: str) -> Iterator[re.Match[str]]:
        """The matches of ``self.compiled.finditer(text)``; ``lowered`` is ``text`` lower-cased, same length."""
        if has_case_traps(text):
            yield from self.compiled.finditer(text)
            return
        places = set()
        for start in self.starts:
            at = lowered.find(start)
            while at >= 0:
                places.add(at)
                at = lowered.find(start, at + 1)
        end = 0
        for at in sorted(places):
            if at < end:
                continue  # inside the last match: finditer goes on after it
            match = self.compiled.match(text, at)
            if match:
                yield match
                end = max(match.end(), at + 1)
