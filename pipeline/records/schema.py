"""The record schema: one Pydantic model per kind, a discriminated union on `kind`.

Validation is the audit contract: `article_text[start:end] == text` is checked
when the article text is passed as validation context, dates must be ISO and
ordered, amounts are non-negative integers. A record that fails goes to the
error report with the reason; it is never written silently wrong.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

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
KINDS: tuple[str, ...] = ("date", "unit", "official", "campaign", "model", "money", "count", "measure")
# The plural name of each kind: the gold files' keys and the database tables.
PLURAL: dict[str, str] = {
    "date": "dates",
    "unit": "units",
    "official": "officials",
    "campaign": "campaigns",
    "model": "models",
    "money": "money",
    "count": "counts",
    "measure": "measures",
}


class RecordBase(BaseModel):
    """Fields every record carries: identity and evidence."""

    model_config = ConfigDict(extra="forbid", frozen=True)

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


class DateRecord(RecordBase):
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
    kind: Literal["unit"] = "unit"
    level: UnitLevel
    name: str = Field(min_length=1)
    code: str | None = None
    code_2025: list[str] = Field(default_factory=list)
    name_2025: list[str] = Field(default_factory=list)
    link_status: LinkStatus | None = None
    candidates: int | None = Field(default=None, ge=0)


class OfficialRecord(RecordBase):
    kind: Literal["official"] = "official"
    name: str = Field(min_length=1)
    titles: list[str] = Field(default_factory=list)
    titles_expanded: list[str] = Field(default_factory=list)
    honorific: str | None = None


class CampaignRecord(RecordBase):
    kind: Literal["campaign"] = "campaign"
    name: str = Field(min_length=1)
    category: CampaignCategory


class ModelRecord(RecordBase):
    kind: Literal["model"] = "model"
    title: str = Field(min_length=1)
    owner: str | None = None


def _check_role(record: MoneyRecord | CountRecord | MeasureRecord) -> None:
    """A rate says what it is for; nothing else has a `per`."""
    if (record.role == "rate") != (record.per is not None):
        raise ValueError(f"role {record.role!r} with per {record.per!r}: a rate, and only a rate, has a per")


def _whole(value: float | int) -> float | int:
    """A count or measure that is a whole number is written as an integer ("40", not "40.0")."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


class MoneyRecord(RecordBase):
    kind: Literal["money"] = "money"
    amount: Annotated[int, Field(strict=True, ge=0, le=INT64_MAX)]
    currency: Literal["VND"] = "VND"
    qualifier: Qualifier = "exact"
    per: str | None = None
    role: Role = "single"

    @model_validator(mode="after")
    def _role(self) -> MoneyRecord:
        _check_role(self)
        return self


class CountRecord(RecordBase):
    kind: Literal["count"] = "count"
    value: Annotated[float, Field(ge=0, allow_inf_nan=False)] | Annotated[int, Field(ge=0, le=INT64_MAX)]
    unit: str = Field(min_length=1)
    qualifier: Qualifier = "exact"
    per: str | None = None
    role: Role = "single"

    _whole_value = field_validator("value")(_whole)

    @model_validator(mode="after")
    def _role(self) -> CountRecord:
        _check_role(self)
        return self


class MeasureRecord(RecordBase):
    """A quantity in a unit of measure ("1.000kg gạo"); `si_value`/`si_unit` where the unit is a plain one."""

    kind: Literal["measure"] = "measure"
    value: Annotated[float, Field(ge=0, allow_inf_nan=False)] | Annotated[int, Field(ge=0, le=INT64_MAX)]
    unit: str = Field(min_length=1)
    qualifier: Qualifier = "exact"
    si_value: (
        Annotated[float, Field(ge=0, allow_inf_nan=False)] | Annotated[int, Field(ge=0, le=INT64_MAX)] | None
    ) = None
    si_unit: SIUnit | None = None
    per: str | None = None
    role: Role = "single"

    _whole_value = field_validator("value", "si_value")(_whole)

    @model_validator(mode="after")
    def _role(self) -> MeasureRecord:
        _check_role(self)
        return self


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
MODEL_BY_KIND: dict[str, type[RecordBase]] = {
    "date": DateRecord,
    "unit": UnitRecord,
    "official": OfficialRecord,
    "campaign": CampaignRecord,
    "model": ModelRecord,
    "money": MoneyRecord,
    "count": CountRecord,
    "measure": MeasureRecord,
}


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
