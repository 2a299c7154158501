"""The sites file: which province, district and ward a source folder or website belongs to.

For batch runs over scraped sites, a YAML file maps a source (a folder of the
input, or a domain of a URL) to a region hint and, optionally, the ward the site
is about:

    sites:
      - match: phuong6.tanan.longan.gov.vn     # a domain, or a folder name in the input path
        region: Tân An, Long An               # district and/or province, as for --region
        ward: Phường 6                        # optional: the ward every article of the site is about

The first entry whose `match` is a path component or the domain of the source wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

import yaml

from bantin.pipeline.text.resources import load_user_yaml


class SitesFileError(ValueError):
    """The sites file cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Site:
    match: str
    region: str | None
    ward: str | None


@dataclass(frozen=True)
class Sites:
    entries: tuple[Site, ...]

    def hints_for(self, source: str) -> dict[str, str]:
        """The hints of the first entry matching `source` (a path or a URL); empty when none does."""
        if "://" in source:
            parsed = urlparse(source)
            parts = [parsed.netloc.casefold(), *(p.casefold() for p in PurePosixPath(parsed.path).parts)]
        else:
            parts = [p.casefold() for p in Path(source).parts]
        for site in self.entries:
            wanted = site.match.casefold().strip("/")
            if wanted in parts or any(p.endswith("." + wanted) for p in parts[:1]):
                hints: dict[str, str] = {}
                if site.region:
                    hints["sites"] = site.region
                if site.ward:
                    hints["site_ward"] = site.ward
                return hints
        return {}


def load_sites(path: Path) -> Sites:
    try:
        data = load_user_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SitesFileError(f"{path}: cannot read the sites file: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("sites"), list):
        raise SitesFileError(f"{path}: expected a mapping with a 'sites' list")
    entries: list[Site] = []
    for i, item in enumerate(data["sites"], 1):
        if not isinstance(item, dict) or not isinstance(item.get("match"), str) or not item["match"].strip():
            raise SitesFileError(f"{path}: entry {i} needs a 'match' string (a folder name or a domain)")
        region, ward = item.get("region"), item.get("ward")
        if region is None and ward is None:
            raise SitesFileError(f"{path}: entry {i} ({item['match']}) gives neither 'region' nor 'ward'")
        entries.append(
            Site(item["match"].strip(), str(region) if region else None, str(ward) if ward else None)
        )
    return Sites(tuple(entries))
