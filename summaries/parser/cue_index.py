"""Many cue patterns searched in one text at once, running only the few that may match it.

All the patterns' RE2 forms (`re2_forms`: RE2 patterns that match wherever the Python pattern does) sit in
one RE2 filter (google-re2's `Filter`), which finds the literals the forms need in one pass over a text and
runs only the forms whose literals are all there, in RE2. A form that matched settles the answer when it is
exact for the text; otherwise its pattern runs with `re` to check, so the answer is always `re`'s own. A
pattern without a form is searched in every text. Two filters: one for ASCII texts (and texts whose other
characters are only punctuation such as curly quotes), where most forms are exact, and one for any text,
where every match is checked. Patterns are reported in the order given,
so callers that add weights add them in the same order as a plain loop would.

(One RE2 set of all the forms would read a text once, but for a few hundred cues it builds a new automaton
state at nearly every character of a new passage: slower than `re` itself.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import re2

from summaries.parser.re2_forms import FORM_OPTIONS, Form, ascii_like, re2_form

_Search = Callable[[str], object]


class _Prefilter:
    """The patterns' RE2 forms in one RE2 filter: `matching(text, searches)` runs what the filter cannot settle.

    The filter knows the literals each form needs, finds all of them in the text in one pass and runs only the
    forms whose literals are all there. A form that matched is checked with the pattern itself unless it is
    exact; a pattern without a form is searched in every text."""

    __slots__ = ("_always", "_everything", "_filter", "_patterns", "_unsure")

    def __init__(self, forms: Sequence[Form | None]) -> None:
        self._filter = re2.Filter()
        self._patterns: list[int] = []  # the pattern behind each form the filter holds, in the filter's order
        self._unsure: list[bool] = []  # per form in the filter: whether its match needs checking
        self._always = [index for index, form in enumerate(forms) if form is None]
        for index, form in enumerate(forms):
            if form is not None:
                self._filter.Add(form.pattern, FORM_OPTIONS)
                self._patterns.append(index)
                self._unsure.append(not form.exact)
        if self._patterns:
            self._filter.Compile()
        self._everything = list(range(len(forms)))

    def matching(self, text: str, searches: Sequence[_Search]) -> list[int]:
        found: Sequence[int] = ()
        if self._patterns:
            try:
                found = self._filter.Match(text, False) or ()
            except UnicodeEncodeError:  # a lone surrogate: RE2 reads UTF-8 only
                return [index for index in self._everything if searches[index](text)]
        patterns, unsure = self._patterns, self._unsure
        matched = [patterns[at] for at in found if not unsure[at] or searches[patterns[at]](text)]
        if self._always:
            matched.extend(index for index in self._always if searches[index](text))
            matched.sort()
        return matched


class CueIndex:
    """`matching(text)`: the indices of the patterns that `re.search` would find in the text, ascending."""

    __slots__ = ("_ascii", "_searches", "_wide")

    def __init__(self, patterns: Sequence[str]) -> None:
        self._searches = [re.compile(pattern).search for pattern in patterns]  # an invalid pattern fails here
        self._ascii = _Prefilter([re2_form(pattern, ascii=True) for pattern in patterns])
        wide = [re2_form(pattern, ascii=False) for pattern in patterns]
        self._wide = _Prefilter([None if form is None or form.caseless else form for form in wide])

    def matching(self, text: str) -> list[int]:
        return (self._ascii if ascii_like(text) else self._wide).matching(text, self._searches)

    def search(self, text: str) -> bool:
        """Whether any of the patterns matches the text."""
        return bool(self.matching(text))
