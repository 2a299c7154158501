"""The register (before and after the 2025 reform), name matching, linking and its context."""

from __future__ import annotations

import datetime as dt
import json
import socket
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bantin.extractors import find_all
from bantin.gazetteer.link import Context, article_context, article_ward, link, region_context
from bantin.gazetteer.register import load_register, name_keys
from bantin.gazetteer.sites import Sites, SitesFileError, load_sites
from bantin.pipeline.cli import app
from bantin.pipeline.text.document import build_document

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
        # The register writes "Đưng KNớ", "Đắk R'Lấp": an apostrophe however typed is no part of the key.
        ("Đưng K’Nớ", "đưng knớ"),
        ("Đắk R'Lấp", "đắk rlấp"),
    ],
)
def test_name_keys(written: str, key: str) -> None:
    from bantin.pipeline.text.textnorm import fold

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
    # Phường 6's and Phường 11's events, three mentions each: about no single ward.
    assert articles["000_581ac50e226256f5.txt"]["ward"] is None


def test_cli_region_and_sites_link_the_ward(tmp_path: Path) -> None:
    source = tmp_path / "corpus" / "phuong6.txt"
    source.parent.mkdir()
    source.write_text(
        "Ngày 31/3/2023, Đảng ủy Phường 6 tổ chức phát động phong trào thi đua “Dân vận khéo”.\n"
        "Các ban ngành, đoàn thể Phường 6 đăng ký công trình.\n",
        encoding="utf-8",
    )
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


def _units(*mentions: tuple[str, str, int]) -> list[dict]:
    return [
        {"level": level, "name": name, "start": at, "end": at + len(name) + 6} for level, name, at in mentions
    ]


# (ward mentions as (level, name, offset), title end, lead spans, the ward's name or None)
@pytest.mark.parametrize(
    ("mentions", "title_end", "lead", "ward"),
    [
        # The title's ward, even when the body names another more often.
        ([("xã", "Ia Rtô", 10), ("xã", "Chư Băh", 200), ("xã", "Chư Băh", 400)], 60, [], "Ia Rtô"),
        # Two wards in the title, equally named: about neither alone.
        ([("phường", "A", 5), ("phường", "B", 20), ("phường", "A", 300), ("phường", "B", 400)], 40, [], None),
        # The body's ward, a neighbour named once beside it.
        ([("phường", "Nam Hồng", 35), ("phường", "Nam Hồng", 300), ("phường", "Bắc Hồng", 500)], None, [(0, 200)], "Nam Hồng"),
        # Two wards' events, three mentions each; a district's list of communes: no single ward.
        ([("phường", "6", 24), ("phường", "6", 600), ("phường", "6", 800), ("phường", "11", 900),
          ("phường", "11", 2900), ("phường", "11", 3800)], None, [(0, 200)], None),
        ([("xã", "Lâm Sơn", 557), ("xã", "Hòa Sơn", 570), ("xã", "Ma Nới", 580)], 60, [(62, 400)], None),
        # Named once: in the lead's second sentence it is the ward; in a photo caption or further on it is not.
        ([("xã", "Đắc Pring", 342)], 70, [(100, 300), (301, 500)], "Đắc Pring"),
        ([("xã", "Phú Thọ", 350)], 70, [(100, 300), (420, 600)], None),
        # Case and tone placement do not make two wards.
        ([("phường", "Hải Hoà", 13), ("phường", "Hải Hòa", 600), ("xã", "CỔ ĐÔNG", 700)], None, [(0, 100)], "Hải Hoà"),
    ],
)  # fmt: skip
def test_article_ward_choice(
    mentions: list[tuple[str, str, int]], title_end: int | None, lead: list[tuple[int, int]], ward: str | None
) -> None:
    chosen = article_ward(_units(*mentions), title_end, BEFORE, {}, lead=lead)
    assert (chosen["name"] if chosen else None) == ward


def test_article_ward_falls_back_to_the_site() -> None:
    chosen = article_ward([], None, BEFORE, {"site_ward": "Phường 6"})
    assert chosen is not None and (chosen["level"], chosen["name"], chosen["via"]) == ("phường", "6", "sites")


def test_the_lead_skips_the_title_and_captions() -> None:
    text = (
        "Phường Tân Phong ra mắt mô hình\n\nSáng 14/3, Hội LHPN phường tổ chức lễ ra mắt.\n\n"
        "Lãnh đạo xã Phú Thọ trao quà\n\nTại buổi lễ, đại biểu phát biểu. Hội trao 20 suất quà."
    )
    lead = [text[s.start : s.end] for s in build_document("t.txt", text).lead()]
    assert lead == ["Sáng 14/3, Hội LHPN phường tổ chức lễ ra mắt.", "Tại buổi lễ, đại biểu phát biểu."]

    text = "Tiêu đề bài viết ở đây\n\nTÂN PHONG: Hội phụ nữ xã Tân Phong ra mắt mô hình\n\nẢnh hội nghị\n\nThực hiện kế hoạch."
    lead = [text[s.start : s.end] for s in build_document("t.txt", text).lead()]
    assert lead == ["TÂN PHONG: Hội phụ nữ xã Tân Phong ra mắt mô hình", "Thực hiện kế hoạch."]


@pytest.mark.parametrize(
    ("text", "ward"),
    [
        # A ward in parentheses after a person is the person's address: the article's ward is the other.
        (
            "Sáng 10-3, Hội Chữ thập đỏ tỉnh phối hợp với chính quyền xã Ia Dom bàn giao 1 con bò giống. "
            "Con bò do gia đình bà Nguyễn Thị Thanh Hậu (phường Diên Hồng) tài trợ.",
            "Ia Dom",
        ),
        # After a smaller unit, it locates that unit: it is the article's ward.
        (
            "Tối 9-11, buôn Phu Ma Nhe 1 (xã Ia Rtô, thị xã Ayun Pa) tổ chức Ngày hội. "
            "Đến dự có ông Lê Văn A (phường Sông Bờ).",
            "Ia Rtô",
        ),
    ],
)
def test_a_ward_in_parentheses_is_an_address_unless_it_locates_a_smaller_unit(text: str, ward: str) -> None:
    document = build_document("w.txt", text)
    units = [
        {"level": m.fields["level"], "name": m.fields["name"], "start": m.start, "end": m.end}
        for m in find_all(document, ["unit"])["unit"]
    ]
    chosen = article_ward(units, None, BEFORE, {}, lead=[(0, len(text))], text=text)
    assert (chosen["name"] if chosen else None) == ward
