"""What an extractor returns: a Mention, the evidence span plus the kind's own fields.

The pipeline turns mentions into validated records (ids, `text`, `sentence`),
drops those in page furniture, and reports those that fail validation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Mention:
    kind: str
    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict)
