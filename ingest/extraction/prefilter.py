"""Regular expressions that skip texts which cannot match them, found by a cheap substring test.

Python's ``re`` tries a pattern at every position of the text unless the pattern starts with a
literal, which costs ~35 ns per character for each pattern and sentence: the extractor runs a few
dozen patterns over every sentence, and most of them cannot match most sentences. A pattern's
*required literals* are strings one of which appears in every match ("hazard", "ratio" or "hr" for
a hazard ratio); they are read from the pattern's syntax tree once, the way RE2 and code-search
prefilters do. A literal the pattern matches case-insensitively is looked for in the lower-cased
text; one it matches as written ("HR", "CI") is looked for as written, which skips far more texts
("hr" is in "three", "CI" is in no ordinary word). When none of them is a substring of the text,
the pattern cannot match, so :class:`Prefiltered` answers "no match" without running it;
otherwise it runs the pattern as usual. The answers are the same as the pattern's own in every case.

>>> hazard = prefiltered(re.compile(r"\\b(?:(?i:hazard ratio)|HR)\\s*[:=]?\\s*\\d"))
>>> sorted(hazard.needles), sorted(hazard.cased_needles)
(['hazard ratio'], ['HR'])
>>> hazard.search("OS improved (HR 0.62)").group()
'HR 0'
>>> hazard.search("median OS was 15.3 months in three arms") is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from ingest.extraction.textutil import has_case_traps

try:  # Python 3.11+
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants
    import sre_parse
try:  # the characters IGNORECASE matches beyond their lower case (σ and ς, µ and μ, ...)
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover - other Pythons: no non-ASCII letter is a case-insensitive needle
    _EXTRA_CASES = None

#: The most strings a set of exact alternatives may hold before it is given up (products grow fast).
_MAX_STRINGS = 64
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, getattr(sre_constants, "POSSESSIVE_REPEAT", None))
#: Texts shorter than this go straight to the pattern: on the few words between two values the
#: substring tests cost more than the pattern itself.
_SHORT = 48
#: Case-insensitive needles are lower-case and tested against the lower-cased text, which is right except
#: where the text holds a letter that IGNORECASE matches to an ASCII letter but ``str.lower`` does not lower
#: to it (``textutil.has_case_traps``): such a text always runs the pattern.

#: A needle: a string, and whether the pattern matches it exactly as written (else it is lower-cased and
#: matched in any case).
Needle = tuple[str, bool]
_EMPTY: Needle = ("", True)


def _join(a: Needle, b: Needle) -> Needle:
    """Two needles one after the other: case matters for the whole only where it matters for both."""
    if a[1] and b[1]:
        return a[0] + b[0], True
    return (a[0] + b[0]).lower(), False


class _Info:
    """What a piece of a pattern matches: ``exact`` strings (all of them, when few), or ``required`` ones."""

    __slots__ = ("exact", "required")

    def __init__(self, exact: frozenset[Needle] | None = None, required: frozenset[Needle] | None = None):
        self.exact = exact
        self.required = required

    def requirement(self) -> frozenset[Needle] | None:
        """Strings one of which every match contains, or None when nothing is known."""
        if self.exact is not None:
            return None if any(not text for text, _cased in self.exact) else self.exact
        return self.required


def _better(a: frozenset[Needle] | None, b: frozenset[Needle] | None) -> frozenset[Needle] | None:
    """The more selective of two requirements: longer shortest string, then fewer strings.

    A string without a letter counts one character longer: prose holds far fewer '=' or '<' than 'p' or 'n'.
    """
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b, key=lambda s: (min(map(_weight, s)), -len(s)))


def _weight(needle: Needle) -> int:
    text = needle[0]
    return len(text) + (not any(c.isalpha() for c in text))


def _literal(code: int, ignore_case: bool) -> frozenset[Needle] | None:
    char = chr(code)
    if not ignore_case:
        return frozenset({(char, True)})
    if not char.isascii() and (char.lower() != char or char.upper() != char) and not _plain_case(char):
        return None  # IGNORECASE matches it to characters whose str.lower is another one
    return frozenset({(char.lower(), False)})


def _plain_case(char: str) -> bool:
    """Whether IGNORECASE matches ``char`` exactly to the characters whose ``str.lower`` is its own (α, Α)."""
    lower = char.lower()
    return _EXTRA_CASES is not None and len(lower) == 1 and ord(lower) not in _EXTRA_CASES


def _charset(items, ignore_case: bool) -> frozenset[Needle] | None:
    strings: set[Needle] = set()
    for op, av in items:
        if op is not sre_constants.LITERAL:
            return None  # ranges, classes, negation: too many characters to be useful
        literal = _literal(av, ignore_case)
        if literal is None:
            return None
        strings |= literal
    return frozenset(strings) if 0 < len(strings) <= 8 else None


def _sequence(items, flags: int) -> _Info:
    current: frozenset[Needle] | None = frozenset({_EMPTY})
    best: frozenset[Needle] | None = None
    exact = True
    for op, av in items:
        if op is sre_constants.ASSERT and av[0] == -1:
            # A lookbehind is text right before this point: the strings gathered so far end at the same
            # point, so they are set aside, and the lookbehind's strings start a new run.
            behind = _sequence(av[1], flags)
            if behind.exact is not None and _EMPTY not in behind.exact:
                exact = False
                best = _better(best, _Info(current).requirement() if current is not None else None)
                current = behind.exact
                continue
        info = _node(op, av, flags)
        if info.exact is not None and current is not None:
            joined = frozenset(_join(a, b) for a, b in product(current, info.exact))
            if len(joined) <= _MAX_STRINGS:
                current = joined
                continue
        exact = False
        best = _better(best, _Info(current).requirement() if current is not None else None)
        best = _better(best, info.requirement())
        current = info.exact if info.exact is not None and len(info.exact) <= _MAX_STRINGS else None
    if exact:
        return _Info(exact=current)
    return _Info(required=_better(best, _Info(current).requirement() if current is not None else None))


def _node(op, av, flags: int) -> _Info:
    ignore_case = bool(flags & re.IGNORECASE)
    if op is sre_constants.LITERAL:
        return _Info(exact=_literal(av, ignore_case))
    if op is sre_constants.IN:
        return _Info(exact=_charset(av, ignore_case))
    if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return _Info(exact=frozenset({_EMPTY}))  # zero width: adds nothing to the match
    if op is sre_constants.SUBPATTERN:
        _group, add_flags, del_flags, items = av
        return _sequence(items, (flags | add_flags) & ~del_flags)
    if op is getattr(sre_constants, "ATOMIC_GROUP", None):
        return _sequence(av, flags)
    if op is sre_constants.BRANCH:
        alternatives = [_sequence(branch, flags) for branch in av[1]]
        if all(a.exact is not None for a in alternatives):
            strings = frozenset().union(*(a.exact for a in alternatives))
            if len(strings) <= _MAX_STRINGS:
                return _Info(exact=strings)
        requirements = [a.requirement() for a in alternatives]
        if any(r is None for r in requirements):
            return _Info()
        strings = frozenset().union(*requirements)
        return _Info(required=strings) if len(strings) <= _MAX_STRINGS else _Info()
    if op in _REPEATS:
        low, high, pattern = av
        body = _sequence(pattern, flags)
        if body.exact is not None and high == 1:
            return _Info(exact=body.exact | ({_EMPTY} if low == 0 else set()))
        if body.exact is not None and low == high and len(body.exact) ** low <= _MAX_STRINGS:
            return _Info(exact=frozenset(_join_all(p) for p in product(body.exact, repeat=low)))
        return _Info(required=body.requirement()) if low >= 1 else _Info()
    return _Info()  # any character, categories, back-references, conditionals: nothing known


def _join_all(needles: tuple[Needle, ...]) -> Needle:
    joined = _EMPTY
    for needle in needles:
        joined = _join(joined, needle)
    return joined


def _covers(shorter: Needle, longer: Needle) -> bool:
    """Whether every text that holds ``longer`` holds ``shorter`` too (so ``longer`` adds nothing)."""
    if shorter == longer:
        return False
    (small, small_cased), (big, big_cased) = shorter, longer
    if small_cased:
        return big_cased and small in big
    return small in big.lower()


def required_literals(pattern: re.Pattern[str]) -> frozenset[Needle] | None:
    """Strings one of which every match of ``pattern`` contains, each with whether its case matters; or None.

    >>> sorted(required_literals(re.compile(r"PSA\\s+declines?|fell by \\d+%", re.I)))
    [('decline', False), ('fell by ', False)]
    >>> sorted(required_literals(re.compile(r"\\bHRs?\\b|(?i:hazard ratio)")))
    [('HR', True), ('hazard ratio', False)]
    >>> required_literals(re.compile(r"\\d+(?:\\.\\d+)?")) is None
    True
    """
    if not isinstance(pattern.pattern, str):
        return None
    tree = sre_parse.parse(pattern.pattern, pattern.flags)
    found = _sequence(list(tree), tree.state.flags).requirement()
    if not found or _EMPTY in found:
        return None
    # A string that contains another one of the set adds nothing: keep the shortest.
    return frozenset(s for s in found if not any(_covers(o, s) for o in found))


class Prefiltered:
    """A compiled pattern that answers 'no match' at once when the text lacks all its required literals."""

    __slots__ = ("_last_possible", "_last_text", "cased_needles", "compiled", "needles")

    def __init__(self, pattern: re.Pattern[str]):
        self.compiled = pattern
        found = required_literals(pattern)
        #: Needles looked for in the lower-cased text, and those looked for as written; both None when unknown.
        self.needles = None if found is None else tuple(sorted(text for text, cased in found if not cased))
        self.cased_needles = None if found is None else tuple(sorted(text for text, cased in found if cased))
        self._last_text: str | None = None
        self._last_possible = True

    def possible(self, text: str) -> bool:
        """False only when ``pattern`` cannot match anywhere in ``text``."""
        if self.needles is None or len(text) < _SHORT:
            return True
        if text is self._last_text:
            return self._last_possible
        possible = self._found_in(text)
        self._last_text, self._last_possible = text, possible
        return possible

    def _found_in(self, text: str) -> bool:
        # Plain loops: on the few needles of a pattern, any() over a generator costs more than the tests.
        for needle in self.cased_needles:
            if needle in text:
                return True
        if not self.needles:
            return False
        lowered = _lowered(text)
        if lowered is None:
            return True
        for needle in self.needles:  # noqa: SIM110
            if needle in lowered:
                return True
        return False

    def search(self, text: str, *args):
        # A search of a short stretch (pos, endpos) costs less than the test over the whole text: no test.
        if args and (args[1] if len(args) > 1 else len(text)) - args[0] < _SHORT:
            return self.compiled.search(text, *args)
        return self.compiled.search(text, *args) if self.possible(text) else None

    # An anchored match fails at its one position about as fast as the test would: no test.
    def match(self, text: str, *args):
        return self.compiled.match(text, *args)

    def fullmatch(self, text: str, *args):
        return self.compiled.fullmatch(text, *args)

    def finditer(self, text: str, *args):
        return self.compiled.finditer(text, *args) if self.possible(text) else iter(())

    def findall(self, text: str, *args):
        return self.compiled.findall(text, *args) if self.possible(text) else []

    def sub(self, repl, text: str, count: int = 0):
        return self.compiled.sub(repl, text, count) if self.possible(text) else text

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    @property
    def groupindex(self):
        return self.compiled.groupindex

    @property
    def flags(self) -> int:
        return self.compiled.flags

    def __repr__(self) -> str:
        return f"prefiltered({self.compiled!r}, needles={self.needles}, cased_needles={self.cased_needles})"


@lru_cache(maxsize=8)
def _lowered(text: str) -> str | None:
    """``text.lower()`` (kept for the next patterns run over the same few texts), or None when the lowered
    text could hide a match (``textutil.has_case_traps``)."""
    return None if has_case_traps(text) else text.lower()


def prefiltered(pattern: re.Pattern[str] | str, flags: int = 0) -> Prefiltered:
    """``pattern`` (compiled, or compiled here with ``flags``) behind its required-literal test."""
    return Prefiltered(re.compile(pattern, flags) if isinstance(pattern, str) else pattern)
