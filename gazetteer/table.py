"""The register as a database dimension: one row per unit, so queries join codes to full names.

`unit_id` is "ERA:CODE" (era "legacy" before 1 July 2025, "2025" after: a new ward may keep
the code of one of the wards merged into it, so a code alone is not a key). A legacy ward's
`full_name` names its district and province and its successors: "Phường 6, Quận 10, Thành
phố Hồ Chí Minh → Phường Diên Hồng".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bantin.gazetteer.link import REFORM_DATE
from bantin.gazetteer.register import Register, Unit, load_register

VALID_UNTIL = REFORM_DATE - dt.timedelta(days=1)
REGISTER_COLUMNS = [
    ("unit_id", "TEXT PRIMARY KEY"),
    ("code", "TEXT NOT NULL"),
    ("era", "TEXT NOT NULL"),
    ("level", "TEXT"),
    ("name", "TEXT NOT NULL"),
    ("district_code", "TEXT"),
    ("district_name", "TEXT"),
    ("province_code", "TEXT"),
    ("province_name", "TEXT"),
    ("valid_from", "DATE"),
    ("valid_until", "DATE"),
    ("successor_codes", "TEXT[]"),
    ("successor_names", "TEXT[]"),
    ("full_name", "TEXT NOT NULL"),
]


def _province(register: Register, unit: Unit) -> Unit | None:
    return register.get(unit.era, "province", unit.province_code)


def register_rows() -> list[list[Any]]:
    """One row per province, district and ward of both eras, in REGISTER_COLUMNS order."""
    register = load_register()
    rows: dict[str, list[Any]] = {}
    for uid, unit in register.units.items():
        group = uid.split(":")[1]
        district = register.get(unit.era, "district", unit.district_code) if unit.district_code else None
        province = _province(register, unit)
        successors = [s for c in unit.successors if (s := register.get("2025", group, c)) is not None]
        place = [unit.name]
        if district is not None and group == "ward":
            place.append(district.name)
        if province is not None and group != "province":
            place.append(province.name)
        full = ", ".join(place)
        if successors:
            full += " → " + "; ".join(s.name for s in successors)
        legacy = unit.era == "legacy"
        rows[f"{unit.era}:{unit.code}"] = [
            f"{unit.era}:{unit.code}",
            unit.code,
            unit.era,
            unit.level,
            unit.name,
            district.code if district else None,
            district.name if district else None,
            unit.province_code,
            province.name if province else None,
            None if legacy else REFORM_DATE,
            VALID_UNTIL if legacy else None,
            [s.code for s in successors],
            [s.name for s in successors],
            full,
        ]
    return list(rows.values())


def ward_unit(ward: dict[str, Any] | None, published: dt.date | None) -> str | None:
    """The register key of an article's ward: its code in the era of the article's date when the
    register has it there, else in the other era."""
    if not ward or not ward.get("code"):
        return None
    register = load_register()
    code = str(ward["code"])
    eras = ("2025", "legacy") if published is not None and published >= REFORM_DATE else ("legacy", "2025")
    for era in eras:
        if register.get(era, "ward", code) is not None:
            return f"{era}:{code}"
    return None
