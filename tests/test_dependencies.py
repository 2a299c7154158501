"""Dependencies: the packages whose own files bantin reads are at tested versions and hold those files,
the lock file satisfies pyproject.toml, the register cache lives in the user's cache folder, and a
missing optional package is named with the extra that installs it."""

from __future__ import annotations

import builtins
import inspect
import pickle
import tomllib
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

import bantin.gazetteer.register as register
import bantin.pipeline.text.packages as packages
import bantin.pipeline.text.wordseg as wordseg
from bantin.pipeline.database.load import LoadError, Target, connect
from bantin.pipeline.text.packages import TESTED, UnknownLayout, in_tested_range, installed_version

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _requirements(extra: str | None = None) -> list[Requirement]:
    found = PYPROJECT["dependencies"] if extra is None else PYPROJECT["optional-dependencies"][extra]
    out = []
    for line in found:
        requirement = Requirement(line)
        if requirement.name == "bantin":  # dev names the other extras
            out += [r for e in sorted(requirement.extras) for r in _requirements(e)]
        else:
            out.append(requirement)
    return out


# --- the packages read below their interface ------------------------------------------------------


@pytest.mark.parametrize("package", sorted(TESTED))
def test_pyproject_pins_the_tested_versions(package: str) -> None:
    [requirement] = [r for r in _requirements() if r.name == package]
    assert requirement.specifier == SpecifierSet(TESTED[package].specifier)


@pytest.mark.parametrize("package", sorted(TESTED))
def test_the_installed_version_is_a_tested_one(package: str) -> None:
    installed = installed_version(package)
    assert installed is not None and in_tested_range(package, installed), (
        f"{package} {installed} is installed; bantin reads its own files and is tested with "
        f"{package}{TESTED[package].specifier} only: check that its files are where "
        "pipeline/text/packages.py's callers expect them, run the suite, then widen TESTED and pyproject.toml"
    )


def test_underthesea_holds_the_model_and_modules_bantin_reads() -> None:
    folder = wordseg.model_dir()  # an UnknownLayout here says what is missing
    assert folder.name == wordseg.MODEL_NAME
    import underthesea.pipeline.word_tokenize as word_tokenize

    assert f'"{wordseg.MODEL_NAME}"' in inspect.getsource(word_tokenize), (
        f"underthesea.word_tokenize no longer loads {wordseg.MODEL_NAME}: the fast segmenter would "
        "give other words than underthesea's own"
    )
    assert isinstance(wordseg.load_segmenter(folder), wordseg.Segmenter)


def test_vietnamadminunits_holds_the_register_data_bantin_reads() -> None:
    built = register.build_register()  # an UnknownLayout here says what is missing
    assert len(built.units) > 10_000


def test_a_missing_model_file_names_the_package_its_version_and_the_tested_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(wordseg, "MODEL_NAME", "ws_crf_of_another_version")
    with pytest.raises(UnknownLayout) as error:
        wordseg.model_dir()
    message = str(error.value)
    assert f"underthesea {installed_version('underthesea')} is installed" in message
    assert "ws_crf_of_another_version" in message and "models.bin" in message
    assert "pip install --force-reinstall" in message  # a tested version: the installation is damaged


def test_a_missing_private_module_is_a_layout_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wordseg, "PRIVATE_NAMES", (("underthesea.pipeline.gone", "tokenize"),))
    with pytest.raises(UnknownLayout, match=r"expected tokenize in its module underthesea\.pipeline\.gone"):
        wordseg.model_dir()


def test_an_untested_version_without_the_data_says_which_versions_are_tested(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(register, "_DATABASE", "dataset-2030.db")
    monkeypatch.setattr(packages, "installed_version", lambda package: "2.0.0")
    with pytest.raises(UnknownLayout) as error:
        register.build_register()
    assert str(error.value).startswith(
        "bantin reads vietnamadminunits's own files and expected its bundled register data dataset-2030.db at "
    )
    assert str(error.value).endswith(
        "but vietnamadminunits 2.0.0 is installed, outside the tested versions >=1.0.4,<1.1. "
        "Install a tested version: pip install 'vietnamadminunits>=1.0.4,<1.1'"
    )


def test_register_data_of_another_shape_is_a_layout_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("dataset.db", "converter_2025.json"):
        (tmp_path / name).write_bytes(b"")
    monkeypatch.setattr(register, "_data_dir", lambda: tmp_path)
    with pytest.raises(
        UnknownLayout, match=r"converter_2025\.json with the old → new ward keys.*JSONDecodeError"
    ):
        register.build_register()


# --- the lock file -------------------------------------------------------------------------------


def _locked() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith((" ", "#")):
            name, _, version = line.partition("==")
            pins[Requirement(name).name.lower().replace("_", "-")] = version.strip()
    return pins


@pytest.mark.parametrize("extra", [None, *PYPROJECT["optional-dependencies"]])
def test_the_lock_pins_every_requirement_within_its_range(extra: str | None) -> None:
    locked = _locked()
    for requirement in _requirements(extra):
        name = requirement.name.lower().replace("_", "-")
        assert name in locked, f"{name} is not in requirements.lock: run `make lock`"
        assert requirement.specifier.contains(locked[name], prereleases=True), (
            f"requirements.lock pins {name}=={locked[name]}, outside {requirement}: run `make lock`"
        )


# --- the register cache --------------------------------------------------------------------------


def test_the_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BANTIN_CACHE_DIR", str(tmp_path / "own"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert register.cache_dir() == tmp_path / "own"
    monkeypatch.delenv("BANTIN_CACHE_DIR")
    assert register.cache_dir() == tmp_path / "xdg" / "bantin"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # not absolute: ignored, as XDG says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert register.cache_dir() == tmp_path / "home" / ".cache" / "bantin"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert register.cache_dir() == tmp_path / "home" / ".cache" / "bantin"


def test_the_register_is_cached_in_the_cache_folder_under_a_versioned_name(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BANTIN_CACHE_DIR", str(tmp_path))
    register.load_register.cache_clear()
    try:
        built = register.load_register()
    finally:
        register.load_register.cache_clear()
    version = installed_version("vietnamadminunits")
    [cached] = tmp_path.iterdir()
    assert cached.name == f"register-v{register._CACHE_VERSION}-vietnamadminunits-{version}.pickle"
    assert pickle.loads(cached.read_bytes()).units == built.units


# --- optional packages ---------------------------------------------------------------------------


def test_loading_into_postgresql_without_psycopg_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_psycopg(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "psycopg":
            raise ImportError("No module named 'psycopg'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_psycopg)
    with (
        pytest.raises(
            LoadError,
            match=r"needs psycopg, which bantin's `postgres` extra installs: "
            r"pip install 'bantin\[postgres\]'",
        ),
        connect(Target("postgresql", "postgresql://x/y")),
    ):
        pass
