def handle(event, context):
    key = event["key"]
    print("making a thumbnail of " + key)
    raise ValueError("no thumbnail for " + key)
