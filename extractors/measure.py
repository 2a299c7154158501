"""Measures: a quantity of goods, land or works in a unit of measure ("1.000kg gạo" → 1000, "kg gạo").

The number comes from the shared grammar (extractors/numbers.py), the measure word from
extractors/measure_words.py (its table in extractors/data/measure.yaml), and what is measured
("gạo", "đường bê tông") is read after it as a count's noun phrase is. A rate keeps its "per"
part ("60-70m2/căn" → "m2/căn", no plain unit); a range gives one record per bound. Distances
between places or travelled ("cách trung tâm xã 2 km") are no measures, nor blocks of a ward
counted ("ở 6 khối").
"""

from __future__ import annotations

from decimal import Decimal

from bantin.extractors.base import Findings, Mention, number_value, quantities_with_ranges
from bantin.extractors.count import counted_phrase
from bantin.extractors.measure_words import counts_places, is_distance, measure_word_at
from bantin.pipeline.text.document import Document

KIND = "measure"
NEEDS: tuple[str, ...] = ()


def extract(document: Document, found: Findings) -> list[Mention]:
    text = document.text
    out: list[Mention] = []
    for sentence in document.content_sentences():
        for bound in quantities_with_ranges(document, sentence):
            word = measure_word_at(text, bound.noun_from, sentence.end)
            start = bound.quantity.qualifier_start
            if word is None or is_distance(text, start, sentence.start):
                continue
            if counts_places(text, word, start, sentence.start):
                continue  # "ở 6 khối": blocks of a ward, a count
            end = word.per_end
            if end == word.end:
                phrase = counted_phrase(document, end, sentence.end)
                if phrase is not None and not text[word.end : phrase[0]].strip():
                    end = phrase[1]
            value: Decimal = bound.quantity.value
            plain = word.si_unit is not None and word.per_end == word.end and word.factor is not None
            out.append(
                Mention(
                    KIND,
                    bound.evidence_start,
                    end,
                    {
                        "value": number_value(value),
                        "unit": " ".join(text[word.start : end].split()),
                        "qualifier": bound.qualifier,
                        "si_value": number_value(value * word.factor) if plain and word.factor else None,
                        "si_unit": word.si_unit if plain else None,
                    },
                )
            )
    return out
