"""Linking unit mentions to the register, and the disambiguation that makes it safe.

A name is looked up among register entries of its level (after case, tone
placement and "Phường 06" = "Phường 6" normalisation). When several entries
share the name, the candidates are narrowed, in order, by the districts and
provinces named in the same article, by the `--region` hint, and by the sites
file; a code is given only when exactly one entry remains. It never guesses
among equals: two "Phường 6" with no context stay `ambiguous`.

The era follows the article's date: units of an article published on or after
1 July 2025 are looked up in the post-reform register first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from bantin.gazetteer.register import Register, Unit, load_register
from bantin.pipeline.text.resources import load_yaml
from bantin.pipeline.text.textnorm import fold

REFORM_DATE = dt.date(2025, 7, 1)

# Register level groups of the unit levels the extractors record.
LEVEL_GROUPS: dict[str, tuple[str, ...]] = {
    "tỉnh": ("province",),
    "thành phố": ("province", "district"),
    "quận": ("district",),
    "huyện": ("district",),
    "thị xã": ("district",),
    "phường": ("ward",),
    "xã": ("ward",),
    "thị trấn": ("ward",),
}


@dataclass(frozen=True)
class Link:
    code: str | None
    code_2025: list[str]
    name_2025: list[str]
    link_status: str
    candidates: int
    unit: Unit | None = None


# The fields of a linked unit, shared by the unit records and the article's ward.
LINK_FIELDS = ("level", "name", "code", "code_2025", "name_2025", "link_status")


def link_fields(level: str, name: str, linked: Link) -> dict[str, Any]:
    """A unit as written and its link, as the record fields `LINK_FIELDS` plus `candidates`."""
    return {
        "level": level,
        "name": name,
        "code": linked.code,
        "code_2025": list(linked.code_2025),
        "name_2025": list(linked.name_2025),
        "link_status": linked.link_status,
        "candidates": linked.candidates,
    }


@dataclass
class Context:
    """What narrows candidates: codes of provinces and districts, from the article and from hints."""

    provinces: list[set[str]] = field(default_factory=list)  # one set per source, in order of trust
    districts: list[set[str]] = field(default_factory=list)
    # Districts that hold a ward of the same name as one the article names: "huyện Châu Thành"
    # beside "xã Tân Hội" is the Châu Thành that has a Tân Hội.
    ward_districts: set[str] = field(default_factory=set)
    named_provinces: set[str] = field(default_factory=set)  # provinces the article names itself


@dataclass(frozen=True)
class _Compiled:
    province_aliases: dict[str, str]  # folded other name ("sài gòn") → the register's name


@cache
def compiled() -> _Compiled:
    """gazetteer/data/aliases.yaml, read once per process."""
    data = load_yaml("gazetteer", "aliases.yaml")
    return _Compiled(province_aliases={fold(k): v for k, v in data["provinces"].items()})


def _era(published: dt.date | None) -> str:
    return "2025" if published is not None and published >= REFORM_DATE else "legacy"


def candidates(register: Register, level: str, name: str, era: str) -> list[tuple[str, Unit]]:
    """Register entries a (level, name) may be, with their group; the article's era first, else the other."""
    groups = LEVEL_GROUPS.get(level, ())
    if "province" in groups:
        name = compiled().province_aliases.get(fold(name), name)
    for first in (era, "legacy" if era == "2025" else "2025"):
        found: list[tuple[str, Unit]] = []
        for group in groups:
            group_era = "legacy" if group == "district" else first  # no districts after the reform
            units = register.find(group_era, group, name)
            typed = [u for u in units if u.level == level or group == "province"]
            found.extend((group, u) for u in (typed or units))
        if found:
            return found
    return []


def _narrow(found: list[tuple[str, Unit]], context: Context) -> list[tuple[str, Unit]]:
    """Keep the candidates that agree with the context, source by source; never narrow to nothing."""
    current = found
    for i, (districts, provinces) in enumerate(_sources(context)):
        if len(current) <= 1:
            break
        # Wards are narrowed by the districts named; districts by those named in hints, or (in the
        # article) by the districts that hold a ward it names.
        district_filter = context.ward_districts if i == 0 else districts

        kept = [(g, u) for g, u in current if _agrees(g, u, districts, district_filter)]
        if not kept and i == 0:
            # The district the article names holds no unit of that name: the province derived
            # from it is no evidence ("Phường 2, TP. Cao Lãnh" must not become Sa Đéc's Phường 2);
            # only a province the article names itself still counts.
            provinces = context.named_provinces
        current = kept or current
        if len(current) > 1 and provinces:
            kept = [(g, u) for g, u in current if u.province_code in provinces]
            if kept:
                current = kept
    return current


def _agrees(group: str, unit: Unit, districts: set[str], district_filter: set[str]) -> bool:
    if group == "ward":
        return not districts or unit.district_code in districts
    if group == "district":
        return not district_filter or unit.code in district_filter
    return True


def _sources(context: Context) -> Iterable[tuple[set[str], set[str]]]:
    n = max(len(context.provinces), len(context.districts))
    for i in range(n):
        yield (
            context.districts[i] if i < len(context.districts) else set(),
            context.provinces[i] if i < len(context.provinces) else set(),
        )


def link(level: str, name: str, published: dt.date | None, context: Context) -> Link:
    if level not in LEVEL_GROUPS:
        return Link(None, [], [], "not_a_register_level", 0)
    register = load_register()
    found = candidates(register, level, name, _era(published))
    if not found:
        return Link(None, [], [], "not_in_register", 0)
    kept = _narrow(found, context)
    if len(kept) != 1:
        return Link(None, [], [], "ambiguous", len(found))
    group, unit = kept[0]
    if unit.era == "2025":
        return Link(unit.code, [unit.code], [unit.name], "linked", len(found), unit)
    successors = [register.get("2025", group, c) for c in unit.successors]
    named = [s for s in successors if s is not None]
    return Link(unit.code, [s.code for s in named], [s.name for s in named], "linked", len(found), unit)


def region_context(region: str | None, published: dt.date | None = None) -> tuple[set[str], set[str]]:
    """Province and district codes of a hint such as "Đồng Tháp" or "Sa Đéc, Đồng Tháp"."""
    provinces: set[str] = set()
    districts: set[str] = set()
    if not region:
        return provinces, districts
    register = load_register()
    for part in (p.strip() for p in region.split(",")):
        if not part:
            continue
        for level in ("tỉnh", "thành phố", "quận", "huyện", "thị xã"):
            for group, unit in candidates(register, level, _strip_level(part), _era(published)):
                (provinces if group == "province" else districts).add(unit.code)
    if districts and not provinces:
        # A district hint implies its province: units outside the district are still narrowed to it.
        provinces = {u.province_code for d in districts if (u := register.get("legacy", "district", d))}
    elif districts and provinces:
        # "Sa Đéc, Đồng Tháp": the district hint is kept only inside the province hint.
        districts = {
            d
            for d in districts
            if (u := register.get("legacy", "district", d)) and u.province_code in provinces
        }
    return provinces, districts


def _strip_level(text: str) -> str:
    folded = fold(text)
    for word in ("tỉnh ", "thành phố ", "tp ", "tp. ", "quận ", "huyện ", "thị xã "):
        if folded.startswith(fold(word)):
            return text.split(None, len(word.split()))[-1]
    return text


def article_context(
    mentions: list[tuple[str, str]], published: dt.date | None, hints: dict[str, str]
) -> Context:
    """Context of one article: units it names (district and province levels), then hints."""
    register = load_register()
    era = _era(published)
    provinces: set[str] = set()
    named: set[str] = set()
    districts: set[str] = set()
    ward_districts: set[str] = set()
    for level, name in mentions:
        found = candidates(register, level, name, era)
        groups = {g for g, _ in found}
        if "province" in groups and level in ("tỉnh", "thành phố"):
            named |= {u.code for g, u in found if g == "province"}
            provinces |= named
        if "district" in groups:
            district_units = [u for g, u in found if g == "district"]
            # Every district the name may be: a ward is kept only inside one of them.
            districts |= {u.code for u in district_units}
            if len(district_units) == 1:
                provinces.add(district_units[0].province_code)
        ward_districts |= {u.district_code for g, u in found if g == "ward" and u.district_code}
    context = Context(
        provinces=[provinces], districts=[districts], ward_districts=ward_districts, named_provinces=named
    )
    for hint in ("region", "sites"):
        p, d = region_context(hints.get(hint), published)
        context.provinces.append(p)
        context.districts.append(d)
    return context


WARD_LEVELS = ("phường", "xã", "thị trấn")


def article_ward(
    units: list[dict[str, Any]],
    title_end: int | None,
    published: dt.date | None,
    hints: dict[str, str],
    lead: Iterable[tuple[int, int]] | None = None,
    text: str | None = None,
) -> dict[str, Any] | None:
    """The ward or commune an article is about, or None when it is about no single one.

    The ward named in the title; else the one the body names most, more often than all the others
    together (an article on two wards' events, or a district's on "các xã Lâm Sơn, Hòa Sơn và Ma
    Nới", is about no single ward); a ward the body names once must be named in its `lead`, the
    first sentences of the running text (not in a photo caption or in passing further on); else the
    site's ward. A ward in parentheses in the body after anything but a smaller unit is an address
    ("bà Hậu (phường Diên Hồng) tài trợ"), not what the article is about; after a smaller unit it
    locates it ("buôn Phu Ma Nhe 1 (xã Ia Rtô)"). `units` are the article's unit records in text
    order; `text` is the article's text; the result has the WardLink fields.
    """
    located = {u["end"] for u in units if u["level"] not in WARD_LEVELS}
    wards = [
        u
        for u in units
        if u["level"] in WARD_LEVELS
        and (
            text is None
            or (title_end is not None and u["end"] <= title_end)
            or not _address_aside(text, u, located)
        )
    ]
    in_title = [u for u in wards if title_end is not None and u["end"] <= title_end]
    chosen = _dominant(in_title, wards) if in_title else _dominant(wards, wards)
    via = "title" if in_title else "body"
    if chosen is not None and via == "body" and lead is not None:
        key = _ward_key(chosen)
        if sum(_ward_key(u) == key for u in wards) == 1 and not any(
            start <= chosen["start"] and chosen["end"] <= end for start, end in lead
        ):
            chosen = None
    if chosen is not None:
        return {field: chosen.get(field) for field in LINK_FIELDS} | {"via": via}
    site_ward = hints.get("site_ward")
    if not site_ward:
        return None
    level, name = _split_level(site_ward)
    linked = link(level, name, published, article_context([], published, hints))
    fields = link_fields(level, name, linked)
    return {field: fields[field] for field in LINK_FIELDS} | {"via": "sites"}


# An aside: the unit opens a parenthesis that closes soon after it.
_ASIDE_OPEN = regex.compile(r"[ \t]*\([ \t]*$", regex.VERSION1)
_ASIDE_CLOSE = regex.compile(r"[^()\n]{0,60}\)", regex.VERSION1)


def _address_aside(text: str, unit: dict[str, Any], located: set[int]) -> bool:
    """Whether the ward `unit` is a parenthesised address of something other than a smaller unit."""
    start, end = unit["start"], unit["end"]
    opening = _ASIDE_OPEN.search(text, max(0, start - 4), start)
    if opening is None or not _ASIDE_CLOSE.match(text, end):
        return False
    return opening.start() not in located


def _ward_key(unit: dict[str, Any]) -> tuple[str, str]:
    return unit["level"], fold(unit["name"])


def _dominant(pool: list[dict[str, Any]], mentions: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The first mention in `pool` of its ward that `mentions` name more often than all its others."""
    keys = {_ward_key(u) for u in pool}
    if not keys:
        return None
    counts = dict.fromkeys(keys, 0)
    for u in mentions:
        if _ward_key(u) in counts:
            counts[_ward_key(u)] += 1
    best = max(counts, key=lambda k: counts[k])
    if len(counts) > 1 and 2 * counts[best] <= sum(counts.values()):
        return None
    return next(u for u in pool if _ward_key(u) == best)


def _split_level(written: str) -> tuple[str, str]:
    """ "Phường 6" → ("phường", "6"); a bare name is taken as a phường."""
    folded = fold(written)
    for level in WARD_LEVELS:
        if folded.startswith(fold(level) + " "):
            return level, written.split(None, len(level.split()))[-1]
    return "phường", written.strip()
