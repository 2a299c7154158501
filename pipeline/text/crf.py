"""Linear-chain CRF inference over a CRFsuite model file (the format underthesea ships).

Reads the binary model CRFsuite writes (`lCRF`/`FOMC`: a FEAT chunk of state and transition
features with float64 weights, labels and attributes in CQDB string tables) and decodes with
Viterbi exactly as `underthesea_core.CRFTagger` does: emissions are the sum of the state
weights of a position's attributes, no start or end transitions, ties go to the lower label
id. Weights are kept by attribute string so a caller can score attributes without building
the strings (see `bantin.pipeline.text.wordseg`).
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CQDB_HEADER = struct.Struct("<4sIIIII")
_FEATURE = struct.Struct("<IIId")
_STATE, _TRANSITION = 0, 1


class ModelFormatError(ValueError):
    """The file is not a CRFsuite first-order CRF model."""


@dataclass(frozen=True)
class CRFModel:
    labels: list[str]
    transitions: list[list[float]]  # [previous label][label]
    state_weights: dict[str, tuple[float, ...]]  # attribute → weight per label


def _strings(blob: bytes, offset: int) -> list[str]:
    """The strings of a CQDB chunk, by id (read through its backward array)."""
    chunk, _size, _flag, _order, count, backward = _CQDB_HEADER.unpack_from(blob, offset)
    if chunk != b"CQDB":
        raise ModelFormatError(f"expected a CQDB chunk at {offset}")
    strings = [""] * count
    for i in range(count):
        (record,) = struct.unpack_from("<I", blob, offset + backward + 4 * i)
        if record == 0:
            continue
        key_id, key_size = struct.unpack_from("<II", blob, offset + record)
        key = blob[offset + record + 8 : offset + record + 8 + key_size]
        strings[key_id] = key.rstrip(b"\0").decode("utf-8")
    return strings


def read_crfsuite(path: Path) -> CRFModel:
    blob = path.read_bytes()
    if len(blob) < _HEADER.size:
        raise ModelFormatError(f"{path}: too short for a CRFsuite model")
    magic, _size, kind, _version, _, n_labels, n_attrs, off_features, off_labels, off_attrs, *_ = (
        _HEADER.unpack_from(blob, 0)
    )
    if magic != b"lCRF" or kind != b"FOMC":
        raise ModelFormatError(f"{path}: not a CRFsuite first-order model")
    labels = _strings(blob, off_labels)
    attributes = _strings(blob, off_attrs)
    if len(labels) != n_labels or len(attributes) != n_attrs:
        raise ModelFormatError(f"{path}: label or attribute table does not match the header")
    chunk, _chunk_size, n_features = struct.unpack_from("<4sII", blob, off_features)
    if chunk != b"FEAT":
        raise ModelFormatError(f"{path}: no FEAT chunk")
    transitions = [[0.0] * n_labels for _ in range(n_labels)]
    state: dict[int, list[float]] = {}
    for kind_id, source, target, weight in _FEATURE.iter_unpack(
        blob[off_features + 12 : off_features + 12 + n_features * _FEATURE.size]
    ):
        if kind_id == _TRANSITION:
            transitions[source][target] = weight
        elif kind_id == _STATE:
            state.setdefault(source, [0.0] * n_labels)[target] = weight
    return CRFModel(
        labels=labels,
        transitions=transitions,
        state_weights={attributes[a]: tuple(w) for a, w in state.items()},
    )


def viterbi(emissions: Sequence[Sequence[float]], transitions: Sequence[Sequence[float]]) -> list[int]:
    """Best label ids; on equal scores the lower previous/final label wins, as in underthesea_core."""
    if not emissions:
        return []
    n_labels = len(transitions)
    if n_labels == 2:
        return _viterbi_two(emissions, transitions)
    return _viterbi_general(emissions, transitions)


def _viterbi_general(
    emissions: Sequence[Sequence[float]], transitions: Sequence[Sequence[float]]
) -> list[int]:
    n_labels = len(transitions)
    labels = range(n_labels)
    score = list(emissions[0])
    back: list[list[int]] = []
    for emission in emissions[1:]:
        pointers = [0] * n_labels
        new = [0.0] * n_labels
        for y in labels:
            best, best_prev = float("-inf"), 0
            for prev in labels:
                s = score[prev] + transitions[prev][y]
                if s > best:
                    best, best_prev = s, prev
            new[y] = best + emission[y]
            pointers[y] = best_prev
        back.append(pointers)
        score = new
    best, last = float("-inf"), 0
    for y in labels:
        if score[y] > best:
            best, last = score[y], y
    path = [last]
    for pointers in reversed(back):
        path.append(pointers[path[-1]])
    path.reverse()
    return path


def _viterbi_two(emissions: Sequence[Sequence[float]], transitions: Sequence[Sequence[float]]) -> list[int]:
    """`viterbi` for two labels (the word segmenter's B-W, I-W), unrolled: the same sums in the same
    order and the same ties, three times faster on a 200 KB sentence."""
    (t00, t01), (t10, t11) = transitions
    s0, s1 = emissions[0][0], emissions[0][1]
    back: list[tuple[int, int]] = []
    for e0, e1 in emissions[1:]:
        a, b = s0 + t00, s1 + t10  # into label 0, from 0 and from 1
        c, d = s0 + t01, s1 + t11  # into label 1
        p0 = 1 if b > a else 0
        p1 = 1 if d > c else 0
        s0 = (b if p0 else a) + e0
        s1 = (d if p1 else c) + e1
        back.append((p0, p1))
    path = [1 if s1 > s0 else 0]
    for pointers in reversed(back):
        path.append(pointers[path[-1]])
    path.reverse()
    return path
