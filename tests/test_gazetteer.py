"""The register (before and after the 2025 reform), name matching, linking and its context."""

from __future__ import annotations

import datetime as dt
import json
import socket
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gazetteer.link import Context, article_context, link, region_context
from gazetteer.register import load_register, name_keys
from gazetteer.sites import Sites, SitesFileError, load_sites
from pipeline.cli import app
from tests.conftest import CORPUS

BEFORE = dt.date(2023, 7, 12)
AFTER = dt.date(2025, 8, 1)


def test_register_sizes() -> None:
    sizes = Counter((key.split(":")[0], key.split(":")[1]) for key in load_register().units)
    assert sizes[("legacy", "province")] == 63
    assert sizes[("2025", "province")] == 34
    assert 600 < sizes[("legacy", "district")] < 800
    assert 10_000 < sizes[("legacy", "ward")] < 10_700
    assert 3_300 <= sizes[("2025", "ward")] < 3_400


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Phường 06", "6"),
        ("6", "6"),
        ("số 6", "6"),
        ("Phường Tân Quy Đông", "tân quy đông"),
        ("Hoà Bình", "hòa bình"),
        ("HOÀ  BÌNH", "hòa bình"),
        ("Thị xã Hồng Lĩnh", "hồng lĩnh"),
    ],
)
def test_name_keys(written: str, key: str) -> None:
    from pipeline.textnorm import fold

    assert name_keys(written) == [fold(key)]


def test_tone_placement_finds_the_same_units() -> None:
    register = load_register()
    assert register.find("legacy", "ward", "Hoà Bình") == register.find("legacy", "ward", "Hòa Bình")
    assert len(register.find("legacy", "ward", "Hòa Bình")) > 1


@pytest.mark.parametrize(
    ("level", "name", "code", "code_2025", "name_2025"),
    [
        ("phường", "Tân Quy Đông", "29917", ["29905"], ["Phường Sa Đéc"]),
        ("phường", "Hiệp Ninh", "25465", ["25459"], ["Phường Tân Ninh"]),
        ("phường", "Hàng Bồ", "00052", ["00070"], ["Phường Hoàn Kiếm"]),
        # A ward split by the reform: every successor, not a guess.
        ("phường", "Hàng Trống", "00070", ["00082", "00070"], ["Phường Cửa Nam", "Phường Hoàn Kiếm"]),
        ("quận", "Hoàn Kiếm", "002", [], []),
        ("tỉnh", "Long An", "80", ["80"], ["Tỉnh Tây Ninh"]),
        ("thành phố", "HCM", "79", ["79"], ["Thành phố Hồ Chí Minh"]),
    ],
)
def test_link_unique_names(
    level: str, name: str, code: str, code_2025: list[str], name_2025: list[str]
) -> None:
    linked = link(level, name, BEFORE, Context())
    assert (linked.link_status, linked.code, linked.code_2025, linked.name_2025) == (
        "linked",
        code,
        code_2025,
        name_2025,
    )


def test_same_name_stays_ambiguous_without_context() -> None:
    linked = link("phường", "6", BEFORE, Context())
    assert (linked.link_status, linked.code, linked.candidates) == ("ambiguous", None, 11)
    assert linked.code_2025 == []


def test_article_district_disambiguates() -> None:
    alone = link("phường", "Trần Hưng Đạo", BEFORE, Context())
    assert alone.link_status == "ambiguous"
    context = article_context([("quận", "Hoàn Kiếm"), ("phường", "Trần Hưng Đạo")], BEFORE, {})
    linked = link("phường", "Trần Hưng Đạo", BEFORE, context)
    assert (linked.link_status, linked.code, linked.candidates) == ("linked", "00082", alone.candidates)


@pytest.mark.parametrize(
    ("region", "code"),
    [
        ("Tân An, Long An", "27700"),
        ("Long An", "27700"),
        ("Thành phố Tân An", "27700"),
        ("Sa Đéc", "29878"),
    ],  # no Phường 6 in Sa Đéc: its province decides
)
def test_region_hint_disambiguates(region: str, code: str) -> None:
    context = article_context([("phường", "6")], BEFORE, {"region": region})
    assert link("phường", "6", BEFORE, context).code == code


def test_region_hint_that_leaves_several_stays_ambiguous() -> None:
    # Hồ Chí Minh has several "Phường 6": a province hint alone does not choose among them.
    context = article_context([("phường", "6")], BEFORE, {"region": "Hồ Chí Minh"})
    linked = link("phường", "6", BEFORE, context)
    assert (linked.link_status, linked.code) == ("ambiguous", None)


def test_region_context_codes() -> None:
    assert region_context("Sa Đéc, Đồng Tháp") == ({"87"}, {"867"})
    assert region_context("Sa Đéc") == ({"87"}, {"867"})
    assert region_context("Đồng Tháp") == ({"87"}, set())


def test_after_the_reform_the_new_register_is_used() -> None:
    linked = link("phường", "Hoàn Kiếm", AFTER, Context())
    assert (linked.link_status, linked.code, linked.code_2025) == ("linked", "00070", ["00070"])
    # Before the reform there was no "phường Hoàn Kiếm".
    assert link("phường", "Hoàn Kiếm", BEFORE, Context()).code == "00070"


@pytest.mark.parametrize(
    ("level", "name", "status"),
    [
        ("khu phố", "3", "not_a_register_level"),
        ("tổ dân phố", "5", "not_a_register_level"),
        ("phường", "Không Có Thật", "not_in_register"),
    ],
)
def test_link_status_without_a_code(level: str, name: str, status: str) -> None:
    linked = link(level, name, BEFORE, Context())
    assert (linked.link_status, linked.code) == (status, None)


def test_linking_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert link("phường", "Tân Quy Đông", BEFORE, Context()).code == "29917"


def test_sites_file(tmp_path: Path) -> None:
    path = tmp_path / "sites.yaml"
    path.write_text(
        "sites:\n"
        "  - match: phuong6.tanan.longan.gov.vn\n    region: Tân An, Long An\n    ward: Phường 6\n"
        "  - match: sadec\n    region: Sa Đéc, Đồng Tháp\n",
        encoding="utf-8",
    )
    sites = load_sites(path)
    assert sites.hints_for("https://phuong6.tanan.longan.gov.vn/tin-tuc/1.html") == {
        "sites": "Tân An, Long An",
        "site_ward": "Phường 6",
    }
    assert sites.hints_for("scraped/sadec/2023/a.txt") == {"sites": "Sa Đéc, Đồng Tháp"}
    assert sites.hints_for("scraped/other/a.txt") == {}
    assert Sites(()).hints_for("x") == {}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- a\n- b\n", "'sites' list"),
        ("sites:\n  - region: X\n", "'match'"),
        ("sites:\n  - match: x\n", "neither"),
    ],
)
def test_bad_sites_file_says_why(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "sites.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SitesFileError, match=message):
        load_sites(path)


def _articles(out: Path) -> dict[str, dict]:
    rows = [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    return {Path(r["source"]).name: r for r in rows}


def test_article_ward_from_title_and_body(corpus_out: Path) -> None:
    articles = _articles(corpus_out)
    ward = articles["001_f6e4806f46cbd4e1.txt"]["ward"]
    assert (ward["name"], ward["code"], ward["via"], ward["code_2025"]) == (
        "Tân Quy Đông",
        "29917",
        "title",
        ["29905"],
    )
    ward = articles["000_581ac50e226256f5.txt"]["ward"]
    assert (ward["name"], ward["code"], ward["link_status"], ward["via"]) == ("6", None, "ambiguous", "body")


def test_cli_region_and_sites_link_the_ward(tmp_path: Path) -> None:
    source = CORPUS / "000_581ac50e226256f5.txt"
    runner = CliRunner()
    out = tmp_path / "region"
    result = runner.invoke(
        app, ["extract", str(source), "--out", str(out), "-q", "--region", "Tân An, Long An"]
    )
    assert result.exit_code == 0, result.output
    assert _articles(out)[source.name]["ward"]["code"] == "27700"

    sites = tmp_path / "sites.yaml"
    sites.write_text("sites:\n  - match: corpus\n    region: Sa Đéc, Đồng Tháp\n", encoding="utf-8")
    out = tmp_path / "sites"
    result = runner.invoke(app, ["extract", str(source), "--out", str(out), "-q", "--sites", str(sites)])
    assert result.exit_code == 0, result.output
    assert _articles(out)[source.name]["ward"]["code"] == "29878"

    bad = tmp_path / "bad.yaml"
    bad.write_text("nothing: here\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(source), "--out", str(tmp_path / "bad"), "--sites", str(bad)])
    assert result.exit_code == 2
    assert "sites" in result.output


def test_a_ward_and_a_district_of_the_same_article_narrow_each_other() -> None:
    # Both names are shared (four "xã Thái Bình", ten "huyện Châu Thành"), but only one Châu
    # Thành holds a Thái Bình: naming both in one article links both.
    mentions = [("xã", "Thái Bình"), ("huyện", "Châu Thành")]
    assert link("xã", "Thái Bình", BEFORE, Context()).link_status == "ambiguous"
    context = article_context(mentions, BEFORE, {})
    assert link("xã", "Thái Bình", BEFORE, context).code == "25597"
    assert link("huyện", "Châu Thành", BEFORE, context).code == "708"


def test_names_that_share_no_unit_stay_ambiguous() -> None:
    context = article_context([("xã", "Tân Hội"), ("huyện", "Châu Thành")], BEFORE, {})
    assert link("xã", "Tân Hội", BEFORE, context).link_status == "ambiguous"
    assert link("huyện", "Châu Thành", BEFORE, context).link_status == "ambiguous"


def test_a_district_without_the_ward_does_not_lend_its_province() -> None:
    # TP. Cao Lãnh has no "Phường 2" in the register; Sa Đéc, in the same province, has one.
    context = article_context([("phường", "2"), ("thành phố", "Cao Lãnh")], BEFORE, {})
    assert link("phường", "2", BEFORE, context).link_status == "ambiguous"
    named = article_context([("phường", "2"), ("thành phố", "Cao Lãnh"), ("tỉnh", "Đồng Tháp")], BEFORE, {})
    assert link("phường", "2", BEFORE, named).code == "29911"  # the province named in the text decides
