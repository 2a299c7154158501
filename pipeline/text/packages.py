"""The installed packages whose own files bantin reads, the versions it is tested with, and a clear
error when an installed version does not hold those files where bantin expects them.

bantin reads two packages below their public interface: underthesea's word segmentation model
files and private modules (`bantin.pipeline.text.wordseg`), and the register data that
vietnamadminunits bundles (`bantin.gazetteer.register`). pyproject.toml pins both to `TESTED`
(tests/test_packages.py checks that the two agree and that the installed versions hold the files).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from packaging.specifiers import SpecifierSet


@dataclass(frozen=True)
class Tested:
    """The versions of a package bantin is tested with: `minimum` ≤ version < `below`."""

    minimum: str
    below: str

    @property
    def specifier(self) -> str:
        return f">={self.minimum},<{self.below}"


TESTED = {
    "underthesea": Tested("9.5.0", "9.6"),
    "vietnamadminunits": Tested("1.0.4", "1.1"),
}


class UnknownLayout(RuntimeError):
    """An installed package does not hold a file or module bantin reads where bantin expects it."""


def installed_version(package: str) -> str | None:
    try:
        return version(package)
    except PackageNotFoundError:
        return None


def in_tested_range(package: str, installed: str) -> bool:
    return SpecifierSet(TESTED[package].specifier).contains(installed, prereleases=True)


def layout_error(package: str, expected: str) -> UnknownLayout:
    """The error for `package` not holding `expected`: which version is installed, which are tested."""
    tested = TESTED[package].specifier
    installed = installed_version(package)
    advice = f"Install a tested version: pip install '{package}{tested}'"
    if installed is None:
        found = f"{package} is not installed"
    elif in_tested_range(package, installed):
        found = f"{package} {installed} is installed, a tested version: its installation looks damaged"
        advice = f"Reinstall it: pip install --force-reinstall '{package}=={installed}'"
    else:
        found = f"{package} {installed} is installed, outside the tested versions {tested}"
    return UnknownLayout(f"bantin reads {package}'s own files and expected {expected}, but {found}. {advice}")


def require_file(package: str, path: Path, what: str) -> Path:
    """`path`, or an `UnknownLayout` naming the package, its version and the file expected."""
    if not path.is_file():
        raise layout_error(package, f"{what} at {path}")
    return path
