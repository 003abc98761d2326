"""The grade level is the Flesch-Kincaid grade as textstat 0.7.13 computed it, without textstat.

The expected values were computed with textstat 0.7.13 (`textstat.flesch_kincaid_grade` with
`set_lang("en-US")`), the library the cards used before: stored cards keep their grades.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from summaries.parser.stats import compute_stats, flesch_kincaid_grade


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("We collect your email address when you order. We share it with our delivery partners.", 3.855),
        # Apostrophes of contractions stay inside their words; "e.g." and "No. 5" are not sentences.
        ("You may opt out at any time. We don't sell your personal information; we've never done so.", 3.68970588),
        (
            "Our partners' 'trusted' services, e.g. analytics providers, receive device identifiers. No. 5 applies.",
            8.72961538,
        ),
        ("Questions? Write to privacy@example.com. Thank you!", 10.35),
        (
            "Notwithstanding the foregoing, personally identifiable information may be disclosed to "
            "governmental authorities pursuant to applicable legislation.",
            23.1,
        ),
    ],
)
def test_the_grade_is_textstats_flesch_kincaid_grade(text, grade):
    assert flesch_kincaid_grade(text) == pytest.approx(grade, abs=1e-6)


def test_text_without_words_has_grade_zero_and_no_grade_level():
    assert flesch_kincaid_grade("") == 0.0
    assert flesch_kincaid_grade("... !!!") == 0.0
    assert compute_stats("... !!!")["grade_level"] is None


def test_grading_does_not_import_nltk_or_scipy():
    # textstat imported NLTK, and NLTK SciPy and scikit-learn: seconds and ~100 MB per parsing process.
    code = (
        "import sys; from summaries.parser import summarize; "
        "summarize('Privacy policy. We collect your email address and share it with advertisers.'); "
        "print(sorted(m for m in ('nltk', 'scipy', 'sklearn', 'textstat') if m in sys.modules))"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert found.strip() == "[]"
