"""The fast segmenter gives underthesea.word_tokenize's words; its parts do what underthesea_core does."""

from __future__ import annotations

import random
import string
from pathlib import Path

import numpy as np
import pytest
import underthesea
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bantin.pipeline.text.crf import ModelFormatError, read_crfsuite, viterbi
from bantin.pipeline.text.document import build_document
from bantin.pipeline.text.wordseg import (
    MODEL_NAME,
    Segmenter,
    SyllableTokenizer,
    UnsupportedTemplate,
    WindowCache,
    load_segmenter,
    parse_template,
    rust_isdigit,
    rust_istitle,
    word_segmenter,
)

ROOT = Path(__file__).resolve().parent.parent
MODEL_DIR = Path(underthesea.__file__).parent / "pipeline" / "word_tokenize" / "models" / MODEL_NAME


def corpus_sentences() -> list[str]:
    sentences = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences += [text[s.start : s.end] for s in build_document(path.name, text).sentences]
    return sentences


def test_the_bundled_model_is_read_not_replaced_by_the_fallback() -> None:
    assert MODEL_DIR.is_dir()
    assert isinstance(word_segmenter(), Segmenter)


def test_every_corpus_sentence_is_segmented_as_word_tokenize_does() -> None:
    sentences = corpus_sentences()
    assert len(sentences) > 100
    segment = word_segmenter()
    differing = [s for s in sentences if segment(s) != underthesea.word_tokenize(s)]
    assert differing == []


EDGE_SENTENCES = [
    "",
    "   ",
    "Đảng ủy",
    "UBND phường 6, TP. Sóc Trăng tổ chức Hội nghị sơ kết 06 tháng đầu năm 2022.",
    "Ông Nguyễn Văn A - QUV, Bí thư Đảng ủy phường trao 120 suất quà (mỗi suất 500.000đ).",
    "Liên hệ: http://phuong6.soctrang.gov.vn hoặc email ubnd@soctrang.gov.vn, ĐT 0299-382-1234",
    "Giai đoạn 2021 – 2023, v.v... tổng cộng 1.234.567,5 đồng; 43H-0530; 3x4; 10:20:50 H'Mông",
    "2147483647 2147483648 -5 +7 ٣ ½ Ⅻ",
    "ΣΑΣ ǅemal İstanbul ß ŉ ﬁ",
    "“Dân vận khéo” «Đồng phục chắp cánh ước mơ» 'quoted' — …",
]


@pytest.mark.parametrize("sentence", EDGE_SENTENCES)
def test_edge_sentences_are_segmented_as_word_tokenize_does(sentence: str) -> None:
    assert word_segmenter()(sentence) == underthesea.word_tokenize(sentence)


SYLLABLES = [
    "phường",
    "xã",
    "Đảng",
    "ủy",
    "Ủy",
    "ban",
    "nhân",
    "dân",
    "Bí",
    "thư",
    "hội",
    "nghị",
    "tổ",
    "chức",
    "năm",
    "2023",
    "12/7",
    "575",
    "triệu",
    "đồng",
    "hơn",
    "lượt",
    "người",
    "Nguyễn",
    "Văn",
    "A",
    "TP.",
    "Sóc",
    "Trăng",
    "khu",
    "phố",
    "“",
    "”",
    ",",
    ".",
    "-",
    "(",
    ")",
    ":",
    "QUV",
    "UBMTTQ",
    "1.234",
]


# Vietnamese letters, ASCII and the punctuation of the bulletins. Characters whose case
# mapping is newer than Python's Unicode database (e.g. "ɤ", upper-cased from Unicode 16)
# are left out: Rust's `to_uppercase` knows them and Python's `upper` does not yet.
VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
ALPHABET = VIETNAMESE + VIETNAMESE.upper() + string.printable + "“”‘’«»–—…·°₫%\u00a0"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(st.sampled_from(SYLLABLES), st.text(alphabet=ALPHABET, min_size=1, max_size=6)),
        min_size=0,
        max_size=25,
    ),
    st.lists(st.sampled_from([" ", "  ", "\t", ""]), min_size=25, max_size=25),
)
def test_random_text_is_segmented_as_word_tokenize_does(pieces: list[str], gaps: list[str]) -> None:
    sentence = "".join(p + g for p, g in zip(pieces, gaps, strict=False))
    assert word_segmenter()(sentence) == underthesea.word_tokenize(sentence)


@pytest.mark.parametrize("capacity", [1, 7, 40])
def test_a_small_window_cache_that_empties_often_changes_nothing(capacity: int) -> None:
    segmenter = load_segmenter(MODEL_DIR)
    assert isinstance(segmenter, Segmenter)
    for width, cache in segmenter.scorer.window_cache.items():
        segmenter.scorer.window_cache[width] = WindowCache(capacity, cache.matrix.shape[1])
    sentences = corpus_sentences()[:25]
    assert [segmenter(s) for s in sentences] == [underthesea.word_tokenize(s) for s in sentences]


@pytest.mark.parametrize("sentence", EDGE_SENTENCES + corpus_sentences()[:40])
def test_syllables_are_underthesea_regex_tokens(sentence: str) -> None:
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

    assert SyllableTokenizer()(sentence) == tokenize(sentence)


def test_emission_scores_equal_the_summed_weights_of_underthesea_core_features() -> None:
    import joblib
    from underthesea_core import CRFFeaturizer

    model = read_crfsuite(MODEL_DIR / "models.bin")
    featurizer = CRFFeaturizer(
        joblib.load(MODEL_DIR / "features.bin"), joblib.load(MODEL_DIR / "dictionary.bin")
    )
    segmenter = word_segmenter()
    assert isinstance(segmenter, Segmenter)
    for sentence in corpus_sentences()[:30] + EDGE_SENTENCES[2:]:
        tokens = segmenter.syllables(sentence)
        if not tokens:
            continue
        rows = featurizer.process([[[t] for t in tokens]])[0]
        expected = np.array(
            [[sum(model.state_weights.get(f, (0.0, 0.0))[k] for f in row) for k in range(2)] for row in rows]
        )
        assert np.allclose(segmenter.scorer.emissions(tokens), expected, rtol=0, atol=1e-9), sentence


def test_crfsuite_model_labels_transitions_and_weights() -> None:
    model = read_crfsuite(MODEL_DIR / "models.bin")
    assert model.labels == ["B-W", "I-W"]
    # Values as `crfsuite dump` prints them (6 decimals).
    assert model.transitions[0][0] == pytest.approx(-0.436427, abs=1e-6)
    assert model.transitions[0][1] == pytest.approx(0.400129, abs=1e-6)
    assert model.transitions[1][0] == pytest.approx(0.401409, abs=1e-6)
    assert model.transitions[1][1] == pytest.approx(-0.606206, abs=1e-6)
    assert model.state_weights["T[-2]=BOS"] == pytest.approx((0.126029, -0.126029), abs=1e-6)
    assert len(model.state_weights) > 40_000


def test_a_file_that_is_no_crfsuite_model_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "models.bin"
    bad.write_bytes(b"not a model at all, just some bytes to fill the header")
    with pytest.raises(ModelFormatError):
        read_crfsuite(bad)


def test_an_unreadable_model_falls_back_to_word_tokenize(tmp_path: Path) -> None:
    assert load_segmenter(tmp_path) is underthesea.word_tokenize


VITERBI_CASES = [
    # emissions, transitions, best path
    ([[1.0, 0.0]], [[0.0, 0.0], [0.0, 0.0]], [0]),
    ([[0.0, 1.0]], [[0.0, 0.0], [0.0, 0.0]], [1]),
    ([[0.0, 0.0], [0.0, 0.0]], [[0.0, 0.0], [0.0, 0.0]], [0, 0]),  # ties: the lower label
    ([[1.0, 0.0], [0.0, 0.2]], [[0.0, 0.5], [0.0, 0.0]], [0, 1]),
    ([[1.0, 0.0], [0.3, 0.0]], [[-2.0, 0.0], [0.0, 0.0]], [0, 1]),  # the transition outweighs the emission
    ([[0.0, 3.0], [1.0, 0.0], [0.0, 0.0]], [[0.0, 0.0], [0.0, -5.0]], [1, 0, 0]),
    ([], [[0.0, 0.0], [0.0, 0.0]], []),
]


@pytest.mark.parametrize(("emissions", "transitions", "path"), VITERBI_CASES)
def test_viterbi(emissions: list[list[float]], transitions: list[list[float]], path: list[int]) -> None:
    assert viterbi(emissions, transitions) == path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", True),
        ("+5", True),
        ("-3", True),
        ("2147483647", True),
        ("2147483648", False),
        ("-2147483648", True),
        ("-2147483649", False),
        ("1.5", False),
        ("1 2", False),
        ("٣", False),  # Rust's parse takes ASCII digits only
        ("", False),
        ("+", False),
    ],
)
def test_isdigit_is_rust_i32_parse(text: str, expected: bool) -> None:
    assert rust_isdigit(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bác", True),
        ("bác", False),
        ("Bác Sĩ", True),
        ("Bác sĩ", False),
        ("12", True),  # a digit is its own upper case
        ("(", True),
        ("ß", False),  # upper case is "SS"
        ("Đảng ủy", False),
    ],
)
def test_istitle_compares_each_first_character_with_its_upper_case(text: str, expected: bool) -> None:
    assert rust_istitle(text) is expected


@pytest.mark.parametrize(
    ("name", "first", "last", "function"),
    [
        ("T[0]", 0, 0, None),
        ("T[-2]", -2, -2, None),
        ("T[-1,1]", -1, 1, None),
        ("T[0,1].lower", 0, 1, "lower"),
        ("T[2].is_in_dict", 2, 2, "is_in_dict"),
    ],
)
def test_template_syntax(name: str, first: int, last: int, function: str | None) -> None:
    template = parse_template(name)
    assert (template.first, template.last, template.function) == (first, last, function)


@pytest.mark.parametrize("name", ["T[0][1]", "T[0].upper", "W[0]", "T[1,-1]", "T[0]x"])
def test_templates_outside_the_supported_syntax_are_refused(name: str) -> None:
    with pytest.raises(UnsupportedTemplate):
        parse_template(name)


def test_viterbi_of_two_labels_is_the_general_one() -> None:
    """The unrolled two-label decoder gives the general loop's path, ties and infinities included."""
    from bantin.pipeline.text.crf import _viterbi_general

    rng = random.Random(5)
    values = [0.0, 1.0, -1.0, 0.5, float("-inf")]
    for _ in range(3000):
        emissions = [
            [rng.choice([*values, rng.uniform(-3, 3)]) for _ in range(2)] for _ in range(rng.randint(1, 12))
        ]
        transitions = [[rng.choice([*values, rng.uniform(-1, 1)]) for _ in range(2)] for _ in range(2)]
        assert viterbi(emissions, transitions) == _viterbi_general(emissions, transitions)
