"""Weak practice labels from a paragraph's section heading.

Policies name their sections for what they hold ("How long we keep your information", "Changes to this policy"),
so a heading is a cheap, noisy label for every paragraph under it. Only headings that name one practice plainly
give a label; a heading naming two ("Sharing and disclosure of the information we collect") gives the first
that the patterns below find, in this order, because rarer practices are the ones worth catching.
"""

from __future__ import annotations

import re

# In order: the first pattern that matches a heading gives its label.
HEADING_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (code, re.compile(pattern, re.IGNORECASE))
    for code, pattern in (
        ("do_not_track", r"\bdo[- ]not[- ]track\b|\bdnt\b"),
        (
            "policy_change",
            r"\bchanges? (?:to|in|of) (?:this|our|the)\b|\bupdates? (?:to|of) (?:this|our|the)\b|"
            r"\b(?:policy|notice|statement) (?:changes|updates)\b|\bamendments?\b|\bmodifications? to\b",
        ),
        (
            "data_retention",
            r"\bretention\b|\bretain\b|\bhow long\b|\bkeep(?:ing)? (?:your )?(?:personal )?(?:data|"
            r"information)\b|\bstorage period\b",
        ),
        (
            "data_security",
            r"\bsecurity\b|\bsecure\b|\bsafeguard|\bprotect(?:ing|ion of)? (?:your )?(?:personal )?"
            r"(?:data|information)\b",
        ),
        (
            "specific_audiences",
            r"\bchild(?:ren)?\b|\bminors?\b|\bkids\b|\bteens?\b|\binternational\b|"
            r"\b(?:cross[- ]border|international) (?:data )?transfers?\b|\btransfers? (?:of|outside|across|abroad)\b|"
            r"\bcalifornia\b|\bnevada\b|\bvirginia\b|\bcolorado\b|\beurope(?:an)?\b|\beea\b|\bgdpr\b|\bu\.?k\.?\b|"
            r"\bcanad(?:a|ian)\b|\bbrazil\b|\bjapan\b|\bresidents\b|\bregion-specific\b|\bstate[- ]specific\b|"
            r"\bjurisdiction",
        ),
        (
            "user_access",
            r"\baccess(?:ing)?,? (?:and |or )?(?:correct|updat|delet|chang|review)|\byour rights\b|"
            r"\b(?:correct|updat|review|delet|exercis)\w* (?:your|personal) (?:data|information|rights|account)\b|"
            r"\bdata subject\b|\bright(?:s)? (?:to|of) (?:access|deletion|erasure|portability)\b|\bportability\b|"
            r"\bdelet(?:e|ion|ing) (?:your )?account\b|\b(?:privacy |data |personal data |legal )?rights\b|"
            r"\baccess(?:ing)? (?:to )?your (?:personal )?(?:data|information)\b",
        ),
        (
            "user_choice",
            r"\bchoices?\b|\bopt(?:ing)?[- ]out\b|\bunsubscrib|\byour (?:privacy )?(?:options|controls?|"
            r"preferences|settings)\b|\bmanag\w+ (?:your )?(?:cookies|preferences|communications)\b|\bcontrol\b",
        ),
        (
            "third_party_sharing",
            r"\bshar(?:e|ing)\b|\bdisclos|\bthird[- ]part|\brecipients?\b|\bwho (?:we|do we) "
            r"(?:give|share)|\bsell|\bsale\b|\btransfer|\bservice providers\b|\bpartners\b|\badvertis",
        ),
        (
            "first_party_collection",
            r"\bcollect|\bgather|\bhow we use\b|\buse of (?:your )?(?:personal )?(?:data|"
            r"information)\b|\bwhy we (?:use|process)\b|\bpurposes?\b|\blegal bas[ie]s\b|\bcookies?\b|\btracking\b|"
            r"\binformation (?:we|you) (?:obtain|receive|provide)\b|\bhow (?:do )?we use\b|\bus(?:e|es) of\b|"
            r"\bprocess\b|"
            r"\buses\b|\bwhat (?:personal )?(?:data|information)\b|"
            r"\bcategories of (?:personal )?(?:data|information)\b|\bsources?\b|\bprocessing\b",
        ),
        (
            "other",
            r"\bcontact(?:ing)? us\b|\bquestions\b|\bintroduction\b|\boverview\b|\bscope\b|\bdefinitions?\b|"
            r"\bwho we are\b|\babout (?:this|us|the)\b|\bhow to (?:contact|reach)\b|\bcontroller\b|\blinks? to\b|"
            r"\bthird[- ]party (?:websites|sites|links)\b",
        ),
    )
)
# "Third-party websites" and "contact us" sections are `other` even though sharing patterns would match first.
_OTHER_FIRST = re.compile(
    r"\bthird[- ]party (?:websites|sites|links|services)\b|\blinks? to other\b|\bcontact us\b", re.IGNORECASE
)


def section_label(heading: str, outer: tuple[str, ...] = ()) -> str | None:
    """The practice the innermost heading that names one names, looking outwards from the paragraph."""
    for head in (heading, *reversed(outer)):
        label = heading_label(head)
        if label is not None:
            return label
    return None


def heading_label(heading: str) -> str | None:
    """The practice a section heading names, or None where it names none plainly."""
    if not heading.strip():
        return None
    if _OTHER_FIRST.search(heading):
        return "other"
    for code, pattern in HEADING_PATTERNS:
        if pattern.search(heading):
            return code
    return None
