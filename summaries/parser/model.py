"""The card as a typed model (pydantic): its JSON form is exactly the contract (../shared/spec/cards.md).

The parser assembles the card's JSON form directly (its hot path stays plain dicts and lists);
`Card.model_validate(card)` checks that form against the vocabularies in `codes` and gives the
readers (store, pages, API, change summaries) typed attributes instead of `.get()` chains, with
every code a `codes` member that carries its label. `card.as_json()` gives the JSON form back,
key for key. Fields the contract does not name are kept (the project may add fields).
`validate.validate_card` adds what a schema cannot say: quotes at their offsets in the text.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, field_validator

from summaries.parser.codes import (
    ChangesNotice,
    Choice,
    Collected,
    ContactKind,
    ContactRole,
    DoNotTrack,
    HowKind,
    International,
    Practice,
    Purpose,
    Recipient,
    Retention,
    Security,
    Sells,
    Source,
)

Offset = Annotated[StrictInt, Field(ge=0)]


class _Part(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)


class Evidence(_Part):
    quote: StrictStr
    start: Offset
    end: Offset


class Collection(_Part):
    type: Collected
    examples: list[StrictStr]
    sources: list[Source]
    evidence: list[Evidence]


class Sharing(_Part):
    recipient: Recipient
    names: list[StrictStr]
    purposes: list[Purpose]
    data_types: list[Collected]
    evidence: list[Evidence]


class SellsData(_Part):
    value: Sells
    evidence: list[Evidence]


class How(_Part):
    kind: HowKind
    value: StrictStr
    # "contacts" when the how is the policy's own privacy contact, given to a right with no way of its own
    source: Literal["contacts"] | None = None


class ChoiceItem(_Part):
    type: Choice
    how: list[How]
    evidence: list[Evidence]


class Contact(_Part):
    kind: ContactKind
    value: StrictStr
    normalized: StrictStr
    label: StrictStr
    evidence: list[Evidence]
    role: ContactRole | None = None  # parser 1.2.0 and later; not on `complain_to` entries


class DoNotTrackFact(_Part):
    value: DoNotTrack
    evidence: list[Evidence]


class AgeFact(_Part):
    value: Annotated[StrictInt, Field(ge=1, le=99)] | None
    evidence: list[Evidence]


class RetentionFact(_Part):
    value: Retention
    text: StrictStr
    evidence: list[Evidence]


class SecurityFact(_Part):
    value: Security
    evidence: list[Evidence]


class ChangesNoticeFact(_Part):
    value: ChangesNotice
    evidence: list[Evidence]


class InternationalFact(_Part):
    value: International
    evidence: list[Evidence]


class Facts(_Part):
    do_not_track: DoNotTrackFact
    children_min_age: AgeFact
    retention: RetentionFact
    security: SecurityFact
    changes_notice: ChangesNoticeFact
    international: InternationalFact


class PassageItem(_Part):
    start: Offset
    end: Offset
    heading: StrictStr
    practices: list[Practice]


class Stats(_Part):
    words: Offset
    reading_minutes: Offset
    grade_level: StrictInt | float | None


class Card(_Part):
    schema_: Literal["card/1"] = Field(alias="schema")
    parser_version: StrictStr
    company: StrictStr | None
    effective_date: StrictStr | None
    # Parser 1.2.0 and later: the date's quote, and whether the policy gave a day or only a month.
    effective_date_evidence: list[Evidence] = Field(default_factory=list)
    effective_date_precision: Literal["day", "month"] | None = None
    collected: list[Collection]
    shared: list[Sharing]
    sells_data: SellsData
    choices: list[ChoiceItem]
    contacts: list[Contact]
    complain_to: list[Contact] = Field(default_factory=list)  # regulators and dispute bodies (parser 1.2.0)
    facts: Facts
    passages: list[PassageItem]
    stats: Stats
    warnings: list[StrictStr] = Field(default_factory=list)  # the parser says in words what it could not read

    model_config = ConfigDict(extra="allow", frozen=True, populate_by_name=True)

    @field_validator("effective_date")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is not None and (len(value) != 10 or dt.date.fromisoformat(value).isoformat() != value):
            raise ValueError(f"{value!r} is not a YYYY-MM-DD date")
        return value

    def as_json(self) -> dict[str, Any]:
        """The contract's JSON form: the very dict the parser made, key for key and in its order (a field
        an older card lacks stays absent)."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)
