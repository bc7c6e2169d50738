"""Japanese event extraction: GiNZA parse + rule-tagged mentions + events, with source offsets.

`pipeline.load()` returns an Extractor (see pipeline.api); the stages, in the order data flows:
prepare → parse → tagging → normalize → events → output, one article in pipeline.article, many
in pipeline.batch.
"""

__version__ = "0.1.0"
__all__ = ["load", "Extractor", "Records", "__version__"]


def __getattr__(name: str):
    # Lazy: `import pipeline` stays cheap; spaCy and the model load only when asked for.
    if name in ("load", "Extractor", "Records"):
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
