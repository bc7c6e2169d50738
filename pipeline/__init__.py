"""Japanese event extraction: GiNZA parse + rule-tagged mentions + events, with source offsets."""

__version__ = "0.1.0"
