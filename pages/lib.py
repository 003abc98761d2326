"""The readable text diff between two versions, for the diff page.

The diff itself lives in `summaries.textdiff` (bounded cost); the pages read it from here.
Labels for card codes live on the codes (`summaries.parser.codes`), query strings are read by
`pages.forms`, highlighting is a template filter (`pages.templatetags.fineprint`).
"""

from __future__ import annotations

from summaries.textdiff import Segment as Segment
from summaries.textdiff import TextDiff as TextDiff
from summaries.textdiff import split_units as split_units
from summaries.textdiff import text_diff as text_diff
