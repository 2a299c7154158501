"""The record schema: one record type (a Pydantic model) per kind, a discriminated union on `kind`.

Names: a *kind* is what a record states (date, unit, …, "model" for model titles); a *record
type* is the Pydantic class that validates one kind (`RECORD_TYPE_BY_KIND`); the word
segmenter's CRF weights are `CRFModel` (pipeline/text/crf.py). A count's `unit` is the counted
noun ("lượt người"), an administrative unit is a `unit` record.

Validation is the audit contract: `article_text[start:end] == text` is checked
when the article text is passed as validation context, dates must be ISO and
ordered, amounts are non-negative integers. A record that fails goes to the
error report with the reason; it is never written silently wrong.
"""

from __future__ import annotations

import datetime as dt
import typing
from typing import Annotated, Any, ClassVar, Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationInfo,
    field_validator,
    model_validator,
)

Qualifier = Literal["exact", "more_than", "less_than", "about", "at_least", "at_most"]
Granularity = Literal["day", "month", "quarter", "half", "year", "range"]
UnitLevel = Literal[
    "tỉnh", "thành phố", "quận", "huyện", "thị xã", "phường", "xã", "thị trấn",
    "khu phố", "khóm", "ấp", "thôn", "xóm", "bản", "buôn", "tổ dân phố", "tổ",
    "khối phố", "khu", "khu dân cư", "tổ dân cư", "phố",
]  # fmt: skip
# What an amount stands for (records/roles.py): an amount per item, a total, a listed part, or neither.
Role = Literal["rate", "total", "part", "single"]
SIUnit = Literal["kg", "m", "m2", "m3", "l"]
LinkStatus = Literal["linked", "ambiguous", "not_in_register", "not_a_register_level"]
CampaignCategory = Literal[
    "phong trào", "phong trào thi đua", "cuộc vận động", "chương trình", "ngày hội",
    "chiến dịch", "tháng", "đợt", "hội thi", "giải",
]  # fmt: skip

INT64_MAX = 2**63 - 1  # the Parquet and database columns of amounts and counts are 64-bit
# A count's or a measure's figure: a non-negative number, whole ones within the 64-bit columns.
Figure = Annotated[float, Field(ge=0, allow_inf_nan=False)] | Annotated[int, Field(ge=0, le=INT64_MAX)]
# How a field of a kind's evaluation key is compared (pipeline/check/evaluate.py, by the annotation
# guideline): `exact` as written; `loose` case, tone-mark placement and punctuation aside; `unit_name`
# loose and without a leading "số"; `number` as a number (one that cannot be read matches nothing);
# `first_word` by its first loose word; `contained` loose, and matched when the shorter's words are
# at least 80 % in the longer's.
Match = Literal["exact", "loose", "unit_name", "number", "first_word", "contained"]


class RecordBase(BaseModel):
    """Fields every record carries: identity and evidence.

    Each kind's model is the one spec of the kind: its fields make the Parquet schema and the
    database columns, and the class variables below say the rest, so nothing per kind is listed
    anywhere else.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    # The gold files' key for the kind and its database table.
    plural: ClassVar[str]
    # The fields that tell one fact from another (evaluation: dedupe and matching), and how each compares.
    key_fields: ClassVar[dict[str, Match]]
    # The fields that state what the record says, the figure first: the audit shows them as evidence
    # and checks a claim against them.
    value_fields: ClassVar[tuple[str, ...]]

    record_id: str = Field(min_length=1)
    article_id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    sentence: str

    @model_validator(mode="after")
    def _evidence_matches_article(self, info: ValidationInfo) -> RecordBase:
        if self.end <= self.start:
            raise ValueError(f"empty or reversed span [{self.start}:{self.end}]")
        if self.end - self.start != len(self.text):
            raise ValueError(f"span [{self.start}:{self.end}] has not the length of text {self.text!r}")
        article_text = (info.context or {}).get("article_text")
        if article_text is not None:
            found = article_text[self.start : self.end]
            if found != self.text:
                raise ValueError(
                    f"evidence mismatch: article[{self.start}:{self.end}] is {found!r}, "
                    f"record says {self.text!r}"
                )
            if self.text not in self.sentence and self.sentence:
                raise ValueError(f"sentence does not contain the evidence {self.text!r}")
        return self

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        """A kind's model declares (or inherits) its spec, naming fields it has: a slip fails at import."""
        super().__pydantic_init_subclass__(**kwargs)
        for name in ("plural", "key_fields", "value_fields"):
            if not hasattr(cls, name):
                raise TypeError(f"{cls.__name__} does not declare `{name}`")
        unknown = [f for f in (*cls.key_fields, *cls.value_fields) if f not in cls.model_fields]
        if unknown:
            raise TypeError(f"{cls.__name__} names fields it does not have: {unknown}")


class DateRecord(RecordBase):
    plural = "dates"
    key_fields = {"date_from": "exact", "date_to": "exact"}
    value_fields = ("date_from", "date_to")

    kind: Literal["date"] = "date"
    date_from: dt.date
    date_to: dt.date
    granularity: Granularity
    year_inferred: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> DateRecord:
        if self.date_from > self.date_to:
            raise ValueError(f"date_from {self.date_from} is after date_to {self.date_to}")
        return self


class UnitRecord(RecordBase):
    plural = "units"
    key_fields = {"level": "loose", "name": "unit_name"}
    value_fields = ("level", "name")

    kind: Literal["unit"] = "unit"
    level: UnitLevel
    name: str = Field(min_length=1)
    code: str | None = None
    code_2025: list[str] = Field(default_factory=list)
    name_2025: list[str] = Field(default_factory=list)
    link_status: LinkStatus | None = None
    candidates: int | None = Field(default=None, ge=0)


class OfficialRecord(RecordBase):
    plural = "officials"
    key_fields = {"name": "loose"}
    value_fields = ("name",)

    kind: Literal["official"] = "official"
    name: str = Field(min_length=1)
    titles: list[str] = Field(default_factory=list)
    titles_expanded: list[str] = Field(default_factory=list)
    honorific: str | None = None


class CampaignRecord(RecordBase):
    plural = "campaigns"
    key_fields = {"name": "loose"}
    value_fields = ("name",)

    kind: Literal["campaign"] = "campaign"
    name: str = Field(min_length=1)
    category: CampaignCategory


class ModelRecord(RecordBase):
    plural = "models"
    key_fields = {"title": "contained"}
    value_fields = ("title",)

    kind: Literal["model"] = "model"
    title: str = Field(min_length=1)
    owner: str | None = None


R = TypeVar("R", "MoneyRecord", "CountRecord", "MeasureRecord")


def _check_role(record: R) -> R:
    """A rate says what it is for; nothing else has a `per` (money, counts and measures)."""
    if (record.role == "rate") != (record.per is not None):
        raise ValueError(f"role {record.role!r} with per {record.per!r}: a rate, and only a rate, has a per")
    return record


def _whole(value: float | int) -> float | int:
    """A count or measure that is a whole number is written as an integer ("40", not "40.0")."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


class MoneyRecord(RecordBase):
    plural = "money"
    key_fields = {"amount": "number"}
    value_fields = ("amount",)

    kind: Literal["money"] = "money"
    amount: Annotated[int, Field(strict=True, ge=0, le=INT64_MAX)]
    currency: Literal["VND"] = "VND"
    qualifier: Qualifier = "exact"
    per: str | None = None
    role: Role = "single"

    _role = model_validator(mode="after")(_check_role)


class CountRecord(RecordBase):
    plural = "counts"
    key_fields = {"value": "number", "unit": "first_word"}
    value_fields = ("value", "unit")

    kind: Literal["count"] = "count"
    value: Figure
    unit: str = Field(min_length=1)
    qualifier: Qualifier = "exact"
    per: str | None = None
    role: Role = "single"

    _whole_value = field_validator("value")(_whole)

    _role = model_validator(mode="after")(_check_role)


class MeasureRecord(RecordBase):
    """A quantity in a unit of measure ("1.000kg gạo"); `si_value`/`si_unit` where the unit is a plain one."""

    plural = "measures"
    key_fields = {"value": "number", "unit": "first_word"}
    value_fields = ("value", "unit")

    kind: Literal["measure"] = "measure"
    value: Figure
    unit: str = Field(min_length=1)
    qualifier: Qualifier = "exact"
    si_value: Figure | None = None
    si_unit: SIUnit | None = None
    per: str | None = None
    role: Role = "single"

    _whole_value = field_validator("value", "si_value")(_whole)

    _role = model_validator(mode="after")(_check_role)


Record = Annotated[
    DateRecord
    | UnitRecord
    | OfficialRecord
    | CampaignRecord
    | ModelRecord
    | MoneyRecord
    | CountRecord
    | MeasureRecord,
    Field(discriminator="kind"),
]
RECORD_ADAPTER: TypeAdapter[Record] = TypeAdapter(Record)
# Every record model, in the order kinds are listed (KINDS), extracted and written.
RECORD_TYPES: tuple[type[RecordBase], ...] = typing.get_args(typing.get_args(Record)[0])
RECORD_TYPE_BY_KIND: dict[str, type[RecordBase]] = {m.model_fields["kind"].default: m for m in RECORD_TYPES}
KINDS: tuple[str, ...] = tuple(RECORD_TYPE_BY_KIND)
PLURAL: dict[str, str] = {kind: model.plural for kind, model in RECORD_TYPE_BY_KIND.items()}


def validate_record(data: dict[str, Any], article_text: str | None) -> Record:
    """A validated record, or pydantic.ValidationError saying what is wrong."""
    return RECORD_ADAPTER.validate_python(data, context={"article_text": article_text})


class WardLink(BaseModel):
    """The ward or commune an article is about, with its register codes (filled by the gazetteer)."""

    model_config = ConfigDict(extra="forbid")

    level: str
    name: str
    code: str | None = None
    code_2025: list[str] = Field(default_factory=list)
    name_2025: list[str] = Field(default_factory=list)
    link_status: LinkStatus | None = None
    via: str | None = None


class Article(BaseModel):
    """One article as written to articles.jsonl: `text` is what every offset indexes."""

    model_config = ConfigDict(extra="forbid")

    article_id: str
    source: str
    title: str | None
    published: dt.date | None
    authors: list[str]
    ward: WardLink | None = None
    encoding: str = "utf-8"  # as found: utf-8, utf-16, windows-1258, tcvn3, vni …
    sources: list[str] = Field(default_factory=list)  # every source with this same text
    hints: dict[str, str] = Field(default_factory=dict)  # --region and sites-file hints it was linked with
    text: str


class ErrorEntry(BaseModel):
    """One line of errors.jsonl: what could not be processed, where, and why."""

    model_config = ConfigDict(extra="forbid")

    source: str
    stage: Literal["ingest", "extract", "validate", "gazetteer"]
    reason: str
    article_id: str | None = None
    kind: str | None = None
    record: dict[str, Any] | None = None
