"""The official register of administrative units, before and after the 1 July 2025 reform.

Read from the data that the `vietnamadminunits` package (MIT) bundles: its
SQLite file (63 provinces, their districts and about 10,000 wards/communes as
before the reform; 34 provinces and about 3,300 wards/communes after it) and
its old → new ward mapping (JSON). Only the data files are read: the package's
own modules are never imported, because some of its conversions call a network
geocoder. The files are read where the package's tested versions keep them
(`bantin.pipeline.text.packages`); an `UnknownLayout` names what is missing otherwise.

The index is built on first use and cached in the user's cache folder (`cache_dir`), under a
name that carries the cache format's version and the package's.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import sqlite3
import tempfile
from dataclasses import dataclass, field
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from bantin.pipeline.text.packages import installed_version, layout_error, require_file
from bantin.pipeline.text.textnorm import fold

_PACKAGE = "vietnamadminunits"
_CACHE_VERSION = 3  # raised when `Register` or `Unit` change: an older cache file is never read
_DATABASE = "dataset.db"  # SQLite: the tables admin_units (2025) and admin_units_legacy
_MAPPING = "converter_2025.json"  # old → new ward keys


@dataclass(frozen=True)
class Unit:
    """One register entry. `level` is the register's own type word, lower-cased ("phường", "quận")."""

    code: str
    name: str  # full name as registered: "Phường Tân Quy Đông"
    short: str  # without the type word: "Tân Quy Đông", "6" for "Phường 6"
    level: str
    era: str  # "legacy" (before 1 July 2025) or "2025"
    province_code: str
    district_code: str | None = None
    key: str = ""  # the package's own key, used by its old → new mapping
    successors: tuple[str, ...] = ()  # codes of the 2025 units that took it over


@dataclass
class Register:
    units: dict[str, Unit] = field(default_factory=dict)  # "era:level-group:code" → unit
    by_name: dict[tuple[str, str, str], list[str]] = field(default_factory=dict)  # (era, group, key) → ids

    def add(self, unit: Unit, group: str) -> None:
        uid = f"{unit.era}:{group}:{unit.code}"
        if uid in self.units:
            return
        self.units[uid] = unit
        for key in name_keys(unit.short):
            self.by_name.setdefault((unit.era, group, key), []).append(uid)

    def find(self, era: str, group: str, name: str) -> list[Unit]:
        ids: list[str] = []
        for key in name_keys(name):
            for uid in self.by_name.get((era, group, key), []):
                if uid not in ids:
                    ids.append(uid)
        return [self.units[uid] for uid in ids]

    def get(self, era: str, group: str, code: str) -> Unit | None:
        return self.units.get(f"{era}:{group}:{code}")


_TYPE_PREFIXES = tuple(
    fold(w) + " " for w in ("thành phố", "thị trấn", "thị xã", "phường", "quận", "huyện", "tỉnh", "xã")
)
_SO = fold("số") + " "
# The apostrophe of ethnic-minority names, in every way it is typed: straight, curly, modifier letter.
APOSTROPHES = "'\u2018\u2019\u02bc"
_APOSTROPHE = re.compile(f"[{APOSTROPHES}]")


def fold_name(name: str) -> str:
    """A unit name folded (`fold`) and without apostrophes: "Cư M’gar" and "Cư M'gar" are one key."""
    return fold(_APOSTROPHE.sub("", name))


def name_keys(name: str) -> list[str]:
    """Matching keys of a unit name: folded, "Phường 06" = "6", type word dropped, apostrophes
    dropped (the register writes "Đưng KNớ", "Đắk R'Lấp", bulletins "Đưng K’Nớ", "Đắk R’Lấp")."""
    key = fold_name(name)
    for prefix in _TYPE_PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix) :]
            break
    if key.startswith(_SO):
        key = key[len(_SO) :]
    if key.isdigit():
        key = str(int(key))
    return [key]


def _data_dir() -> Path:
    spec = find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise layout_error(_PACKAGE, "the register data it bundles")
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    for name in (_DATABASE, _MAPPING):
        require_file(_PACKAGE, folder / name, f"its bundled register data {name}")
    return folder


def _short(full: str, type_word: str | None) -> str:
    if type_word and full.startswith(type_word + " "):
        return full[len(type_word) + 1 :]
    return full


def _province_type(full: str) -> str:
    return "thành phố" if full.startswith("Thành phố") else "tỉnh"


def build_register() -> Register:
    data = _data_dir()
    try:
        return _build_register(data)
    except (sqlite3.Error, KeyError, json.JSONDecodeError) as exc:
        raise layout_error(
            _PACKAGE,
            f"{_DATABASE} with the tables admin_units and admin_units_legacy and {_MAPPING} with the "
            f"old → new ward keys, as its tested versions have them ({type(exc).__name__}: {exc})",
        ) from exc


def _build_register(data: Path) -> Register:
    register = Register()
    mapping = json.loads((data / _MAPPING).read_text(encoding="utf-8"))
    db = sqlite3.connect(f"file:{data / _DATABASE}?mode=ro", uri=True)
    try:
        new_rows = db.execute(
            "SELECT province, ward, provinceShort, wardType, provinceCode, wardCode, provinceKey, wardKey "
            "FROM admin_units"
        ).fetchall()
        legacy_rows = db.execute(
            "SELECT province, district, ward, districtType, wardType, provinceCode, districtCode, wardCode, "
            "provinceKey, districtKey, wardKey, provinceShort, districtShort FROM admin_units_legacy"
        ).fetchall()
    finally:
        db.close()

    new_ward_code: dict[tuple[str, str], str] = {}
    new_province_code: dict[str, str] = {}
    for province, ward, pshort, ward_type, pcode, wcode, pkey, wkey in new_rows:
        new_province_code[pkey] = pcode
        register.add(
            Unit(pcode, province, pshort, _province_type(province), "2025", pcode, key=pkey), "province"
        )
        if ward and wcode:
            new_ward_code[(pkey, wkey)] = wcode
            register.add(
                Unit(
                    wcode,
                    ward,
                    _short(ward, ward_type),
                    (ward_type or "").casefold(),
                    "2025",
                    pcode,
                    key=wkey,
                ),
                "ward",
            )

    # Old composite key "province_district_ward" → new ward keys (and new province key).
    successors: dict[str, list[tuple[str, str]]] = {}
    for new_pkey, wards in mapping["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_wkey, old_keys in wards.items():
            for old in old_keys:
                successors.setdefault(old, []).append((new_pkey, new_wkey))
    for new_pkey, olds in mapping["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            for part in parts:
                pair = (new_pkey, part["newWardKey"])
                if pair not in successors.setdefault(old, []):
                    successors[old].append(pair)
    province_successor: dict[str, list[str]] = {}
    for new_pkey, old_pkeys in mapping["DICT_PROVINCE"].items():
        for old in old_pkeys:
            province_successor.setdefault(old, []).append(new_pkey)

    for row in legacy_rows:
        (province, district, ward, dtype, wtype, pcode, dcode, wcode, pkey, dkey, wkey, pshort, _dshort) = row
        p_succ = tuple(
            new_province_code[k] for k in province_successor.get(pkey, []) if k in new_province_code
        )
        register.add(
            Unit(
                pcode,
                province,
                pshort,
                _province_type(province),
                "legacy",
                pcode,
                key=pkey,
                successors=p_succ,
            ),
            "province",
        )
        if district and dcode:
            register.add(
                Unit(
                    dcode,
                    district,
                    _short(district, dtype),
                    (dtype or "").casefold(),
                    "legacy",
                    pcode,
                    dcode,
                    key=dkey,
                ),
                "district",
            )
        if ward and wcode:
            succ = tuple(
                new_ward_code[pair]
                for pair in successors.get(f"{pkey}_{dkey}_{wkey}", [])
                if pair in new_ward_code
            )
            register.add(
                Unit(
                    wcode,
                    ward,
                    _short(ward, wtype),
                    (wtype or "").casefold(),
                    "legacy",
                    pcode,
                    dcode,
                    key=wkey,
                    successors=succ,
                ),
                "ward",
            )
    return register


def cache_dir() -> Path:
    """bantin's cache folder: $BANTIN_CACHE_DIR, else $XDG_CACHE_HOME/bantin, else ~/.cache/bantin."""
    if own := os.environ.get("BANTIN_CACHE_DIR"):
        return Path(own)
    xdg = os.environ.get("XDG_CACHE_HOME")
    # The XDG spec ignores a relative path.
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "bantin"


def _cache_path() -> Path:
    source = installed_version(_PACKAGE) or "unknown"
    return cache_dir() / f"register-v{_CACHE_VERSION}-{_PACKAGE}-{source}.pickle"


@cache
def load_register() -> Register:
    """The register index: read from the cache, or built from the package data and cached."""
    path = _cache_path()
    source = _data_dir() / _DATABASE
    if path.exists() and path.stat().st_mtime >= source.stat().st_mtime:
        try:
            with path.open("rb") as fh:
                loaded = pickle.load(fh)
            if isinstance(loaded, Register):
                return loaded
        except Exception:  # a stale or broken cache is rebuilt, never trusted
            pass
    register = build_register()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # A temporary file of its own, then one rename: runs that build at once never mix bytes.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.stem, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(register, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:  # an unwritable cache folder still works, without the cache
        pass
    return register
