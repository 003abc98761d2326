"""Word list numbering (numbering.xml) replayed, so "1.", "a)" and "2.1" appear as Word shows them.

Each paragraph in a list names a numbering instance (numId) and a level (ilvl); the instance
points at an abstract definition giving, per level, the number format, the label template
("%1.%2.") and the start value. Counters run per instance across the document; moving to a
level resets the deeper ones. Anything missing or malformed falls back to a bullet.
"""

from __future__ import annotations

from dataclasses import dataclass

from policies.ingest.numerals import letters, roman

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BULLET = "• "


@dataclass(frozen=True)
class _Level:
    fmt: str
    text: str
    start: int


def _val(element, name: str) -> str | None:
    child = element.find(f"{_W}{name}") if element is not None else None
    return child.get(f"{_W}val") if child is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class Numbering:
    def __init__(self, numbering_xml, style_elements) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._instances: dict[str, tuple[str, dict[int, int]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._style_numbering: dict[str, tuple[str, int]] = {}
        if numbering_xml is not None:
            self._read(numbering_xml)
        for style in style_elements:
            properties = style.find(f"{_W}pPr")
            numbering = properties.find(f"{_W}numPr") if properties is not None else None
            if numbering is not None:
                num_id = _val(numbering, "numId")
                if num_id is not None:
                    self._style_numbering[style.get(f"{_W}styleId", "")] = (num_id, _int(_val(numbering, "ilvl"), 0))

    def _read(self, root) -> None:
        for abstract in root.findall(f"{_W}abstractNum"):
            levels = {}
            for level in abstract.findall(f"{_W}lvl"):
                levels[_int(level.get(f"{_W}ilvl"), 0)] = _Level(
                    fmt=_val(level, "numFmt") or "decimal",
                    text=_val(level, "lvlText") or "",
                    start=_int(_val(level, "start"), 1),
                )
            self._abstract[abstract.get(f"{_W}abstractNumId", "")] = levels
        for num in root.findall(f"{_W}num"):
            overrides = {}
            for override in num.findall(f"{_W}lvlOverride"):
                start = _val(override, "startOverride")
                if start is not None:
                    overrides[_int(override.get(f"{_W}ilvl"), 0)] = _int(start, 1)
            self._instances[num.get(f"{_W}numId", "")] = (_val(num, "abstractNumId") or "", overrides)

    def list_of(self, paragraph_properties, style_id: str) -> tuple[str, int] | None:
        """(numId, level) of a paragraph in a list, or None; numId "0" switches numbering off."""
        numbering = paragraph_properties.find(f"{_W}numPr") if paragraph_properties is not None else None
        found = None
        if numbering is not None:
            num_id = _val(numbering, "numId")
            style_level = self._style_numbering.get(style_id, ("", 0))[1]
            if num_id is not None:
                found = (num_id, _int(_val(numbering, "ilvl"), style_level))
            elif style_id in self._style_numbering:
                found = (self._style_numbering[style_id][0], _int(_val(numbering, "ilvl"), style_level))
        elif style_id in self._style_numbering:
            found = self._style_numbering[style_id]
        if found is None or found[0] == "0":
            return None
        return found

    def marker(self, num_id: str, level: int) -> str:
        abstract_id, overrides = self._instances.get(num_id, ("", {}))
        levels = self._abstract.get(abstract_id)
        if not levels or level not in levels:
            return BULLET
        definition = levels[level]
        if definition.fmt == "bullet":
            return BULLET
        counters = self._counters.setdefault(num_id, {})
        starts = {n: overrides.get(n, lvl.start) for n, lvl in levels.items()}
        counters[level] = counters[level] + 1 if level in counters else starts[level]
        for deeper in [n for n in counters if n > level]:
            del counters[deeper]
        if definition.fmt == "none" or not definition.text:
            return ""
        label = definition.text
        for n in range(9):
            placeholder = f"%{n + 1}"
            if placeholder in label:
                value = counters.get(n, starts.get(n, 1))
                label = label.replace(placeholder, _format(value, levels[n].fmt if n in levels else "decimal"))
        return label.strip() + " "


def _format(number: int, fmt: str) -> str:
    if fmt == "lowerLetter" and number >= 1:
        return letters(number)
    if fmt == "upperLetter" and number >= 1:
        return letters(number).upper()
    if fmt == "lowerRoman" and 1 <= number < 4000:
        return roman(number)
    if fmt == "upperRoman" and 1 <= number < 4000:
        return roman(number).upper()
    if fmt == "decimalZero":
        return f"{number:02d}"
    return str(number)
