"""The training sources' readers: ToS;DR case mapping, heading labels, OTA paragraph offsets."""

from __future__ import annotations

from summaries.parser import codes
from training import ota
from training.headings import heading_label, section_label
from training.tosdr_cases import CASES, practices_for_case

MARKDOWN = """Example Privacy Policy
======================

_Last updated: 1 May 2026_

How Long We Keep Your Information
---------------------------------

We keep order records for **seven years** to meet our [tax obligations](https://example.com/tax).

### Children

*   We do not knowingly collect data from children under 13.
*   Parents may contact us to remove it.
"""


def test_every_mapped_case_is_a_contract_code():
    assert all(CASES.values())
    assert {code for mapped in CASES.values() for code in mapped} <= set(codes.PRACTICES)


def test_case_lookup_ignores_case_and_spacing_and_files_terms_clauses_under_other():
    assert practices_for_case("This service  respects your browser's Do Not Track (DNT) headers") == ("do_not_track",)
    assert practices_for_case("You waive your right to a class action.") == ("other",)
    assert practices_for_case("Something nobody mapped") == ()
    assert practices_for_case(None) == ()


def test_headings_name_practices_and_outer_headings_are_consulted():
    assert heading_label("Changes to This Privacy Policy") == "policy_change"
    assert heading_label("How long do we keep your data?") == "data_retention"
    assert heading_label("Links to third-party websites") == "other"
    assert heading_label("Example Privacy Policy") is None
    assert section_label("A. Riders", ("Information We Share",)) == "third_party_sharing"


def test_paragraph_offsets_point_into_the_markdown_and_carry_their_headings():
    found = ota.paragraphs(MARKDOWN, "Example", "0" * 40, "2026-05-01")
    texts = [p.text for p in found]
    assert texts[1] == "We keep order records for seven years to meet our tax obligations."
    assert found[1].heading == "How Long We Keep Your Information"
    assert found[1].outer == ("Example Privacy Policy",)
    assert [p.heading for p in found[2:]] == ["Children", "Children"]
    for p in found:
        assert ota.plain(MARKDOWN[p.start : p.end]) == p.text
    assert len({p.key for p in found}) == len(found)
