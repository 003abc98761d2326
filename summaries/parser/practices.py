"""Practice labels (the ten OPP-115 categories) by weighted cue scoring.

Every practice sums the weights of the distinct cues of `vocab_practices` found in the passage; cues
found in the heading (given, or run into the passage's first words) count extra. Sentences about the
policy itself ("This policy explains what we collect and how we share it", "For more information, see
...", "Cookies are small files ...") are taken out before scoring and count towards `other`. The shape of
a passage decides some labels outright: titles and dates, contents lists, list lead-ins are `other`; list
items lean to collection. The best-scoring practice wins if it beats `other` and clears a small bar, and a
few practices may join it as runners-up (passages often mix collection and sharing). Deterministic and
pure: the same text always gets the same labels.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summaries.parser import codes, learned
from summaries.parser.cue_index import CueIndex
from summaries.parser.phones import has_phone
from summaries.parser.sentences import split
from summaries.parser.vocab_practices import VOCAB

PRACTICES = codes.PRACTICES

THRESHOLD = 2.5  # a winner scoring at least this may take runners-up along
FALLBACK_MIN = 1.0  # below THRESHOLD a weak winner still beats `other` if it clears this
RUNNER_UP_RATIO = 0.5  # a second practice joins when it scores this close to the winner
RUNNER_UP_MIN = 3.0  # ... and clears this absolute bar
OTHER_RATIO = 1.0  # `other` wins when its own cues score this close to the best practice
LIST_ITEM_BONUS = 2.0  # towards collection, for a list item ("respond to your inquiries;")
META_WEIGHT = 3.0  # per sentence about the policy itself, towards `other`
# Per-practice scale: practices with many cue words (collection) would otherwise outvote sparse ones.
SCALE = dict.fromkeys(PRACTICES, 1.0)
SCALE.update(third_party_sharing=0.9, user_access=1.1, data_retention=0.6, policy_change=1.35, specific_audiences=1.5)
# Practices that may join a winner. Collection, choice and security words turn up in passages about other
# practices so often ("we share the information we collect") that as runners-up they mislead more than help.
SECONDARY = frozenset({"third_party_sharing", "specific_audiences", "do_not_track", "user_access"})
# Practices often stated in passing inside a passage about something else: they join at this score, however
# high the winner's.
NO_SHARING_RUNNER_UP = frozenset({"specific_audiences", "do_not_track"})
SECONDARY_ANY = {"data_retention": 2.5, "data_security": 7.0, "policy_change": 7.0}
CHANGE_WITH_OTHER = 2.0  # a change notice inside an introduction or contact passage is labelled as both

# All practices' cues in one index each, body and heading: one pass over a passage finds every cue in it.
_BODY_CUES = [(code, weight) for code in PRACTICES for _pattern, weight in VOCAB[code][0]]
_HEAD_CUES = [(code, weight) for code in PRACTICES for _pattern, weight in VOCAB[code][1]]
_HEAD = CueIndex([pattern for code in PRACTICES for pattern, _weight in VOCAB[code][1]])


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that may sit inside a Title Case heading without being capitalised.
_SMALL = _wordset(
    "a an and or of the to for in on at by with from about how what why when where who do does is are we you "
    "your our us this these its it can may will not that which under into as if via per than"
)
# Capitalised words that usually open the first sentence after a run-in heading.
_STARTERS = _wordset(
    "We You Your Our This These If When The In As For Any By Some Most Many Unless While Where Please It Although "
    "All Each To At Like Under From With Information Personal"
)
_DASHES = ("-", "–", "—")
_TOKEN = re.compile(r"\S+")


def heading_zone(text: str) -> str:
    """The heading a passage starts with, if any: an upper-case or Title Case run, or a short first line."""
    head = text.lstrip()[:200]
    first_line, newline, _ = head.partition("\n")
    if newline and len(first_line) <= 90 and not first_line.rstrip().endswith("."):
        return first_line.strip()
    question = re.match(r"\s*([A-Z][^.!?\n]{3,90})\?", head)
    if question:
        return question.group(1).strip()
    tokens = _TOKEN.findall(head)
    if not tokens:
        return ""
    # Leading numbering ("4.", "IV.", "(a)") is not part of the heading words.
    if re.fullmatch(r"\(?(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])[.):]?", tokens[0], re.IGNORECASE) and len(tokens) > 1:
        tokens = tokens[1:]
    caps = _caps_run(tokens)
    if caps:
        return " ".join(caps)
    words: list[str] = []
    for token in tokens[:14]:
        bare = token.strip("\"'()[],")
        if not bare:
            continue
        if bare[0].isupper() or bare[0].isdigit() or bare.lower() in _SMALL or bare in "&-–—/":
            words.append(token)
            if token[-1] in ".:?!" or token in _DASHES:
                return " ".join(words).rstrip(".:?!-–— ")
            continue
        break
    if len(words) == len(tokens):
        return " ".join(words)
    while words and (words[-1].strip("\"'(") in _STARTERS or words[-1].lower() in _SMALL):
        words.pop()
    return " ".join(words) if len(words) >= 1 else ""


def _caps_run(tokens: list[str]) -> list[str]:
    run: list[str] = []
    for token in tokens[:16]:
        letters = [c for c in token if c.isalpha()]
        if (letters and all(c.isupper() for c in letters) and (len(letters) > 1 or token in ("A", "I", "&"))) or (
            not letters and run
        ):
            run.append(token)
        else:
            break
    if run and sum(len(t) for t in run) >= 4:
        # A lone upper-case acronym opening a sentence ("IP addresses ...") is not a heading.
        if len(run) == 1 and len(tokens) > 1 and tokens[1][:1].islower():
            return []
        return run
    return []


def practice_scores(text: str, heading: str = "") -> dict[str, float]:
    """The cue score of every practice; exposed for inspection and tuning."""
    return dict(_scores(text, heading))


# Sentences about the policy itself ("This policy explains what we collect and how we share it") name every
# practice without describing any: they make a passage an introduction, and their words must not count.
_META = re.compile(
    r"\b(?:this|our|the) (?:following |present |current )?(?:online |website |web site )?(?:privacy )?"
    r"(?:policy|statement|notice|document)\b"
    r"[^.]{0,80}?\b(?:explains?|describes?|outlines?|sets? (?:out|forth)|tells?|informs?|discloses|covers|applies|"
    r"pertains|governs|"
    r"addresses|summari[sz]es|(?:is|are) (?:intended|designed|meant)|lets you know|will help you understand)\b|"
    r"\b(?:in|under) this (?:online )?(?:privacy )?(?:policy|statement|notice),? we (?:describe|explain|tell)|"
    r"\b(?:read|review) (?:this|our|the) (?:entire )?(?:privacy )?(?:policy|statement|notice) (?:carefully|in full|to)|"
    r"\b(?:what|which|the types? of) (?:\w+ ){0,3}(?:information|data) (?:we|is) (?:\w+ )?(?:collect|gather|"
    r"receive)\w*[^.]{0,60}\b(?:how|why) (?:we|it|that|this)|"
    r"\b(?:learn|read|find out|know) more about (?:how|what)|"
    r"\b(?:questions?|concerns?|comments?|complaints?|suggestions?)\b[^.]{0,120}"
    r"\b(?:contact|write to|e-?mail|call) (?:us|our)|"
    r"\bif you have any (?:questions|concerns)|"
    # Pointers elsewhere and definitions of the technology say nothing about what this company does.
    r"\b(?:for (?:more|additional|further) information|to learn more|to find (?:out )?more)\b[^.]{0,150}"
    r"\b(?:visit|see|go to|click|refer|read|review|consult)\b|"
    r"\b(?:cookies|web beacons|pixel tags|clear gifs|flash cookies|log files) (?:are|is) (?:a |an )?(?:small|tiny|"
    r"simple|short|little|unique|electronic|text|data|pieces?|strings?|bits?|files?|snippets?)\b|"
    r"(?:^|\W)(?:a|an|the) (?:\"|')?(?:cookie|web beacon|pixel tag|clear gif|flash cookie|log file)(?:\"|')? is "
    r"(?:a|an|often|typically|usually|simply|basically)\b|"
    r"\bwhen we use the (?:term|phrase|word)s?\b|\bwe mean\b|\bis defined as\b|"
    r"\bfor (?:any )?(?:enquiries|inquiries)\b|"
    r"\b(?:this|our|the) (?:online )?(?:privacy )?(?:policy|statement|notice) (?:does not|doesn't|shall not) "
    r"(?:apply|cover)",
)
# Behind a literal index: most passages hold none of its phrases, and the index says so fast. The body index
# holds it too, last, so that one scan of a passage answers both.
_META_CUES = CueIndex([_META.pattern])
_BODY = CueIndex([*(pattern for code in PRACTICES for pattern, _weight in VOCAB[code][0]), _META.pattern])
_META_HIT = len(_BODY_CUES)
_LIST_LEAD = re.compile(
    r"\b(?:the following|as follows|in (?:a few|several|a couple(?: of)?|various|different|two|three|many|a number of)"
    r" (?:different |other )?ways)\b[^.]{0,40}[.:]?\s*$",
    re.IGNORECASE,
)
# An e-mail address or telephone number: how to reach the company, which the OPP-115 scheme files under `other`
# ("contact information") whatever else the passage is about.
_EMAIL = re.compile(r"\w@[\w-]+\.[A-Za-z]{2,}")
# ... except in sections for parents, residents of some state or region, whose contact lines belong to that section.
CONTACT_JOINS = frozenset(PRACTICES) - {"other", "specific_audiences"}
_SHARING_HEAD = re.compile(r"\b(?:shar(?:e|ing)|disclos(?:e|ure)|transfer|sell|sale|rent)")


@lru_cache(maxsize=4096)
def _scores(text: str, heading: str) -> tuple[tuple[str, float], ...]:
    body = full = _normalise(text)
    full_hits = _BODY.matching(full)
    kept = []
    meta = 0
    # Most passages hold no sentence about the policy: one search of the whole rules that out.
    sentences = split(text) if full_hits and full_hits[-1] == _META_HIT else ()
    for sentence in sentences:
        if _META_CUES.search(_normalise(sentence)):
            meta += 1
        else:
            kept.append(sentence)
    if meta:
        body = _normalise(" ".join(kept))
    head = _normalise(" ".join(part for part in (heading, heading_zone(text)) if part))
    # Weights are added in vocabulary order, practice by practice, so every sum is the same float each time.
    scores = dict.fromkeys(PRACTICES, 0.0)
    body_hits = full_hits if body is full else _BODY.matching(body)
    for index in body_hits:
        if index != _META_HIT and (cue := _BODY_CUES[index])[0] != "policy_change":
            scores[cue[0]] += cue[1]
    # Change notices talk about "this policy" and so read as sentences about the policy: judge them whole.
    for index in full_hits:
        if index != _META_HIT and (cue := _BODY_CUES[index])[0] == "policy_change":
            scores[cue[0]] += cue[1]
    scores["other"] += META_WEIGHT * min(meta, 2)
    if head:
        # "How We Disclose Information We Collect" is about sharing: its collection words do not count.
        sharing = _SHARING_HEAD.search(head) is not None
        for index in _HEAD.matching(head):
            code, weight = _HEAD_CUES[index]
            if not (sharing and code == "first_party_collection"):
                scores[code] += weight
    return tuple(scores.items())


def _has_contact(text: str) -> bool:
    if "@" in text and _EMAIL.search(text):
        return True
    return has_phone(text)


@lru_cache(maxsize=256)  # a passage is normalised for its scores and again for its second labels
def _normalise(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return squeeze_spaces(text)


def squeeze_spaces(text: str) -> str:
    """`re.sub(r"\\s+", " ", text)`, by str.split: re's \\s and str.isspace are the same 29 characters, and a split
    and join runs at C speed where the regex substitution steps through every character (3-4x on a passage)."""
    words = text.split()
    if not words:
        return " " if text else ""
    squeezed = " ".join(words)
    if text[0].isspace():
        squeezed = " " + squeezed
    if text[-1].isspace():
        squeezed += " "
    return squeezed


_DATE = r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}/\d{2}|\b(?:19|20)\d\d\b|"
_DATE += r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d)"
_TITLE_LINE = re.compile(
    r"privacy (?:policy|statement|notice|center|centre|policies)|last (?:updated|revised|modified)|"
    r"\b(?:effective|revised|updated)\b|" + _DATE,
    re.IGNORECASE,
)
_WAS_UPDATED = re.compile(r"\b(?:was|were|is) (?:last )?(?:updated|revised|modified|effective)", re.IGNORECASE)
_SENTENCE_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|may|will|can|do|does|did|have|has|collect\w*|use[sd]?|share[sd]?|"
    r"provide[sd]?|receive[sd]?|keep|retain|sell|disclose[sd]?)\b",
    re.IGNORECASE,
)
# A fragment of a list of purposes ("respond to your inquiries;"): lower-case or verb start, short.
_PURPOSE_ITEM = re.compile(
    r"^\s*(?:[-•*]\s*|\(?[a-z0-9]{1,3}[.)]\s*)?(?:to\s+)?(?:[a-z]|(?:Provide|Prevent|Conduct|Help|Improve|Send|"
    r"Communicate|Personali[sz]e|Process|Respond|Administer|Measure|Analy[sz]e|Deliver|Offer|Notify|Contact|Manage|"
    r"Enable|Operate|Verify|Protect|Customi[sz]e|Fulfil|Track|Display|Understand|Develop|Perform|Facilitate|Enforce|"
    r"Detect|Investigate|Inform|Allow|Attribute|Create|Implement|Tailor|Remember|Recogni[sz]e|Determine|"
    r"Maintain|Complete|Identify|Research)\b)"
)


# A numbered table of contents: at least this many entries such as "4. Sharing".
_CONTENTS = re.compile(r"(?:^|\s)(?:\d{1,2}|[IVX]{1,4})\.\s+[A-Z]")
_CONTENTS_ENTRIES = 4
# Every entry holds one of these, and they cannot overlap: fewer of them rule the contents out, and `re` finds
# them far faster than it tries `_CONTENTS`, which has no literal to skip to, at every position.
_NUMBER_DOT = re.compile(r"[\dIVX]\.")
_CAPITAL = re.compile(r"[A-Z]")


def _structural(text: str) -> list[str] | None:
    """Labels decided by the passage's shape rather than its words: titles, dates, contents lists."""
    stripped = text.strip()
    if len(stripped) <= 130 and _TITLE_LINE.search(stripped):
        words = _SENTENCE_VERB.findall(stripped)
        if not words or _WAS_UPDATED.search(stripped):
            return ["other"]
    if len(stripped) < 160 and _LIST_LEAD.search(stripped):
        return ["other"]  # the lead-in to a list, however it ends
    entries = _CONTENTS_ENTRIES
    if len(_NUMBER_DOT.findall(stripped)) >= entries and len(_CONTENTS.findall(stripped)) >= entries:
        return ["other"]  # a numbered table of contents
    # A list of titles has at least 9 capitalised words, so at least 9 capitals: most passages have fewer, and
    # counting them is cheaper than listing the words.
    if len(_CAPITAL.findall(stripped)) < 9:
        return None
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", stripped)
    content = [w for w in words if w.lower() not in _SMALL]
    if len(content) >= 10 and sum(w[0].isupper() for w in content) >= 0.85 * len(content):
        return ["other"]  # a list of section titles
    return None


# Second labels read off single sentences. A passage about sharing often says in one sentence what the company
# itself collects or uses, and a passage about collection in one sentence who else receives or collects the data;
# the passage's summed score hides such a sentence, its subject and verb do not.
_MODAL = r"(?:(?:may|might|will|would|can|could|also|only|generally|automatically|do not|not|never|sometimes|"
_MODAL += r"routinely|and our [\w-]+(?: [\w-]+)?)\s+)*"
# "we collect", "we may also use", "we will ask you" -- the company doing it, in a main clause ...
_WE_COLLECT = re.compile(
    r"\bwe " + _MODAL + r"(?:collect|gather|obtain|receive|record|log|ask|request|require|use|track|store|capture|"
    r"analy[sz]e)s?\b"
)
# ... not in a relative clause naming the data ("the information we collect is shared with ...").
_RELATIVE_HEAD = _wordset("information data details content everything anything what that which whatever")
# A sentence naming another party, or passing data on, is no plain statement of the company's own collection.
_OUTSIDE_WORDS = re.compile(
    r"third[- ]?part|advertis|\bpartners?\b|service providers?|vendors?|\bcompan(?:y|ies)\b|affiliat|\bthey\b|"
    r"\bthem\b|\btheir\b|\bsponsors?\b|social (?:network|media)|\bshar(?:e|es|ed|ing)\b|\bdisclos|\bsell\b|"
    r"\bsold\b|\btransfer"
)
_OUTSIDERS = (
    r"(?:third[- ]?part(?:y|ies)(?: [\w-]+){0,3}|(?:ad|advertising|analytics) (?:networks?|companies|partners|"
    r"providers|vendors|services)|advertisers|(?:these|such|those|other) (?:companies|parties|partners|providers|"
    r"vendors|third parties|networks|advertisers)|(?:our )?(?:business |marketing |advertising )?partners|"
    r"service providers|vendors)"
)
# Another party collecting ("third-party ad networks may place cookies"): the subject's head word is enough to
# start a match, so no common word ("these", "our") opens the pattern.
_OUTSIDE_COLLECTS = CueIndex(
    [
        r"\b(?:third[- ]?part(?:y|ies)(?: [\w-]+){0,3}|(?:ad|advertising|analytics) (?:services|servers?)|advertisers|"
        r"companies|partners|providers|vendors|networks)(?:,? (?:such as|including|like) [^,]{1,40},)? "
        + _MODAL
        + r"(?:collect|gather|place|set|serve|receive|obtain|access|track|use (?:cookies|web beacons|pixels|tracking|"
        r"the|this|that|such|your|information|data))"
    ]
)
# ... or the company passing data on to one.
_WE_PASS_ON = re.compile(
    r"\bwe " + _MODAL + r"(?:share|disclose|sell|rent|transfer|provide|pass|make available)\b[^.]{0,80}"
    r"\b(?:with|to) (?:our |the |these |such |certain |other |select(?:ed)? |trusted |any |unaffiliated )*" + _OUTSIDERS
)
_PASS_ON_HINTS = ("share", "disclos", "sell", "rent", "transfer", "provide", "pass", "make available")
# How long data is kept: a keeping or deleting verb and a span or an end point in one sentence.
_SPAN_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty|thirty|sixty|ninety)"
_SPAN = (
    r"(?:\b" + _SPAN_NUMBER + r" (?:\w+ )?(?:days?|weeks?|months?|years?)\b|\bas long as\b|\bno longer than\b|"
    r"\bany longer than\b|\bonce (?:we|you|the|it|this|your)\b|\bindefinitely\b|\buntil (?:you|your|the|we|it)\b|"
    r"\bafter (?:the|your|you|we|it|a|each)\b)"
)
_KEEP_VERB = (
    r"\b(?:keep|keeps|kept|store|stores|stored|storing|retain|retains|retained|save|saves|saved|hold|holds|held|"
    r"maintain|maintains|maintained|delete|deletes|deleted|deleting|remove|removes|removed|purge|purges|purged|"
    r"destroy|destroys|destroyed|erase|erases|erased|discard|discards|discarded|dispose|disposed|"
    r"anonymi[sz]e|anonymi[sz]ed)\b"
)
_KEPT_FOR_PATTERN = _KEEP_VERB + r"[^.;]{0,80}?" + _SPAN + "|" + _SPAN + r"[^.;]{0,60}?" + _KEEP_VERB
_KEPT_FOR = CueIndex([_KEPT_FOR_PATTERN])


# Cheap substring tests in front of the sentence patterns: most passages hold no span of time or no party.
_SPAN_HINTS = ("day", "week", "month", "year", "as long as", "longer than", "indefinitely", "once ", "until ", "after ")
_KEEP_HINTS = (
    "keep",
    "kept",
    "stor",
    "retain",
    "sav",
    "hold",
    "held",
    "maintain",
    "delet",
    "remov",
    "purg",
    "destro",
    "eras",
    "discard",
    "dispos",
    "anonymi",
)


def _sentences(full: str) -> list[str]:
    """The sentences of a normalised (lower-case) passage."""
    return split(full, lowered=True)


def _states_own_collection(full: str) -> bool:
    """Whether one sentence says, with no other party in it, that the company collects or uses data."""
    if "we " not in full:
        return False
    for sentence in _sentences(full):
        if "we " not in sentence or _OUTSIDE_WORDS.search(sentence):
            continue
        for match in _WE_COLLECT.finditer(sentence):
            before = sentence[: match.start()].rstrip().rpartition(" ")[2]
            if before not in _RELATIVE_HEAD:
                return True
    return False


def _states_retention(full: str) -> bool:
    """Whether one sentence says how long something is kept (cookie lifetimes aside: the browser keeps those)."""
    if not any(hint in full for hint in _SPAN_HINTS) or not any(hint in full for hint in _KEEP_HINTS):
        return False
    # A sentence's match is one of the passage too: the pattern reads no context but `\b`, and the sentences
    # are cut at single spaces, which `\b` reads like a text's ends. One search of the passage rules most out.
    if not _KEPT_FOR.search(full):
        return False
    return any("cookie" not in s and _KEPT_FOR.search(s) for s in _sentences(full))


def _second_labels(text: str, labels: list[str]) -> list[str]:
    """Labels a single sentence adds to the passage's own: see the patterns above."""
    # The stripped passage, normalised: outer white space is one space at most once normalised, and lower-casing
    # reads no white space (a final sigma looks only at letters), so this is the normalised passage less that.
    full = _normalise(text).strip(" ")
    extra = []
    best = labels[0]
    if best == "third_party_sharing" and "first_party_collection" not in labels and _states_own_collection(full):
        extra.append("first_party_collection")
    if (
        best == "first_party_collection"
        and "third_party_sharing" not in labels
        and (
            _OUTSIDE_COLLECTS.search(full)
            or ("we " in full and any(hint in full for hint in _PASS_ON_HINTS) and _WE_PASS_ON.search(full))
        )
    ):
        extra.append("third_party_sharing")
    if "data_retention" not in labels and _states_retention(full):
        extra.append("data_retention")
    return extra


def classify_practices(text: str, heading: str = "") -> list[str]:
    """Practice codes for one passage: the learned model's where it is switched on, else the rules'."""
    labels = rule_practices(text, heading)
    if not learned.enabled():
        return labels
    return learned.learned_practices(text, heading, practice_scores(text, heading), labels) or labels


def rule_practices(text: str, heading: str = "") -> list[str]:
    """Practice codes for one passage by the cue rules, best first; `other` when no practice is clearly described."""
    fixed = _structural(text)
    if fixed is not None:
        return fixed
    stripped = text.strip()
    if len(stripped) < 150 and heading_zone(stripped) == " ".join(stripped.split()):
        return ["other"]  # a bare heading, with nothing under it
    if len(stripped) < 220 and stripped.endswith(":"):
        # The lead-in to a list ("We use information to:") is labelled as an introduction.
        return ["other"]
    scores = {code: score * SCALE[code] for code, score in _scores(text, heading)}
    list_item = (len(stripped) < 300 and stripped[-1:] in ";,") or stripped.endswith(("; and", "; or", " and", " or"))
    list_item = list_item or (len(stripped) < 400 and stripped[:1].islower())  # a fragment cut from a list
    if list_item:
        # Items of a list of purposes or of data kinds most often belong to a collection section.
        scores["first_party_collection"] += LIST_ITEM_BONUS + (1.0 if _PURPOSE_ITEM.match(stripped) else 0.0)
    ranked = sorted(((s, c) for c, s in scores.items() if c != "other"), reverse=True)
    best_score, best = ranked[0]
    other = scores["other"]
    if other >= OTHER_RATIO * best_score or best_score < FALLBACK_MIN:
        # Introductions and contact passages often close with how the policy changes.
        return ["other", "policy_change"] if scores["policy_change"] >= CHANGE_WITH_OTHER else ["other"]
    contact = best in CONTACT_JOINS and _has_contact(stripped)
    if best_score < THRESHOLD:
        labels = [best, *_second_labels(text, [best])]
        return [*labels, "other"] if contact else labels
    labels = [best]
    for score, code in ranked[1:]:
        close = code in SECONDARY and score >= RUNNER_UP_MIN and score >= RUNNER_UP_RATIO * best_score
        # Audience and Do Not Track sections name third parties in passing (the California disclosure right).
        close = close and not (code == "third_party_sharing" and best in NO_SHARING_RUNNER_UP)
        if close or score >= SECONDARY_ANY.get(code, float("inf")):
            labels.append(code)
    labels += _second_labels(text, labels)
    if contact:
        labels.append("other")
    return labels
