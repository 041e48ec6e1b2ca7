def handle(event, context):
    print("echo", event)
    return event
