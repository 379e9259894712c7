"""finditer for a large alternation regex, trying it only where its first characters can begin.

A regex such as the times component's (hundreds of words in nested optional groups, case-blind)
is attempted by Python's engine at every word start, and most of its cost is spent failing there.
`PrefixFilter` reads the compiled pattern's parse tree once and collects every string of up to
three characters a match can begin with (character classes kept as classes: any decimal digit,
any whitespace; case folded as the engine folds it). `finditer` then runs the pattern only at
the positions whose next characters are such a prefix, and yields exactly the matches
`pattern.finditer` yields: the prefix set is a superset (anything it cannot bound, such as
`\\w`, ends the prefix there and lets every continuation through), and a match tried at each
remaining position in order is the match a search would find there.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the engine's own case folding (no stubs)
import hashlib
import re
import re._constants as C  # type: ignore[import-not-found]
import re._parser as _parser  # type: ignore[import-not-found]
from collections.abc import Iterator
from itertools import product
from pathlib import Path

DIGIT, SPACE = "\x00d", "\x00s"  # the keys of "any decimal digit" and "any whitespace"
Prefix = tuple[frozenset[str], ...]
_ANY = None  # a position the filter cannot bound
_MAX_RANGE = 512  # a wider character range (or a negated class) is not bounded


def key(ch: str) -> str:
    """The class of a text character as the filter compares it: digits and spaces by kind,
    other characters by the engine's own lowercase."""
    if ch.isdecimal():
        return DIGIT
    if ch.isspace():
        return SPACE
    return chr(_sre.unicode_tolower(ord(ch)))


def _folds(code: int) -> set[str]:
    """The keys of a pattern character. Case variants need no more: the scan that looks for the
    prefixes is case-blind, so it folds each key as the engine folds the pattern ("ſ" for "s")."""
    return {key(chr(code)), key(chr(_sre.unicode_tolower(code)))}


def _charset(items) -> frozenset[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out |= _folds(av)
        elif op is C.RANGE:
            lo, hi = av
            if hi - lo > _MAX_RANGE:
                return _ANY
            for c in range(lo, hi + 1):
                out |= _folds(c)
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            out.add(DIGIT)
        elif op is C.CATEGORY and av is C.CATEGORY_SPACE:
            out.add(SPACE)
        else:  # NEGATE, \w, \W, \S, \D ...
            return _ANY
    return frozenset(out)


class _Walker:
    def __init__(self, depth: int):
        self.depth = depth
        self.out: set[Prefix] = set()

    def go(self, stack, prefix: Prefix) -> None:
        """Extend `prefix` along the rest of the pattern; `stack` is the continuation: a linked
        list ((items, index), parent)."""
        if len(prefix) >= self.depth:
            self.out.add(prefix[: self.depth])
            return
        while stack is not None and stack[0][1] >= len(stack[0][0]):
            stack = stack[1]
        if stack is None:
            self.out.add(prefix)  # the match may end here
            return
        (items, i), parent = stack
        op, av = items[i]
        rest = ((items, i + 1), parent)
        if op is C.LITERAL:
            self.go(rest, (*prefix, frozenset(_folds(av))))
        elif op is C.IN:
            chars = _charset(av)
            if chars is _ANY:
                self.out.add(prefix)
            else:
                self.go(rest, (*prefix, chars))
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            self.go(rest, prefix)  # zero-width: constrains nothing the filter needs
        elif op is C.SUBPATTERN:
            self.go(((list(av[-1]), 0), rest), prefix)
        elif op is C.ATOMIC_GROUP:
            self.go(((list(av), 0), rest), prefix)
        elif op is C.BRANCH:
            for alt in av[1]:
                self.go(((list(alt), 0), rest), prefix)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, hi, body = av
            body = list(body)
            for n in range(lo, min(hi, lo + self.depth) + 1):
                # n copies, then the rest (each non-empty copy takes a character, so copies past
                # lo + depth only repeat prefixes already collected)
                self.go(((body * n, 0), rest), prefix)
        else:  # ANY, NOT_LITERAL, GROUPREF, ...: not bounded
            self.out.add(prefix)


def _trie_regex(prefixes: set[tuple[str, ...]]) -> str:
    """One regex matching where any of `prefixes` begins (a trie: shared beginnings written once)."""
    trie: dict = {}
    for p in sorted(prefixes, key=len):
        node = trie
        for k in p:
            if node.get(k) == {}:  # a shorter prefix already accepts whatever follows
                break
            node = node.setdefault(k, {})
        else:
            node.clear()

    def emit(node: dict) -> str:
        alts = []
        for k, sub in sorted(node.items()):
            ch = r"\d" if k == DIGIT else r"\s" if k == SPACE else re.escape(k)
            alts.append(ch + emit(sub) if sub else ch)
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(trie)


def scan_prefixes(pattern: re.Pattern, depth: int) -> str | None:
    """A regex for the beginnings (`depth` characters) of `pattern`'s matches; None when a match
    may begin with anything."""
    walker = _Walker(depth)
    walker.go(((list(_parser.parse(pattern.pattern, pattern.flags)), 0), None), ())
    prefixes = {k for p in walker.out for k in product(*p)}
    return None if () in prefixes else _trie_regex(prefixes)


class PrefixFilter:
    """`pattern.finditer`, tried only where a match can begin (see the module docstring).

    `lead` is the zero-width start of the pattern's source (e.g. a lookbehind) that every match
    position satisfies; it must be where the pattern begins. `depth`: characters compared."""

    def __init__(self, pattern: re.Pattern, lead: str, depth: int = 6, name: str | None = None):
        parsed, lead_ops = list(_parser.parse(pattern.pattern, pattern.flags)), list(_parser.parse(lead, pattern.flags))
        # every match must begin with the lead: the pattern's own first items, not one branch's
        if repr(parsed[: len(lead_ops)]) != repr(lead_ops) or any(
            op not in (C.AT, C.ASSERT, C.ASSERT_NOT) for op, _ in lead_ops
        ):
            raise ValueError("the pattern does not begin with the given lead, or the lead is not zero-width")
        self.pattern = pattern
        if name is None:
            trie = scan_prefixes(pattern, depth)
        else:  # reading the pattern's tree takes a few tenths of a second: once per install
            from .derived import cached_lines

            made = hashlib.sha1(f"{pattern.pattern}|{pattern.flags}|{depth}".encode()).hexdigest()
            trie = cached_lines(name, [Path(__file__)], made, lambda: [scan_prefixes(pattern, depth) or ""])[0]
        # a match that may begin anywhere (no prefix to look for) leaves nothing to filter
        # the lead keeps the pattern's flags; the prefixes are lowercase keys, looked for case-blind
        self.scan = re.compile(f"{lead}(?=(?i:{trie}))", pattern.flags) if trie else None

    def finditer(self, text: str) -> Iterator[re.Match]:
        if self.scan is None:
            yield from self.pattern.finditer(text)
            return
        after = 0
        match = self.pattern.match
        for m in self.scan.finditer(text):
            pos = m.start()
            if pos < after:
                continue
            found = match(text, pos)
            if found is not None:  # never empty: an empty match would leave an empty prefix
                yield found
                after = found.end()
