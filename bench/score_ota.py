"""Score cards and card-level change summaries against the real-policy gold in tests/gold/.

    .venv/bin/python bench/score_ota.py                # cards and change summaries
    .venv/bin/python bench/score_ota.py --only cards   # or --only changes
    .venv/bin/python bench/score_ota.py -v             # every policy / pair, not only the wrong ones

The gold (tests/gold/ota_cards.json, tests/gold/ota_changes.json; method in tests/gold/README.md)
names Open Terms Archive versions by service and commit only. Their text is read at run time from
the OTA bundle in ../shared/ota, cloned once into a cache folder; nothing of it enters the repo.
It prints figures and does not fail; tests/parser/test_ota_gold.py holds the thresholds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared"
BUNDLE = SHARED / "ota" / "contrib-privacy-slice.bundle"
GOLD = ROOT / "tests" / "gold"
DOCUMENT = "Privacy Policy.md"
SET_FIELDS = ("collected", "shared", "choices", "contacts")

# Contact labels are free text on the card; the gold speaks in these codes. A card label is read
# as the first code whose words it contains; a label none of these describe reads as "general".
LABEL_CODES: list[tuple[str, re.Pattern[str]]] = [
    ("dpo", re.compile(r"\bdpo\b|data\s+protection\s+officer", re.I)),
    ("regulator", re.compile(r"regulator|authority|commission|supervisory|attorney\s+general|ombuds", re.I)),
    ("authorized_agent", re.compile(r"agent", re.I)),
    ("customer_service", re.compile(r"customer|support|service|help", re.I)),
    ("privacy_team", re.compile(r"privacy|data\s+protection|personal\s+(?:data|information)", re.I)),
    ("other_matter", re.compile(r"copyright|job|press|investor|legal\s+notice", re.I)),
    ("postal", re.compile(r"postal|mail(?:ing)?\s+address|post\b", re.I)),
]

# Hosts that are never a company's own consumer channel, whatever the gold lists: regulators and
# the lists of regulators. A policy's business portals are listed per policy in the gold.
REGULATOR_HOSTS = re.compile(
    r"(?:^|[./@])(?:[a-z0-9-]+\.)*(?:gov(?:\.[a-z]{2})?|gouv\.fr|europa\.eu|ico\.org\.uk|dataprotection\.ie|cnil\.fr|"
    r"autoriteitpersoonsgegevens\.nl|priv\.gc\.ca|oaic\.gov\.au|edpb\.europa\.eu|cppa\.ca\.gov)(?:[/:]|$)",
    re.I,
)


# ---------------------------------------------------------------------------------------------
# Reading OTA versions


def ota_clone() -> Path:
    """A clone of the OTA bundle: $FINEPRINT_OTA_CLONE, or one made once in the temp folder."""
    named = os.environ.get("FINEPRINT_OTA_CLONE")
    if named:
        return Path(named)
    if not BUNDLE.exists():
        raise SystemExit(f"score_ota: {BUNDLE} is absent (../shared is not beside this checkout)")
    tag = hashlib.sha256(f"{BUNDLE.stat().st_size}:{BUNDLE.stat().st_mtime}".encode()).hexdigest()[:12]
    target = Path(tempfile.gettempdir()) / f"fineprint-ota-{tag}"
    if not (target / "HEAD").exists():
        partial = target.with_name(target.name + f".{os.getpid()}")
        subprocess.run(["git", "clone", "-q", "--bare", str(BUNDLE), str(partial)], check=True)
        try:
            partial.rename(target)
        except OSError:  # another run finished first: use its clone
            subprocess.run(["rm", "-rf", str(partial)], check=True)
    return target


def version_bytes(clone: Path, ref: dict[str, str]) -> bytes:
    spec = f"{ref['commit']}:{ref['service']}/{DOCUMENT}"
    return subprocess.run(["git", "--git-dir", str(clone), "show", spec], capture_output=True, check=True).stdout


_SETEXT = re.compile(r"^\s*(?:=+|-+)\s*$")
_RULE = re.compile(r"^\s*(?:\*\s*){3,}$|^\s*(?:-\s*){3,}$")
_ATX = re.compile(r"^\s{0,3}#{1,6}\s+")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_BULLET = re.compile(r"^(\s*)[*+-]\s+")
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<![\w])_(?=\S)|(?<=\S)_(?![\w])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_BREAK = re.compile(r"<br\s*/?>", re.I)
_HIDDEN = 0xE000  # escaped characters wait in the private-use area while markers are removed


def markdown_to_text(markdown: str) -> str:
    """A crude Markdown-to-text stand-in, used only until ingestion accepts .md (issue 9).

    Keeps a link's text and its address ("form (https://…)"), so hows and contacts stay findable;
    drops in-page anchors, heading and emphasis markers and horizontal rules.
    """

    def shown(value: str) -> str:
        return re.sub("[\ue000-\ue0ff]", lambda m: chr(ord(m.group()) - _HIDDEN), value)

    def link(match: re.Match[str]) -> str:
        text, url = match.group(1).strip(), match.group(2).strip()
        if not url or url.startswith("#") or shown(url).removeprefix("mailto:") == shown(text):
            return text
        return f"{text} ({url.removeprefix('mailto:')})" if text else url

    lines = []
    for line in markdown.splitlines():
        if _SETEXT.match(line) or _RULE.match(line) or _TABLE_RULE.match(line):
            lines.append("")
            continue
        line = _ESCAPE.sub(lambda m: chr(_HIDDEN + ord(m.group(1))), line)
        if line.lstrip().startswith("|"):  # a table row: one line, its cells joined by " | "
            cells = [c.strip() for c in _BREAK.sub(" ", line).strip().strip("|").split("|")]
            line = " | ".join(c for c in cells if c)
        line = _ATX.sub("", line)
        line = _IMAGE.sub(r"\1", line)
        line = _LINK.sub(link, line)
        line = _BULLET.sub(r"\1• ", line)
        line = _EMPHASIS.sub("", line)
        line = shown(line)
        lines.append(_BREAK.sub(" ", line).rstrip())
    return "\n".join(lines)


def text_for(data: bytes) -> str:
    """One OTA version's normalised text: the project's ingestion if it takes .md, else the stand-in."""
    from policies.ingest import IngestError, extract, from_text

    try:
        return extract(data, "policy.md").text
    except IngestError:
        return from_text(markdown_to_text(data.decode("utf-8"))).text


def card_for(data: bytes) -> dict[str, Any]:
    from summaries.parser import summarize

    text = text_for(data)
    # With its text, as `summarize --with-text` gives it: card_changes compares texts, not only readings.
    return {**summarize(text), "text": text}


def cards_for(refs: Iterable[dict[str, str]], clone: Path) -> dict[str, dict[str, Any]]:
    cards: dict[str, dict[str, Any]] = {}
    for ref in refs:
        if ref["commit"] not in cards:
            cards[ref["commit"]] = card_for(version_bytes(clone, ref))
    return cards


# ---------------------------------------------------------------------------------------------
# Cards


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, got: set[str], required: set[str], also_ok: set[str]) -> tuple[set[str], set[str]]:
        wrong, missed = got - required - also_ok, required - got
        self.tp += len(got & required)
        self.fp += len(wrong)
        self.fn += len(missed)
        return wrong, missed

    def absorb(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def contact_key(kind: str, value: str) -> str:
    value = value.strip().casefold()
    if kind == "postal" or not (value.startswith("+") or "@" in value):
        return re.sub(r"[^a-z0-9]", "", value)
    return value


def card_contacts(card: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(kind, key, label) for every contact, in card order."""
    return [
        (
            str(c.get("kind")),
            contact_key(str(c.get("kind")), str(c.get("normalized") or c.get("value") or "")),
            str(c.get("label") or ""),
        )
        for c in card.get("contacts") or []
    ]


def contact_matches(kind: str, key: str, gold: str) -> bool:
    """A gold postal address or URL is a distinctive fragment (street and number, host and path)."""
    wanted = contact_key(kind, gold)
    if kind in ("postal", "url"):
        return bool(wanted) and wanted in key
    return key == wanted


def predicted_set(card: dict[str, Any], fld: str, gold: dict[str, Any]) -> set[str]:
    if fld != "contacts":
        key = {"collected": "type", "shared": "recipient", "choices": "type"}[fld]
        return {str(item.get(key)) for item in card.get(fld) or []}
    # Non-link contacts, named by the gold value they match (so a longer postal value still counts).
    names = [*gold["required"], *gold["also_ok"]]
    found = set()
    for kind, key, _ in card_contacts(card):
        if kind == "url":
            continue
        hit = next((g for g in names if contact_matches(kind, key, g) and _gold_kind(g) == kind), None)
        found.add(hit if hit is not None else f"{kind}:{key}")
    return found


def _gold_kind(value: str) -> str:
    if "@" in value:
        return "email"
    if value.startswith("+"):
        return "phone"
    return "postal"


def label_code(label: str, kind: str) -> str:
    for code, pattern in LABEL_CODES:
        if pattern.search(label):
            return code
    return "postal" if kind == "postal" else "general"


def _plain(value: str) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", value.strip().casefold()).removeprefix("mailto:")


def how_matches(how: dict[str, Any], gold: dict[str, Any]) -> bool:
    kinds = gold["kind"] if isinstance(gold["kind"], list) else [gold["kind"]]
    if how.get("kind") not in kinds:
        return False
    match = gold.get("match")
    if not match:
        return True
    value = _plain(str(how.get("value") or ""))
    if how.get("kind") == "phone":
        return re.sub(r"\D", "", match) in re.sub(r"\D", "", value)
    return _plain(match) in value


def is_bad_how(how: dict[str, Any], not_how: list[str]) -> bool:
    value = _plain(str(how.get("value") or ""))
    host = value.split("/", 1)[0]
    return bool(REGULATOR_HOSTS.search(host)) or any(_plain(bad) in value for bad in not_how)


def card_names(card: dict[str, Any]) -> list[str]:
    return [str(n) for s in card.get("shared") or [] for n in s.get("names") or []]


def _name_words(name: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", name.casefold()))


_CORPORATE = {"inc", "llc", "ltd", "limited", "corp", "corporation", "co", "company", "plc", "gmbh", "sa", "bv"}


def own_name(got: str, company: str) -> bool:
    """ "FedEx Corporation" is FedEx itself; "GM Financial" is a sister company, not GM."""
    words = _name_words(got.replace(".", "")).split()
    while words and words[-1] in _CORPORATE:
        words.pop()
    return " ".join(words) == _name_words(company)


def same_name(got: str, gold: str) -> bool:
    """ "Criteo S.A." is Criteo: equal, or one name is the other followed by more words."""
    a, b = _name_words(got), _name_words(gold)
    return bool(a and b) and (a == b or a.startswith(b + " ") or b.startswith(a + " "))


def date_right(got: str | None, want: str | None) -> bool:
    """The gold gives a day ("2025-12-31"), a month where the policy gives only a month, or null."""
    if want is None or got is None:
        return got == want
    return got == want or (len(want) == 7 and got.startswith(want + "-"))


@dataclass
class CardScore:
    tallies: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in SET_FIELDS})
    names: Tally = field(default_factory=Tally)
    selling: list[bool] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)
    hows_right: int = 0
    hows_asked: int = 0
    bad_hows: list[str] = field(default_factory=list)
    regulator_hows: int = 0
    own_name: list[str] = field(default_factory=list)
    top_hits: int = 0
    top_asked: int = 0
    labels_right: int = 0
    labels_asked: int = 0

    def card_f1(self) -> float:
        total = Tally()
        for t in self.tallies.values():
            total.absorb(t)
        return total.prf()[2]


def score_card(name: str, want: dict[str, Any], card: dict[str, Any], score: CardScore) -> list[str]:
    """Adds one policy to `score`; returns what was wrong, one line each."""
    lines: list[str] = []
    for fld in SET_FIELDS:
        gold = want[fld]
        required, also_ok = set(gold["required"]), set(gold["also_ok"])
        wrong, missed = score.tallies[fld].add(predicted_set(card, fld, gold), required, also_ok)
        if wrong or missed:
            lines.append(f"    {fld}: +{sorted(wrong)} -{sorted(missed)}")
    got = (card.get("sells_data") or {}).get("value")
    score.selling.append(got == want["sells_data"])
    if got != want["sells_data"]:
        lines.append(f"    sells_data: got {got!r}, want {want['sells_data']!r}")
    got = card.get("effective_date")
    score.dates.append(date_right(got, want["effective_date"]))
    if not score.dates[-1]:
        lines.append(f"    effective_date: got {got!r}, want {want['effective_date']!r}")
    lines += _score_hows(name, want, card, score)
    lines += _score_contacts(want, card, score)
    named = want["named"]
    gold_names = [*named["required"], *named["also_ok"]]
    got_names = {next((g for g in gold_names if same_name(n, g)), n.casefold()) for n in card_names(card)}
    wrong, missed = score.names.add(got_names, set(named["required"]), set(named["also_ok"]))
    own = sorted(n for n in card_names(card) if any(own_name(n, o) for o in named.get("never", [])))
    score.own_name += [f"{name}: {n}" for n in own]
    if wrong or missed:
        lines.append(f"    named: +{sorted(wrong)} -{sorted(missed)}")
    return lines


def _score_hows(name: str, want: dict[str, Any], card: dict[str, Any], score: CardScore) -> list[str]:
    lines = []
    by_type = {str(c.get("type")): c.get("how") or [] for c in card.get("choices") or []}
    for code, alternatives in want.get("hows", {}).items():
        score.hows_asked += 1
        hows = by_type.get(code, [])
        # With no alternatives the policy gives no channel for this right: the card must give none.
        right = any(how_matches(h, g) for h in hows for g in alternatives) if alternatives else not hows
        score.hows_right += right
        if not right:
            shown = [f"{h.get('kind')}:{h.get('value')}" for h in hows][:3]
            lines.append(f"    how of {code}: got {shown}, want one of {[g.get('match') for g in alternatives]}")
    for code, hows in by_type.items():
        for how in hows:
            if is_bad_how(how, want.get("not_how", [])):
                score.bad_hows.append(f"{name}: {code} -> {how.get('kind')}:{how.get('value')}")
                score.regulator_hows += is_bad_how(how, [])
    return lines


def _score_contacts(want: dict[str, Any], card: dict[str, Any], score: CardScore) -> list[str]:
    lines = []
    contacts = card_contacts(card)
    top = want.get("top_contacts", [])
    shown = contacts[: len(top)]
    for gold in top:
        score.top_asked += 1
        if any(kind == gold["kind"] and contact_matches(kind, key, gold["match"]) for kind, key, _ in shown):
            score.top_hits += 1
        else:
            lines.append(f"    top contact missing from the first {len(top)}: {gold['kind']} {gold['match']}")
        found = next(
            (c for c in contacts if c[0] == gold["kind"] and contact_matches(c[0], c[1], gold["match"])),
            None,
        )
        if found is not None:
            score.labels_asked += 1
            code = label_code(found[2], found[0])
            labels = gold["label"] if isinstance(gold["label"], list) else [gold["label"]]
            score.labels_right += code in labels
            if code not in labels:
                lines.append(f"    label of {gold['match']}: got {found[2]!r} ({code}), want {gold['label']}")
    return lines


def score_cards(gold: dict[str, Any], cards: dict[str, dict[str, Any]], verbose: bool) -> dict[str, Any]:
    score = CardScore()
    print("cards: what was wrong per policy (+ reported but not in gold, - missed)")
    for name, want in gold["policies"].items():
        lines = score_card(name, want, cards[want["ref"]["commit"]], score)
        if verbose or lines:
            print(f"  {name} ({want['ref']['date']}){': all right' if not lines else ''}")
            for line in lines:
                print(line)
    n = len(gold["policies"])
    print(f"\ncards ({n} policies): field        precision  recall    F1")
    total = Tally()
    for fld, t in score.tallies.items():
        total.absorb(t)
        p, r, f = t.prf()
        print(f"  {fld:<24} {p:9.3f} {r:7.3f} {f:7.3f}")
    p, r, card_f1 = total.prf()
    print(f"  {'card (all set fields)':<24} {p:9.3f} {r:7.3f} {card_f1:7.3f}")
    p, r, f = score.names.prf()
    print(f"  {'named recipients':<24} {p:9.3f} {r:7.3f} {f:7.3f}")
    print(f"  selling right on {sum(score.selling)}/{n}; effective date right on {sum(score.dates)}/{n}")
    print(f"  rights' how right on {score.hows_right}/{score.hows_asked}")
    print(f"  top contacts in place {score.top_hits}/{score.top_asked}", end="; ")
    print(f"labels right {score.labels_right}/{score.labels_asked}")
    others = len(score.bad_hows) - score.regulator_hows
    print(f"  hows that are not the company's consumer channel: {len(score.bad_hows)}", end=" ")
    print(f"(regulators {score.regulator_hows}; business portals, others' pages, refused channels {others})")
    for line in score.bad_hows:
        print(f"    {line}")
    print(f"  the company named as its own recipient: {len(score.own_name)} {score.own_name}")
    return {
        "card_f1": card_f1,
        "names_f1": score.names.prf()[2],
        "selling": (sum(score.selling), n),
        "dates": (sum(score.dates), n),
        "hows": (score.hows_right, score.hows_asked),
        "bad_hows": len(score.bad_hows),
        "regulator_hows": score.regulator_hows,
        "own_name": len(score.own_name),
        "top_contacts": (score.top_hits, score.top_asked),
        "labels": (score.labels_right, score.labels_asked),
    }


# ---------------------------------------------------------------------------------------------
# Change summaries


def _inverse(mapping: dict[str, str]) -> dict[str, str]:
    return {phrase.casefold(): code for code, phrase in mapping.items()}


def _phrases(vocabulary: str, legacy: str) -> dict[str, str]:
    """code -> phrase: from the code enums' `phrase` (issue 10), else from the old tables in changes."""
    from summaries import changes as module
    from summaries.parser import codes

    enum = getattr(codes, vocabulary, None)
    if enum is not None and hasattr(enum, "__members__"):
        return {str(m.value): str(getattr(m, "phrase", m.value)) for m in enum}
    table = getattr(module, legacy, {})
    if legacy == "_FACTS":
        return {name: title for name, (title, _) in table.items()}
    return dict(table)


def claims_of(changes: list[Any]) -> tuple[set[tuple[str, str, str]], list[str]]:
    """Structured claims (field, code, change) read from the app's card-level change list.

    A change that carries `field` and `code` attributes is taken as it says. Otherwise its text is
    read back through the phrases the change summary is written from (the code enums' `phrase`,
    or the tables of summaries.changes before them). Every contact line collapses into one
    ("contacts", "", "changed") claim. Lines neither way can read are returned apart and count as
    false claims.
    """
    tables = {
        "collected": _inverse(_phrases("Collected", "_COLLECTED")),
        "shared": _inverse(_phrases("Recipient", "_RECIPIENTS")),
        "choices": _inverse(_phrases("Choice", "_CHOICES")),
    }
    facts = {title.casefold(): name for name, title in _phrases("Fact", "_FACTS").items()}
    claims: set[tuple[str, str, str]] = set()
    unread: list[str] = []
    for change in changes:
        fld, code, kind = getattr(change, "field", None), getattr(change, "code", None), change.kind
        text = change.text
        if fld is None:
            fld, code = _read_text(change.section, text, tables, facts)
        if fld is None:
            unread.append(text)
            continue
        if fld == "contacts":
            claims.add(("contacts", "", "changed"))
        elif fld in ("collected", "shared", "choices", "named"):
            claims.add((fld, str(code).casefold() if fld == "named" else str(code), kind))
        else:
            claims.add((fld, "", "changed"))
    return claims, unread


def _read_text(
    section: str, text: str, tables: dict[str, dict[str, str]], facts: dict[str, str]
) -> tuple[str | None, str | None]:
    lowered = text.casefold()
    if section == "sells_data":
        return "sells_data", ""
    if section == "contacts":
        return "contacts", ""
    if section == "shared" and lowered.startswith("now names "):
        name = re.match(r"now names (.+?) among ", text, re.I)
        return ("named", name.group(1)) if name else (None, None)
    if section in tables:
        for phrase, code in sorted(tables[section].items(), key=lambda kv: -len(kv[0])):
            if lowered.endswith(phrase):
                return section, code
        return None, None
    if "minimum age" in lowered:
        return "children_min_age", ""
    if "date" in lowered or "effective" in lowered:
        return "effective_date", ""
    for title, name in facts.items():
        if lowered.startswith(title):
            return name, ""
    return None, None


def gold_key(change: dict[str, Any]) -> tuple[str, str, str]:
    fld = change["field"]
    if fld in ("collected", "shared", "choices"):
        return fld, change["code"], change["change"]
    if fld == "named":
        return fld, change["code"].casefold(), change["change"]
    return fld, "", "changed"


def score_changes(gold: dict[str, Any], cards: dict[str, dict[str, Any]], verbose: bool) -> dict[str, Any]:
    from summaries.changes import card_changes

    found = wanted = false = beyond = 0
    print("\nchange summaries: per pair (- missed, + claimed but not a change)")
    for pair in gold["pairs"]:
        changes = card_changes(cards[pair["old"]["commit"]], cards[pair["new"]["commit"]])
        claims, unread = claims_of(changes)
        required = {gold_key(c) for c in pair["changes"]}
        also_ok = {gold_key(c) for c in pair.get("also_ok", [])}
        hit, missed, wrong = claims & required, required - claims, claims - required - also_ok
        found, wanted, false = found + len(hit), wanted + len(required), false + len(wrong) + len(unread)
        beyond += len(pair.get("beyond_card", []))
        label = f"{pair['service']} {pair['old']['date']} -> {pair['new']['date']}"
        print(f"  {label}: {len(hit)}/{len(required)} found, {len(wrong) + len(unread)} false, {len(changes)} lines")
        if verbose or missed or wrong or unread:
            for key in sorted(missed):
                print(f"    - {'/'.join(k for k in key if k)}")
            for key in sorted(wrong):
                print(f"    + {'/'.join(k for k in key if k)}")
            for text in unread:
                print(f"    + (unread) {text}")
    recall = found / wanted if wanted else 1.0
    print(f"\nchange summaries ({len(gold['pairs'])} pairs): recall {found}/{wanted} = {recall:.3f}", end="; ")
    print(f"false claims {false}")
    print(f"  changes a reader sees that the card cannot express (not scored): {beyond}")
    return {"change_recall": recall, "false_claims": false, "changes_found": (found, wanted)}


def load_gold(name: str) -> dict[str, Any]:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


def run(only: str | None = None, verbose: bool = False) -> dict[str, Any]:
    clone = ota_clone()
    result: dict[str, Any] = {}
    if only in (None, "cards"):
        gold = load_gold("ota_cards.json")
        cards = cards_for((p["ref"] for p in gold["policies"].values()), clone)
        result |= score_cards(gold, cards, verbose)
    if only in (None, "changes"):
        gold = load_gold("ota_changes.json")
        refs = [p[side] | {"service": p["service"]} for p in gold["pairs"] for side in ("old", "new")]
        result |= score_changes(gold, cards_for(refs, clone), verbose)
    return result


def summary_line(result: dict[str, Any]) -> str:
    parts = []
    if "card_f1" in result:
        parts += [
            f"ota_card_f1 {result['card_f1']:.3f}",
            f"selling {result['selling'][0]}/{result['selling'][1]}",
            f"effective_date {result['dates'][0]}/{result['dates'][1]}",
            f"hows {result['hows'][0]}/{result['hows'][1]}",
            f"bad_hows {result['bad_hows']}",
            f"top_contacts {result['top_contacts'][0]}/{result['top_contacts'][1]}",
            f"names_f1 {result['names_f1']:.3f}",
        ]
    if "change_recall" in result:
        parts += [f"change_recall {result['change_recall']:.3f}", f"false_claims {result['false_claims']}"]
    return "score_ota: " + " · ".join(parts)


def dump(service: str, commit: str) -> None:
    """The card's scored fields for one version, compactly (for reading a policy against its card)."""
    card = card_for(version_bytes(ota_clone(), {"service": service, "commit": commit}))
    print("effective_date", card.get("effective_date"), "· sells_data", (card.get("sells_data") or {}).get("value"))
    for fld in ("collected", "shared"):
        key = "type" if fld == "collected" else "recipient"
        print(fld, [f"{i[key]}{i.get('names') or ''}" for i in card.get(fld) or []])
    for choice in card.get("choices") or []:
        print("choice", choice["type"], [f"{h['kind']}:{h['value']}" for h in choice.get("how") or []])
    for contact in card.get("contacts") or []:
        print("contact", contact["kind"], contact.get("normalized") or contact["value"], "|", contact.get("label"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("cards", "changes"))
    parser.add_argument("-v", "--verbose", action="store_true", help="list every policy and pair")
    parser.add_argument("--dump", nargs=2, metavar=("SERVICE", "COMMIT"), help="print one version's card fields")
    args = parser.parse_args()
    if args.dump:
        dump(*args.dump)
        return 0
    result = run(args.only, args.verbose)
    print("\n" + summary_line(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
