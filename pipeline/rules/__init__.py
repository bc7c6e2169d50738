"""The rule tables of `rules/`: validated loaders (one module per table family) and the one
`Rules` bundle every stage receives (`load_rules`)."""
from .bundle import Rules, default_dir, load_rules
from .tables import (RuleError, alternatives, country, integer, load_table, number, one_of,
                     optional, text, unique)

__all__ = ["Rules", "RuleError", "load_rules", "default_dir", "load_table", "text", "optional",
           "one_of", "number", "integer", "alternatives", "country", "unique"]
