import json


def handle(event, context):
    """Prints the event it got on one line; fails when the event asks it to."""
    print("event " + json.dumps(event, sort_keys=True))
    if isinstance(event, dict) and event.get("fail"):
        raise ValueError("asked to fail")
    return {"ok": True}
