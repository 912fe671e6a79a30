"""The user's curation file: pairs of names that must be one entity, or must never be.

    {"must_merge": [{"label": "Person", "names": ["Kassym-Jomart Tokayev", "K. Tokayev"]}],
     "must_not_merge": [{"label": "Organization", "names": ["CICG", "CICG Europe"]}]}

It is applied on every ingest; `dkg resolve` applies it to what the graph already holds.
"""

import json
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from graph.entity_resolution import Curation
from graph.vocabulary import Label

RESOLVABLE = (Label.PERSON, Label.ORGANIZATION)


class CurationError(ValueError):
    """The curation file cannot be used; the message says where and why."""


class CurationPair(BaseModel):
    label: Label
    names: tuple[str, str]


class CurationFile(BaseModel):
    must_merge: list[CurationPair] = Field(default_factory=list)
    must_not_merge: list[CurationPair] = Field(default_factory=list)


def load_curation(path: Path | None) -> Curation | None:
    """The curation in `path`, or None when there is no file."""
    if path is None or not path.exists():
        return None
    try:
        data = CurationFile.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (json.JSONDecodeError, ValidationError) as e:
        raise CurationError(f"{path}: {e}") from e
    for pair in (*data.must_merge, *data.must_not_merge):
        if pair.label not in RESOLVABLE:
            raise CurationError(f"{path}: label {pair.label.value!r} cannot be curated; "
                                "use Person or Organization")
    return Curation(
        must_merge=[(p.label, *p.names) for p in data.must_merge],
        must_not_merge=[(p.label, *p.names) for p in data.must_not_merge],
    )
