"""Handlers that look at the Lambda container the book describes in 3-2: context, environment, /tmp."""
import json
import os
import tempfile
import time

# The book's 3-2-1 list of variables, as Lambda names them today.
BOOK_VARIABLES = [
    "LAMBDA_TASK_ROOT", "AWS_EXECUTION_ENV", "LAMBDA_RUNTIME_DIR", "AWS_REGION", "AWS_DEFAULT_REGION",
    "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_LAMBDA_FUNCTION_NAME",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "PATH", "LANG", "LD_LIBRARY_PATH",
]


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
    return {name: os.environ.get(name) for name in BOOK_VARIABLES + event.get("extra", [])}


def tmp_handler(event, context):
    """Reports what the container's temporary directory holds, then leaves a file there (3-2-2)."""
    tmp = tempfile.gettempdir()
    before = sorted(os.listdir(tmp))
    with open(os.path.join(tmp, "left-by-" + context.aws_request_id), "w") as f:
        f.write("hello")
    return {"tmp": tmp, "before": before}


def sleep_handler(event, context):
    time.sleep(float(event.get("seconds", 10)))
    return "woke up"
