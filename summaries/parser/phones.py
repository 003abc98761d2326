"""Phone numbers as policies write them: libphonenumber's matcher, plus the toll-free vanity spellings it skips.

One finder for the contacts, the "how" of a choice and the practice labels' "gives a way to reach us" check.
Numbers are read for the United States unless written with a "+" and a country code, as US policies and most
international ones write them ("1-800-555-0199", "(510) 603-7564", "+44 20 7946 0321", "(+82) 02 737 5775").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers

from summaries.parser import prefix_scan

REGION = "US"
_Finditer = Callable[[re.Pattern[str], str], Iterator[re.Match[str]]]


@dataclass(frozen=True, slots=True)
class Phone:
    start: int
    end: int
    raw: str
    e164: str


# A phone number has at least seven digits in a run broken only by spaces and punctuation. The matcher's own
# pattern is slow to try at every character of a long policy, so it only reads the text around such runs: a
# little before for a "+", "(" or "+ 353 " and more after for an extension ("ext. 9339").
_DIGIT_RUN = re.compile(r"\d(?:[\s().\-/]{0,3}\d){6,}")
_BEFORE, _AFTER = 8, 24
# The matcher keeps the "(" of "1-866-MYPRIVACY (1-866-697-7482)" but not its ")".
_UNCLOSED = re.compile(r"\((?=[^)]*$)")
# A run of digits with no grouping at all is more often an order, account or registration number: policies
# write a phone number grouped ("1-800-…", "(510) 603-…") or with its country code ("+353 017650100").
_GROUPED = re.compile(r"[\s().\-/+]")
# "Order number: 800-555-0199" is no phone number; "Telephone number: 1-702-486-3132" is.
_NOT_PHONE_BEFORE = re.compile(
    r"(?:order|invoice|account|acct|reference|ref|case|ticket|confirmation|tracking|serial|model|item|sku|"
    r"number|no\.|#)\s*[:#]?\s*$",
    re.IGNORECASE,
)
_PHONE_WORD_BEFORE = re.compile(
    r"(?:phone|call|tel|telephone|text|fax|toll[- ]free|contact)(?:\s+(?:number|no\.))?\W{0,20}$", re.IGNORECASE
)
_EXTENSION = re.compile(r"[\s,;]*(?:ext\.?|extension|x\.?)\s*\d{1,6}\s*$", re.IGNORECASE)
# "Call 1-800-VERIZON": US companies buy vanity spellings of toll-free numbers; the matcher reads digits only.
# Letters are the phone keypad's (parse converts them); seven keys after the area code, at least three of them
# capital letters so that "1-800-555-0199" stays the matcher's.
_VANITY = re.compile(
    r"(?<![\w+-])(?:1[\s.-]?)?(?:\(8(?:00|33|44|55|66|77|88)\)\s?|8(?:00|33|44|55|66|77|88)[\s.-])"
    r"(?=(?:[0-9-]*[A-Z]){3})[0-9A-Z](?:-?[0-9A-Z]){6}(?![\w-])"
)


@lru_cache(maxsize=8)  # a policy is read for its contacts and for its choices' hows
def find_phones(text: str) -> tuple[Phone, ...]:
    """The phone numbers in `text`, in text order, each with its E.164 form."""
    # A whole policy: RE2 finds where each run of digits or vanity number may start (`re` alone tries every
    # position). Passages (`has_phone`) keep plain `re`, so as not to displace the policy's own encoding.
    return _find(text, prefix_scan.finditer)


def has_phone(text: str) -> bool:
    """Whether a passage gives a phone number (not remembered: a policy has hundreds of passages)."""
    return _DIGIT_RUN.search(text) is not None and bool(_find(text))


def spelled(value: str) -> bool:
    """Whether a number is written in letters ("1-800-VERIZON")."""
    return _VANITY.fullmatch(value) is not None


def dial_digits(value: str) -> str:
    """What to dial for a phone number as written, without its extension: with a country code its E.164 form
    (the national "0" of "+353 017650100" dropped), else its digits, a vanity number's letters read off the keypad."""
    main = _main_part(value)
    if "+" in main:
        try:
            return phonenumbers.format_number(phonenumbers.parse(main, REGION), phonenumbers.PhoneNumberFormat.E164)
        except phonenumbers.NumberParseException:
            pass
    if spelled(main.strip()):
        main = phonenumbers.convert_alpha_characters_in_number(main)
    return phonenumbers.normalize_digits_only(main)


def _main_part(value: str) -> str:
    match = _EXTENSION.search(value)
    return value[: match.start()] if match else value


def _finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    return pattern.finditer(text)


def _find(text: str, finditer: _Finditer = _finditer) -> tuple[Phone, ...]:
    found = [*_matched(text, finditer), *_vanity(text, finditer)]
    found.sort(key=lambda phone: phone.start)
    return tuple(phone for phone in found if _reads_as_phone(text, phone))


def _matched(text: str, finditer: _Finditer) -> list[Phone]:
    windows: list[list[int]] = []
    for run in finditer(_DIGIT_RUN, text):
        low, high = max(0, run.start() - _BEFORE), min(len(text), run.end() + _AFTER)
        if windows and low <= windows[-1][1]:
            windows[-1][1] = high
        else:
            windows.append([low, high])
    found = []
    for low, high in windows:
        for match in phonenumbers.PhoneNumberMatcher(text[low:high], REGION, leniency=phonenumbers.Leniency.VALID):
            start, raw = low + match.start, match.raw_string
            if _UNCLOSED.match(raw):
                start, raw = start + 1, raw[1:]
            e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            found.append(Phone(start, low + match.end, raw, e164))
    return found


def _vanity(text: str, finditer: _Finditer) -> list[Phone]:
    found = []
    for match in finditer(_VANITY, text):
        number = phonenumbers.parse(match.group(0), REGION)
        if phonenumbers.is_valid_number(number):
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            found.append(Phone(match.start(), match.end(), match.group(0), e164))
    return found


def _reads_as_phone(text: str, phone: Phone) -> bool:
    if not _GROUPED.search(phone.raw):
        return False
    before = text[max(0, phone.start - 30) : phone.start]
    return not _NOT_PHONE_BEFORE.search(before) or _PHONE_WORD_BEFORE.search(before) is not None
