"""The literal strings a regex cannot match without: a necessary condition checked before the regex runs.

`required_literals(pattern)` gives sets of strings such that every match of the pattern contains at least
one member of each set (`\\bwe (?:may )?(?:collect|gather)` needs one of {"we "} and one of {"collect",
"gather"}). Worked out from the parse tree: a node is either an exact node, matching one of a few known
strings, or an inexact one, known only by the sets it requires. Anything unusual (case-insensitive flags,
backreferences, wide character classes) makes a node unknown, which only ever weakens the condition, so
the answer stays necessary for any pattern; a pattern with no sets at all has to be searched always.
"""

from __future__ import annotations

from dataclasses import dataclass
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

MAX_EXACT = 32  # strings tracked per exact node; a longer cross product is closed off as a required set
MAX_CLASS = 8  # characters a class may hold and still count as exact ("[sz]", "[- ]")
MIN_LITERAL = 2  # a required set with a shorter member is met by nearly every text: not worth testing
RARE = frozenset("@#$%*+=<>|~^_{}[]\\`")  # ... unless that member is a character prose seldom holds

Condition = frozenset[str]


@dataclass(frozen=True, slots=True)
class _Node:
    exact: frozenset[str] | None  # every string the node can match, when known
    required: tuple[Condition, ...] = ()  # for inexact nodes: sets each match holds a member of


_UNKNOWN = _Node(None)
_EMPTY = _Node(frozenset({""}))


def required_literals(pattern: str) -> tuple[Condition, ...]:
    """Sets of literals, one member of each of which every match of `pattern` contains (none: unknown)."""
    try:
        parsed = _parser.parse(pattern)
    except Exception:  # an unusual construct: do without the condition
        return ()
    if parsed.state.flags & c.SRE_FLAG_IGNORECASE:
        return ()
    out: list[Condition] = []
    for condition in _conditions(_sequence(list(parsed))):
        telling = all(len(member) >= MIN_LITERAL or member in RARE for member in condition)
        if telling and condition not in out:
            out.append(condition)
    return tuple(out)


def _condition(strings: frozenset[str] | set[str]) -> Condition | None:
    """The strings as a required set, shorn of members that contain another (the shorter one suffices)."""
    if not strings or "" in strings:
        return None
    return frozenset(s for s in strings if not any(o != s and o in s for o in strings))


def _conditions(node: _Node) -> list[Condition]:
    out = list(node.required)
    if node.exact is not None and (own := _condition(node.exact)) is not None:
        out.append(own)
    return out


def _best(node: _Node) -> Condition | None:
    """The most telling set of a node: the longest shortest member, then the fewest members."""
    options = _conditions(node)
    return max(options, key=lambda s: (min(len(m) for m in s), -len(s))) if options else None


def _sequence(items: list) -> _Node:
    run: set[str] = {""}  # the exact strings of the current run of exact items, concatenated
    required: list[Condition] = []
    exact = True
    for op, arg in items:
        node = _item(op, arg)
        if node.exact is not None:
            product = {a + b for a in run for b in node.exact}
            if len(product) <= MAX_EXACT:
                run = product
                continue
            exact = False  # too many strings to track: close the run off as a required set
            if (closed := _condition(run)) is not None:
                required.append(closed)
            run = set(node.exact)
            continue
        exact = False
        if (closed := _condition(run)) is not None:
            required.append(closed)
        required.extend(node.required)
        run = {""}
    if exact:
        return _Node(frozenset(run))
    if (closed := _condition(run)) is not None:
        required.append(closed)
    return _Node(None, tuple(required))


def _item(op, arg) -> _Node:
    if op is c.LITERAL:
        return _Node(frozenset({chr(arg)}))
    if op is c.AT or op is c.ASSERT or op is c.ASSERT_NOT:
        return _EMPTY  # zero-width: the match holds nothing of it
    if op is c.IN:
        return _char_class(arg)
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, items = arg
        return _UNKNOWN if add_flags or del_flags else _sequence(list(items))
    if op is c.ATOMIC_GROUP:
        return _sequence(list(arg))
    if op is c.BRANCH:
        return _branch([_sequence(list(branch)) for branch in arg[1]])
    if op is c.MAX_REPEAT or op is c.MIN_REPEAT or op is c.POSSESSIVE_REPEAT:
        low, high, items = arg
        return _repeat(low, high, _sequence(list(items)))
    return _UNKNOWN


def _char_class(items: list) -> _Node:
    chars: set[str] = set()
    for kind, value in items:
        if kind is c.LITERAL:
            chars.add(chr(value))
        elif kind is c.RANGE and value[1] - value[0] < MAX_CLASS:
            chars.update(chr(code) for code in range(value[0], value[1] + 1))
        else:  # a negation, a category (\w, \s) or a wide range
            return _UNKNOWN
    return _Node(frozenset(chars)) if len(chars) <= MAX_CLASS else _UNKNOWN


def _branch(options: list[_Node]) -> _Node:
    if all(option.exact is not None for option in options):
        union = frozenset().union(*(option.exact for option in options if option.exact is not None))
        if len(union) <= MAX_EXACT:
            return _Node(union)
    best = [_best(option) for option in options]
    if any(b is None for b in best):
        return _UNKNOWN  # some alternative requires nothing known
    union = frozenset().union(*(b for b in best if b is not None))
    merged = _condition(union)
    return _Node(None, (merged,) if merged is not None else ())


def _repeat(low: int, high: int, node: _Node) -> _Node:
    if low == 0:
        if high == 1 and node.exact is not None:
            return _Node(node.exact | {""})
        return _UNKNOWN
    if low == high and node.exact is not None:
        strings: set[str] = {""}
        for _ in range(low):
            strings = {a + b for a in strings for b in node.exact}
            if len(strings) > MAX_EXACT:
                break
        else:
            return _Node(frozenset(strings))
    return _Node(None, tuple(_conditions(node)))


def required_prefixes(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Literal strings one of which starts every match of `pattern` (as written: the caller deals with
    case-insensitive flags); None when no such set is known."""
    try:
        parsed = _parser.parse(pattern, flags)
    except Exception:
        return None
    prefixes = _prefixes(list(parsed))
    if prefixes is None or "" in prefixes:
        return None
    return frozenset(prefixes)


def _prefixes(items: list) -> set[str] | None:
    """Prefixes of a sequence: its leading exact run, extended by the prefixes of the first inexact item."""
    run: set[str] = {""}
    for op, arg in items:
        node = _item(op, arg)
        inner: set[str] | frozenset[str] | None = node.exact
        if inner is None:
            inner = _item_prefixes(op, arg)
        if inner is None:
            break
        product = {a + b for a in run for b in inner}
        if len(product) > MAX_EXACT:
            break
        run = product
        if node.exact is None:
            break  # what follows an inexact item may start anywhere
    return run


def _item_prefixes(op, arg) -> set[str] | None:
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, items = arg
        return None if add_flags or del_flags else _prefixes(list(items))
    if op is c.ATOMIC_GROUP:
        return _prefixes(list(arg))
    if op is c.BRANCH:
        out: set[str] = set()
        for branch in arg[1]:
            out |= _prefixes(list(branch)) or {""}
        return out
    if op is c.MAX_REPEAT or op is c.MIN_REPEAT or op is c.POSSESSIVE_REPEAT:
        low, _high, items = arg
        return _prefixes(list(items)) if low >= 1 else None
    return None
