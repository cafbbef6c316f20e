import json


def stream(*blocks) -> str:
    """StreamField raw data from (block type, value) pairs."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])
