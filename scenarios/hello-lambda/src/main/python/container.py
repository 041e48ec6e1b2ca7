"""Handlers that look at the Lambda container the book describes in 3-2: context, environment, /tmp."""
import os
import time

# The container's temporary directory, where the book's 3-2-2 says an earlier invocation's files may
# still be: the literal /tmp, private to each execution environment, on AWS and on the embedded emulator
# alike (each sandbox runs in a mount namespace of its own with a fresh directory on /tmp).
TMP = "/tmp"


def context_handler(event, context):
    return {
        "function_name": context.function_name,
        "function_version": context.function_version,
        "invoked_function_arn": context.invoked_function_arn,
        "memory_limit_in_mb": int(context.memory_limit_in_mb),
        "aws_request_id": context.aws_request_id,
        "log_group_name": context.log_group_name,
        "log_stream_name": context.log_stream_name,
        "remaining_time_in_millis": context.get_remaining_time_in_millis(),
    }


def environment_handler(event, context):
    """The value of each variable the event names (None when it is not set)."""
    return {name: os.environ.get(name) for name in event["names"]}


def tmp_handler(event, context):
    """Reports what the container's temporary directory holds, then leaves a file there (3-2-2)."""
    before = sorted(name for name in os.listdir(TMP) if name.startswith("left-by-"))
    with open(os.path.join(TMP, "left-by-" + context.aws_request_id), "w") as f:
        f.write("hello")
    return {"tmp": TMP, "before": before, "stream": context.log_stream_name, "request_id": context.aws_request_id}


def sleep_handler(event, context):
    time.sleep(float(event.get("seconds", 10)))
    return "woke up"
