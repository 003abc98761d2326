"""Postal addresses: the shapes policies write them in, shared by contacts and segmentation.

A US address is found by its state and ZIP code (in `contacts`); this module adds the UK and
Canadian shapes, which end in a postcode, and what every shape may carry: a unit line ("Suite
200"), a country line ("United Kingdom") and a PO box. An address starts at its street line (a
house number or a PO box), as US addresses do: the recipient lines above it ("Privacy Team",
"Hollybrook Ltd") name who reads the post, not where it goes. Precision comes first: a postcode
counts only under a street line made of address-like words, so a product code in a sentence is
no address.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice

US_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    "Mississippi|Missouri|Montana|Nebraska|Nevada|New\\s+Hampshire|New\\s+Jersey|New\\s+Mexico|New\\s+York|"
    "North\\s+Carolina|North\\s+Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode\\s+Island|South\\s+Carolina|"
    "South\\s+Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West\\s+Virginia|Wisconsin|Wyoming|"
    "District\\s+of\\s+Columbia|"
    "A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|"
    "W[AVIY]|PR"
)
_PROVINCES = (
    "AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT|Alberta|British\\s+Columbia|Manitoba|New\\s+Brunswick|"
    "Newfoundland(?:\\s+and\\s+Labrador)?|Nova\\s+Scotia|Northwest\\s+Territories|Nunavut|Ontario|"
    "Prince\\s+Edward\\s+Island|Qu[eé]bec|Saskatchewan|Yukon"
)
# Case-sensitive: "US" and "UK" are countries only in capitals.
_COUNTRIES = (
    "United\\s+Kingdom|United\\s+States(?:\\s+of\\s+America)?|U\\.S\\.A\\.|USA|U\\.S\\.|US|U\\.K\\.|UK|"
    "Great\\s+Britain|England|Scotland|Wales|Northern\\s+Ireland|Canada"
)
# UK: outward code, a space, inward code (whose letters never include C, I, K, M, O or V).
# Canada: letter-digit-letter digit-letter-digit, without D, F, I, O, Q or U.
_POSTCODE = re.compile(
    r"(?<![\w-])(?:(?P<uk>[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[ABD-HJLNP-UW-Z]{2})"
    r"|(?P<ca>[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \t]?\d[ABCEGHJ-NPRSTV-Z]\d))(?![\w-])"
)
_DIGIT_CAPITAL = re.compile(r"[0-9][A-Z]")
_PART_END = re.compile(r"[,\n]")
_PROVINCE_BEFORE = re.compile(rf"(?<![\w-])(?:{_PROVINCES})\.?,?\s*$")
_COUNTRY_TAIL = re.compile(rf"(?:[ \t]*,[ \t]*|[ \t]*\n[ \t]*|[ \t]+)(?:{_COUNTRIES})(?![\w-]|\.\w)")
COUNTRY_LINE = re.compile(rf"(?:{_COUNTRIES})\.?")

_HOUSE = r"\d{1,5}[A-Za-z]?(?:[-–/]\d{1,5}[A-Za-z]?)?"
_BOX = r"(?:P\.?[ \t]?O\.?[ \t]?Box|Post[ \t]+Office[ \t]+Box)[ \t]+\d{1,6}"
# A street line: a house number and the street's name, or a PO box; prose may come before it.
_STREET = re.compile(
    rf"(?:^|(?<=[ \t]))(?:(?P<box>{_BOX})(?P<after>(?:[ \t]+[\w'’.&-]+){{0,4}})|"
    rf"{_HOUSE}(?P<name>(?:[ \t]+[\w'’.&-]+){{1,7}}))$"
)
# Lines a street line may have around it: a unit or floor, a district, a town.
_UNIT = re.compile(
    r"(?:(?:Suite|Ste\.?|Unit|Flat|Apartment|Apt\.?|Room|Floor|Level|Building|Bldg\.?)[ \t]+[\w-]{1,6}|"
    r"\d{1,3}(?:st|nd|rd|th)[ \t]+Floor)",
    re.IGNORECASE,
)
_STREET_WORD = re.compile(
    r"(?i:street|st|road|rd|lane|ln|avenue|ave|way|place|pl|square|sq|yard|court|ct|drive|dr|close|crescent|"
    r"terrace|row|parade|hill|gardens|park|walk|wharf|mews|quay|boulevard|blvd|plaza|circus|green|gate|grove|"
    r"broadway|highway|hwy|parkway|pkwy|embankment|house|building|centre|center|estate|strand|cross|circle|trail)\.?"
)
# Lower-case words an address may hold ("Newcastle upon Tyne", "Rue de la Paix"); any other is prose.
_ADDRESS_SMALL = re.compile(r"of|the|upon|on|in|and|de|la|le|du|des|sur|en|am|an|der|floor|suite|unit|box")
_WORDS = re.compile(r"[^\s,]+")
# Signs of prose or markup: punctuation no address has, or a sentence end after a lower-case word.
_NO_ADDRESS = re.compile(r"[:;?!@()\"“”<>|]|\b[a-z]{3,}\.(?:\s|$)|https?:|www\.")
MAX_SEGMENTS = 6
REACH = 260  # characters an address may take above its postcode
_MAX_POSTCODES = 2000
_MAX_PAIRS = 20_000  # "4K", "3D", "2FA": past this many, the text is no policy, and the rest is skipped


def address_words(words: list[str], allow_digits: bool = True) -> bool:
    """Whether words read as part of an address: capitalised, numbers, or the few small words."""
    for word in words:
        head = word.lstrip("'’&-#")
        if not head:
            continue
        if head[0].isupper() or (allow_digits and head[0].isdigit()) or _ADDRESS_SMALL.fullmatch(head):
            continue
        return False
    return True


def _segments(text: str, low: int, high: int) -> list[tuple[int, int]]:
    """The comma- and line-separated parts of text[low:high], nearest last; a blank line ends the address."""
    blank = text.rfind("\n\n", low, high)
    if blank != -1:
        low = blank + 2
    out: list[tuple[int, int]] = []
    start = low
    for match in _PART_END.finditer(text, low, high):
        out.append((start, match.start()))
        start = match.end()
    out.append((start, high))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\r":
        start += 1
    while end > start and text[end - 1] in " \t\r":
        end -= 1
    return start, end


def _address_like(part: str) -> bool:
    """A part of an address between its street line and its postcode: a unit, a district, a town."""
    if not part or len(part) > 50 or _NO_ADDRESS.search(part):
        return False
    words = _WORDS.findall(part)
    return 0 < len(words) <= 6 and address_words(words)


def _street_start(text: str, start: int, end: int) -> tuple[int, bool] | None:
    """Where a street line starts in text[start:end] (trimmed), and whether it opens the part."""
    part = text[start:end]
    match = _STREET.search(part)
    if not match:
        return None
    if match.group("box") is not None:
        rest = _WORDS.findall(match.group("after") or "")
    else:
        rest = _WORDS.findall(match.group("name"))
        if not rest or not rest[0][0].isupper():
            return None
    if not address_words(rest) or _NO_ADDRESS.search(match.group(0)):
        return None
    return start + match.start(), match.start() == 0


def _has_street_word(text: str, start: int, end: int) -> bool:
    return any(_STREET_WORD.fullmatch(w) for w in _WORDS.findall(text[start:end]))


_UNIT_BEFORE = re.compile(
    rf"(?:(?<=[\s,])|^)(?:{_UNIT.pattern})(?:[ \t]*,[ \t]*|[ \t]+)$|"
    r"(?:(?<=[\s,])|^)(?:Suite|Ste\.?|Unit|Flat|Apt\.?|Room|Floor|Level|No\.?|#)[ \t]*$",
    re.IGNORECASE,
)


def extend_start(text: str, start: int) -> int:
    """An address's start moved back over a unit just before it ("Suite 200, 500 Main Street", "Suite 200"
    above the street line) or over the word of a number that starts it ("Suite 200")."""
    line_start = text.rfind("\n", 0, start) + 1
    for _ in range(2):
        low = max(line_start, start - 30)
        match = _UNIT_BEFORE.search(text, low, start)
        if match:
            start = match.start()
            continue
        if start == line_start and start >= 2 and text[start - 2] != "\n":
            # A unit on its own line right above the street line.
            above = text.rfind("\n", 0, start - 1) + 1
            s, e = _trim(text, above, start - 1)
            if _UNIT.fullmatch(text, s, e):
                start, line_start = s, above
                continue
        break
    return start


def extend_end(text: str, end: int) -> int:
    """An address's end moved over the country written after its postcode, if any."""
    match = _COUNTRY_TAIL.match(text, end)
    return match.end() if match else end


def _address_before(text: str, code_start: int, canadian: bool) -> int | None:
    """The start of the address that ends in the postcode at `code_start`, or None if it is none.

    The parts before the postcode are read nearest first. The address starts at the first street line
    found (a house number, or a PO box); without one, at the nearest whole part that names a street or
    a building ("St Giles High Street"), and the parts naming one right before it."""
    parts = _segments(text, max(0, code_start - REACH), code_start)
    province = not canadian
    named: int | None = None
    naming = True  # the parts read since `named` was set all name a street or a building
    for index, (raw_start, raw_end) in enumerate(reversed(parts)):
        if index >= MAX_SEGMENTS:
            break
        s, e = _trim(text, raw_start, raw_end)
        separated = index > 0
        if canadian and not province:
            # "Toronto, ON M5V 2T6" or "Toronto, Ontario\nM5V 2T6": the province comes right before.
            if _PROVINCE_BEFORE.search(text, s, code_start if index == 0 else e):
                province = True
            elif index > 0 or s < e:
                return None
        street = _street_start(text, s, e) if s < e else None
        if street is not None and province:
            begin, whole = street
            # On the postcode's own part ("14 Chapel Lane Leeds LS1 4DY") it needs a street word.
            if separated or _has_street_word(text, begin, e):
                return begin
            if not whole:
                return named
        if index == 0:
            if s < e and not _address_like(text[s:e]):
                return None
            continue
        if not _address_like(text[s:e]):
            break
        if province and naming and _has_street_word(text, s, e):
            named = s
        elif named is not None:
            naming = False
    return named


def find_addresses(text: str, pairs: Iterable[int] | None = None) -> Iterator[tuple[int, int, int]]:
    """(start, code_end, end) of the UK and Canadian postal addresses in text: each runs from its street
    line to its postcode, which ends at `code_end`, and on over a country written after it.

    `pairs` are the offsets of the digit-capital pairs in text, if the caller has found them already."""
    for match in islice(_postcodes(text, pairs), _MAX_POSTCODES):
        start = _address_before(text, match.start(), match.group("ca") is not None)
        if start is None:
            continue
        yield extend_start(text, start), match.end(), extend_end(text, match.end())


def _postcodes(text: str, pairs: Iterable[int] | None) -> Iterator[re.Match[str]]:
    """The UK and Canadian postcodes in text, found from their rare "digit, capital" pairs ("4D" in
    "LS1 4DY"): a scan for those is much quicker than trying the whole pattern everywhere."""
    seen = -1
    if pairs is None:
        pairs = (pair.start() for pair in _DIGIT_CAPITAL.finditer(text))
    for at in islice(pairs, _MAX_PAIRS):
        if at < seen:
            continue
        for start in range(max(seen, at - 5), at):
            match = _POSTCODE.match(text, start)
            if match:
                seen = match.end()
                yield match
                break


def one_line(address: str) -> str:
    """An address written over several lines, on one: its lines joined with commas."""
    lines = [line.strip() for line in address.split("\n") if line.strip()]
    out = lines[0] if lines else ""
    for line in lines[1:]:
        out += (" " if out.endswith(",") else ", ") + line
    return out


_STATE_CODE = re.compile(
    r"(?i:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|"
    r"W[AVIY]|PR)\.?"
)
_STATE_NAME = re.compile(rf"(?i:{US_STATES})")
_DIGIT = re.compile(r"\d")
_ZIP_CODE = re.compile(r"\d{5}(?:-\d{4})?")
_COUNTRY = re.compile(_COUNTRIES)
_UK_OUTWARD = re.compile(r"[A-Z]{1,2}\d[A-Z\d]?")
_UK_INWARD = re.compile(r"\d[ABD-HJLNP-UW-Z]{2}")
_CA_CODE = re.compile(r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]( ?)\d[ABCEGHJ-NPRSTV-Z]\d")


def ends_with_postcode(line: str) -> bool:
    """Whether a line ends in a ZIP code after a state, or in a UK or Canadian postcode (and perhaps a
    country): the last line of an address. Read from its last few words, not searched for."""
    if not _DIGIT.search(line, max(0, len(line) - 30)):
        return False  # every postcode has a digit, and a country name after it is short
    words = line[-48:].rstrip(" .").replace(",", " ").split()
    for count in (4, 3, 2, 1):
        if len(words) > count and _COUNTRY.fullmatch(" ".join(words[-count:])):
            del words[-count:]
            break
    if not words:
        return False
    last = words[-1]
    if _ZIP_CODE.fullmatch(last):
        for count in (1, 2, 3):
            if len(words) > count:
                state = " ".join(words[-1 - count : -1])
                if state[0].isupper() and (_STATE_CODE.fullmatch(state) or _STATE_NAME.fullmatch(state)):
                    return True
        return False
    if _CA_CODE.fullmatch(last) or (len(words) > 1 and _CA_CODE.fullmatch(words[-2] + " " + last)):
        return True
    return len(words) > 1 and bool(_UK_INWARD.fullmatch(last) and _UK_OUTWARD.fullmatch(words[-2]))
