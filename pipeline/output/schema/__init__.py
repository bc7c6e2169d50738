"""JSON Schemas of the output records (SPEC §3–§5), shipped with the package."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

KINDS = ("document", "entity", "event", "error")
FILE_KIND = {"documents": "document", "entities": "entity", "events": "event", "errors": "error"}


@lru_cache(maxsize=None)
def schema(kind: str) -> dict:
    return json.loads(resources.files(__package__).joinpath(f"{kind}.schema.json").read_text("utf-8"))


def validator(kind: str):
    from jsonschema import Draft202012Validator
    return Draft202012Validator(schema(kind))
