"""Vietnamese word segmentation: underthesea's own CRF model, scored without feature strings.

`underthesea.word_tokenize` spends most of its time building ~43 feature strings per
syllable (`CRFFeaturizer`) that its tagger then looks up again. Here the model file
(CRFsuite format, read by `bantin.pipeline.text.crf`) gives each template a table of weights by value,
and a sentence is scored window by window: the weights a window of syllables earns under
every template of its width are looked up once per distinct window text and cached, so a
frequent syllable or pair costs one lookup. Syllables come from underthesea's own regex
tokenizer and normaliser; decoding is the same Viterbi as `underthesea_core.CRFTagger`.
Weights are added in the order underthesea_core adds them, so the words are those
`word_tokenize` returns (tests compare them on the corpus and on random text). The one
known difference: a character whose case mapping is newer than Python's Unicode database
(e.g. "ɤ", given an upper case in Unicode 16) can change a title-case feature.

underthesea's model files and private modules are read where its tested versions keep them
(`bantin.pipeline.text.packages`): when they are not there, `word_segmenter` raises an
`UnknownLayout` that names the version installed and the versions tested. A model that is there
but that this module cannot parse falls back to `word_tokenize`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import regex

from bantin.pipeline.text.crf import CRFModel, ModelFormatError, read_crfsuite, viterbi
from bantin.pipeline.text.packages import layout_error, require_file

_TEMPLATE = regex.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\.(lower|isdigit|istitle|is_in_dict))?")
MODEL_NAME = "ws_crf_vlsp2013_20230727"  # the model underthesea.word_tokenize loads
MODEL_FILES = ("models.bin", "features.bin", "dictionary.bin")
# The private names the syllable tokenizer takes underthesea's regex and normalisers from.
PRIVATE_NAMES = (
    ("underthesea.pipeline.text_normalize", "token_normalize"),
    ("underthesea.pipeline.text_normalize.character_normalize", "normalize_characters_in_text"),
    ("underthesea.pipeline.word_tokenize.regex_tokenize", "patterns"),
)
_I32 = regex.compile(r"[+-]?[0-9]+")
_I32_MAX = 2**31 - 1
# Runs of non-space characters longer than this are tokenised by windows (see
# `SyllableTokenizer.match_texts`); shorter ones, all of normal text, exactly as underthesea does.
MAX_RUN = 500
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN + 1},}}")
_RUN = re.compile(r"\S+")  # the standard library's \s is `str.isspace`, as underthesea's pattern reads it
_RUN_CACHE = 100_000  # runs whose tokens are kept (then the cache starts again)
_WINDOW_CACHE = 1_000  # windows of long runs whose matches are kept


class UnsupportedTemplate(ValueError):
    """A feature template outside T[i], T[i,j] with an optional lower/isdigit/istitle/is_in_dict."""


@dataclass(frozen=True)
class Template:
    """One feature template: the syllables `first..last` around a position, and a function."""

    name: str
    first: int
    last: int
    function: str | None

    @property
    def width(self) -> int:
        return self.last - self.first + 1


def parse_template(name: str) -> Template:
    match = _TEMPLATE.fullmatch(name)
    if match is None:
        raise UnsupportedTemplate(name)
    first = int(match[1])
    last = int(match[2]) if match[2] is not None else first
    if last < first:
        raise UnsupportedTemplate(name)
    return Template(name, first, last, match[3])


def rust_isdigit(text: str) -> bool:
    """`text.parse::<i32>().is_ok()`, which is what underthesea_core's `isdigit` tests."""
    if _I32.fullmatch(text) is None:
        return False
    return -_I32_MAX - 1 <= int(text) <= _I32_MAX


def rust_istitle(text: str) -> bool:
    """Every space-separated part starts with a character equal to its upper case."""
    return all(part[0] == part[0].upper() for part in text.split(" ") if part)


def template_value(window: str, function: str | None, dictionary: set[str] | frozenset[str]) -> str:
    """The attribute value underthesea_core writes for a window of syllables joined by spaces."""
    if function is None:
        return window
    if function == "lower":
        return window.lower()
    if function == "isdigit":
        return "True" if rust_isdigit(window) else "False"
    if function == "istitle":
        return "True" if rust_istitle(window) else "False"
    return "True" if window.lower() in dictionary else "False"


Vector = tuple[float, ...]


class WindowCache:
    """Weight rows by window text, in one preallocated matrix; emptied when full.

    The matrix is stored column by column (`matrix` is a row-wise view of it): a template reads
    its own columns for every syllable, and they are gathered contiguous, not strided across rows.
    """

    def __init__(self, capacity: int, columns: int) -> None:
        self.by_column = np.zeros((columns, capacity))
        self.matrix = self.by_column.T
        self.row_of: dict[str, int] = {}

    def clear(self) -> None:
        self.row_of.clear()

    def columns(
        self, windows: Sequence[str], width: int, weigh: Callable[[int, str], list[float]]
    ) -> np.ndarray:
        """The windows' weight rows, as a (columns × windows) array."""
        if len(windows) > len(self.matrix):  # a huge sentence: a cache-full at a time
            step = len(self.matrix)
            parts = [self.columns(windows[i : i + step], width, weigh) for i in range(0, len(windows), step)]
            return np.concatenate(parts, axis=1)
        row_of = self.row_of
        if len(row_of) + len(windows) > len(self.matrix):
            row_of.clear()
        # New windows take rows in order of first appearance; the loop runs over distinct texts
        # only, the lookup of every window is one C-level map (a long sentence repeats itself).
        for window in dict.fromkeys(windows):
            if window not in row_of:
                row = row_of[window] = len(row_of)
                self.matrix[row] = weigh(width, window)
        index = np.fromiter(map(row_of.__getitem__, windows), dtype=np.intp, count=len(windows))
        return self.by_column[:, index]


class EmissionScorer:
    """Per-syllable label scores: the summed state weights of each syllable's attributes.

    A template reads a window of syllables (its width) at an offset. The weights a window's
    text earns under every template of its width are looked up once and cached by text, so
    a frequent syllable or pair costs one dictionary lookup per occurrence. The sums are
    then added template by template in the model's template order, which is the order in
    which `underthesea_core` adds the weights of the feature strings it builds: the floating
    point results are the same, not merely close.
    """

    CACHE_ROWS = 50_000  # windows kept per width: at most 34 MB for this model (86 weights a row)

    def __init__(
        self, templates: Sequence[str], dictionary: set[str] | frozenset[str], model: CRFModel
    ) -> None:
        self.dictionary = dictionary
        self.n_labels = len(model.labels)
        self.templates = [parse_template(name) for name in templates]
        weights: dict[str, dict[str, Vector]] = {t.name: {} for t in self.templates}
        for attribute, vector in model.state_weights.items():
            name, _, value = attribute.partition("=")
            if name in weights:
                weights[name][value] = vector
        zero = (0.0,) * self.n_labels
        self.bos = [np.array(weights[t.name].get("BOS", zero)) for t in self.templates]
        self.eos = [np.array(weights[t.name].get("EOS", zero)) for t in self.templates]
        # width → the (function, weights) of its templates; each template's column among them
        self.by_width: dict[int, list[tuple[str | None, dict[str, Vector]]]] = {}
        self.column: list[int] = []
        for t in self.templates:
            same_width = self.by_width.setdefault(t.width, [])
            self.column.append(len(same_width))
            same_width.append((t.function, weights[t.name]))
        self.zero = zero
        self.window_cache = {
            width: WindowCache(self.CACHE_ROWS, len(ts) * self.n_labels)
            for width, ts in self.by_width.items()
        }

    def window_weights(self, width: int, window: str) -> list[float]:
        """The weights the window's text earns under each template of its width, flattened."""
        lower = window.lower()
        values = {None: window, "lower": lower, "is_in_dict": str(lower in self.dictionary)}
        flat: list[float] = []
        for function, weights in self.by_width[width]:
            value = values.get(function)
            if value is None:
                value = values[function] = template_value(window, function, self.dictionary)
            flat += weights.get(value, self.zero)
        return flat

    def emissions(self, syllables: Sequence[str]) -> np.ndarray:
        """An (n syllables × labels) array of scores."""
        n, n_labels = len(syllables), self.n_labels
        looked_up: dict[int, np.ndarray] = {}
        for width in self.by_width:
            windows = syllables
            if width > 1:  # the windows of `width` syllables from each position, joined by spaces
                count = max(0, n - width + 1)
                shifted = [syllables[k : k + count] for k in range(width)]
                windows = list(map(" ".join, zip(*shifted, strict=True)))
            if windows:
                looked_up[width] = self.window_cache[width].columns(windows, width, self.window_weights)
        # Labels × syllables: each template's weights are added to contiguous rows (the same sums in
        # the same order as syllable by syllable), the transpose is returned.
        totals = np.zeros((n_labels, n))
        for k, t in enumerate(self.templates):
            # Position p reads the window at p+first; before the sentence it is BOS, past it EOS.
            lead = min(n, max(0, -t.first))
            tail = min(n - lead, max(0, t.last))
            count = n - lead - tail
            if lead:
                totals[:, :lead] += self.bos[k][:, None]
            if count > 0:
                start = lead + t.first
                columns = slice(self.column[k] * n_labels, (self.column[k] + 1) * n_labels)
                totals[:, lead : lead + count] += looked_up[t.width][columns, start : start + count]
            if tail:
                totals[:, n - tail :] += self.eos[k][:, None]
        return totals.T


class SyllableTokenizer:
    """underthesea's `regex_tokenize.tokenize`, with the per-token normalisation memoised."""

    def __init__(self) -> None:
        from underthesea.pipeline.text_normalize import token_normalize
        from underthesea.pipeline.text_normalize.character_normalize import normalize_characters_in_text
        from underthesea.pipeline.word_tokenize.regex_tokenize import patterns

        self.pattern = patterns
        self.normalize_text = normalize_characters_in_text
        self.normalize_token = lru_cache(maxsize=100_000)(token_normalize)
        self.run_tokens: dict[str, list[str]] = {}  # see `_tokens_by_run`
        self.windows: dict[tuple[str, str, int], list[tuple[int, int, str]]] = {}  # see `_window`

    def __call__(self, sentence: str) -> list[str]:
        # Each alternative of underthesea's pattern is one named group spanning the whole
        # match, so the group its `extract_match` picks is the match itself.
        text = self.normalize_text(sentence)
        if _LONG_RUN.search(text):
            return [self.normalize_token(token) for token in self.match_texts(text)]
        return self._tokens_by_run(text)

    def _tokens_by_run(self, text: str) -> list[str]:
        """The normalised tokens of `match_texts`, read run of non-space characters by run, each run's
        tokens remembered by its text (a page repeats its syllables: "của", "xã", "1").

        No match spans or begins at whitespace, and no lookaround of the pattern reads further than
        the character on either side of a match: a run's tokens depend on the run alone, read with
        the space after it and one character more (so that `$` cannot hold at its end). The last run,
        where `$` may hold, is read in place.
        """
        out: list[str] = []
        known = self.run_tokens
        for run in _RUN.finditer(text):
            start, end = run.span()
            if end + 2 > len(text):
                out.extend(self.normalize_token(m.group()) for m in self.pattern.finditer(text, start))
                break
            key = run.group()
            tokens = known.get(key)
            if tokens is None:
                found = self.pattern.finditer(text, start, end + 2)
                tokens = [self.normalize_token(m.group()) for m in found if m.start() < end]
                if len(known) >= _RUN_CACHE:
                    known.clear()
                known[key] = tokens
            out.extend(tokens)
        return out

    def match_texts(self, text: str) -> Iterator[str]:
        """The texts of the pattern's matches, as `finditer` finds them, in time linear in the text.

        No match spans whitespace, but at every token the url and email alternatives scan to
        the end of the run of non-space characters it stands in: quadratic in a run's length
        ("1-1-1-…", "1.1.1.…"). A run longer than `MAX_RUN` is read through windows of that
        many characters instead, each window's last match read again at the next window.
        """
        pos = 0
        for run in _LONG_RUN.finditer(text):
            start, end = run.span()
            # One character past the run's start keeps `$` and `\s` lookaheads as in the text.
            yield from (m.group() for m in self.pattern.finditer(text, pos, start + 1) if m.start() < start)
            pos = start
            while pos < end:
                window_end = min(end + 1, pos + MAX_RUN)
                found = self._window(text, pos, window_end, end)
                if window_end > end:
                    yield from (token for _, _, token in found)
                    pos = end
                elif len(found) > 1:
                    yield from (token for _, _, token in found[:-1])
                    pos += found[-1][0]
                else:
                    yield found[0][2]
                    pos += found[0][1]
        yield from (m.group() for m in self.pattern.finditer(text, pos))

    def _window(self, text: str, pos: int, window_end: int, end: int) -> list[tuple[int, int, str]]:
        """The matches (offsets from `pos`, text) of text[pos:window_end] that start before `end`.

        They depend on that text and the character before it alone (the pattern looks behind one
        character at most), so a window met again (a run of one mark repeated) is not read again.
        """
        key = (text[pos - 1 : pos], text[pos:window_end], min(end, window_end) - pos)
        found = self.windows.get(key)
        if found is None:
            found = [
                (m.start() - pos, m.end() - pos, m.group())
                for m in self.pattern.finditer(text, pos, window_end)
                if m.start() < end
            ]
            if len(self.windows) >= _WINDOW_CACHE:
                self.windows.clear()
            self.windows[key] = found
        return found


class Segmenter:
    """underthesea's word segmentation: its syllables, its model, scored column-wise."""

    def __init__(self, model_dir: Path) -> None:
        import joblib

        self.syllables = SyllableTokenizer()
        model = read_crfsuite(model_dir / "models.bin")
        self.labels = model.labels
        self.inside = model.labels.index("I-W")
        self.transitions = model.transitions
        self.scorer = EmissionScorer(
            joblib.load(model_dir / "features.bin"), joblib.load(model_dir / "dictionary.bin"), model
        )

    def clear_cache(self) -> None:
        for windows in self.scorer.window_cache.values():
            windows.clear()

    def __call__(self, sentence: str) -> list[str]:
        tokens = self.syllables(sentence)
        if not tokens:
            return []
        path = viterbi(self.scorer.emissions(tokens).tolist(), self.transitions)
        words: list[str] = []
        for label, syllable in zip(path, tokens, strict=True):
            if label == self.inside and words:
                words[-1] = words[-1] + " " + syllable
            else:
                words.append(syllable)
        return words


def load_segmenter(model_dir: Path) -> Callable[[str], list[str]]:
    """A `Segmenter` over the model in `model_dir`, or `underthesea.word_tokenize` if it cannot be read."""
    try:
        return Segmenter(model_dir)
    except (UnsupportedTemplate, ModelFormatError, OSError, ValueError, ImportError):
        from underthesea import word_tokenize

        return word_tokenize  # type: ignore[no-any-return]


def model_dir() -> Path:
    """The folder of underthesea's bundled model, its files and the private modules read checked:
    an `UnknownLayout` names what is missing, the underthesea installed and the versions tested."""
    import importlib

    for module, name in PRIVATE_NAMES:
        try:
            found = hasattr(importlib.import_module(module), name)
        except ImportError:
            found = False
        if not found:
            raise layout_error("underthesea", f"{name} in its module {module}")
    package = importlib.import_module("underthesea.pipeline.word_tokenize")
    folder = Path(str(package.__file__)).parent / "models" / MODEL_NAME
    for name in MODEL_FILES:
        require_file("underthesea", folder / name, f"the word segmentation model {MODEL_NAME}'s {name}")
    return folder


@cache
def word_segmenter() -> Callable[[str], list[str]]:
    """The segmenter of underthesea's bundled model, loaded once per process."""
    return load_segmenter(model_dir())
