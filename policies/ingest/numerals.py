"""List numbers as a reader sees them: 3, c, C, iii, III."""

from __future__ import annotations

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def letters(number: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (as lists in browsers count)."""
    out = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def roman(number: int) -> str:
    out = ""
    for value, digits in _ROMAN:
        while number >= value:
            out += digits
            number -= value
    return out


def numeral(number: int, style: str) -> str:
    """`style` is "a"/"A" (letters), "i"/"I" (roman) or anything else (digits), as in HTML."""
    if style in ("a", "A") and 1 <= number <= 18_278:
        text = letters(number)
        return text.upper() if style == "A" else text
    if style in ("i", "I") and 1 <= number < 4000:
        text = roman(number)
        return text.upper() if style == "I" else text
    return str(number)
