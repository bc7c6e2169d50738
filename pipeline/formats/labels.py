"""Label names shared by every format: entity labels, event types, roles (SPEC §4–§5), and the two
extra span labels used in annotation tools: boilerplate zones and argument spans that are not
entity mentions."""
from ..tagging.mention import LABELS as ENTITY_LABELS

EVENT_TYPES = ("ATTACK", "CAPTURE", "WITHDRAW", "DEPLOY", "CASUALTY", "AGREEMENT", "AID",
               "MEETING", "REQUEST", "STATEMENT", "LAUNCH", "INCURSION", "INTERCEPT", "EXERCISE")
ROLES = ("agent", "patient", "recipient", "place", "time", "quantity", "source")
POLARITY = ("positive", "negative")
MODALITY = ("asserted", "reported", "uncertain", "planned")
ZONE_LABEL = "BOILERPLATE"
ARGUMENT_LABEL = "ARGUMENT"

__all__ = ["ENTITY_LABELS", "EVENT_TYPES", "ROLES", "POLARITY", "MODALITY", "ZONE_LABEL",
           "ARGUMENT_LABEL"]
