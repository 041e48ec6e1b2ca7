# Handlers that show what a sandbox looks like from inside: its context, environment, temp directory,
# and what happens when a function misbehaves.
import os
import sys
import tempfile
import time

started = time.time()


def context_members(event, context):
    return {
        "function_name": context.function_name,
        "function_version": context.function_version,
        "invoked_function_arn": context.invoked_function_arn,
        "memory_limit_in_mb": context.memory_limit_in_mb,
        "aws_request_id": context.aws_request_id,
        "log_group_name": context.log_group_name,
        "log_stream_name": context.log_stream_name,
        "identity": None if context.identity is None else {
            "cognito_identity_id": context.identity.cognito_identity_id,
            "cognito_identity_pool_id": context.identity.cognito_identity_pool_id},
        "client_context": None if context.client_context is None else {
            "custom": context.client_context.custom, "env": context.client_context.env,
            "installation_id": context.client_context.client.installation_id},
        "remaining_ms": context.get_remaining_time_in_millis(),
        "trace_id": os.environ.get("_X_AMZN_TRACE_ID"),
    }


def environment(event, context):
    return dict(os.environ)


def tmp_files(event, context):
    """The book's 3-2-2: leftovers of an earlier invocation may still be in the temp directory."""
    tmp = tempfile.gettempdir()
    before = sorted(os.listdir(tmp))
    if event.get("write"):
        with open(os.path.join(tmp, event["write"]), "w") as f:
            f.write("left behind")
    if event.get("crash"):
        os._exit(1)
    return {"tmp": tmp, "before": before}


def python_version(event, context):
    return {"major": sys.version_info[0], "minor": sys.version_info[1], "executable": sys.executable}


def literal_tmp(event, context):
    """The book's Python examples write to the literal /tmp: what is there, and what the platforms call temp."""
    before = sorted(os.listdir("/tmp"))
    if event.get("write"):
        with open("/tmp/" + event["write"], "w") as f:
            f.write(context.aws_request_id)
    if event.get("pids"):
        leave_children_and_crash(event)
    if event.get("started"):
        hold(event, context)
    return {"before": before, "tempdir": tempfile.gettempdir(), "TMPDIR": os.environ.get("TMPDIR"),
            "task_root": os.environ["LAMBDA_TASK_ROOT"], "cwd": os.getcwd(), "pid": os.getpid()}


def hold(event, context):
    """Writes its pid to event["started"], then waits until event["release"] exists."""
    with open(event["started"], "w") as f:
        f.write(str(os.getpid()))
    while not os.path.exists(event["release"]):
        time.sleep(0.01)


def leave_children_and_crash(event):
    """Starts a child and a daemon (a grandchild that left the tree), records their pids in event["pids"] and
    event["pids"] + ".daemon", and then the process dies."""
    import subprocess
    child = subprocess.Popen(["sleep", "600"])
    daemon_pid = event["pids"] + ".daemon"
    subprocess.run(["/bin/sh", "-c", "sleep 600 >/dev/null 2>&1 & echo $! > " + daemon_pid], start_new_session=True, check=True)
    with open(event["pids"], "w") as f:
        f.write(str(child.pid))
    os._exit(1)


def child_allocates(event, context):
    """A child process holds event["mb"] MB for event["seconds"]: the sandbox's memory is its processes' together."""
    import subprocess
    code = "import time\nb = [bytearray(1 << 20) for _ in range(%d)]\ntime.sleep(%f)\n" % (event["mb"], event["seconds"])
    subprocess.run([sys.executable, "-c", code], check=True)
    return "done"


def peaks_apart(event, context):
    """Holds event["mb"] MB and lets it go, then leaves a child holding as much running (it ends on its own after
    event["seconds"]): the two peaks never meet."""
    import subprocess
    held = bytearray(event["mb"] << 20)
    for i in range(0, len(held), 4096):
        held[i] = 1
    del held
    code = "import time\nb = bytearray(%d << 20)\nfor i in range(0, len(b), 4096): b[i] = 1\nprint('ready', flush=True)\ntime.sleep(%f)\n" % (
        event["mb"], event["seconds"])
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    child.stdout.readline()
    return "apart"


def sleep(event, context):
    time.sleep(event.get("seconds", 60))
    return "woke up"


def crash(event, context):
    print("about to crash")
    os._exit(event.get("code", 3))


def print_much(event, context):
    line = "x" * 1023
    for _ in range(event.get("lines", 100 * 1024)):
        print(line)
    return "printed"


def print_forever(event, context):
    line = "y" * 1023
    while True:
        print(line)


def wait_for_file(event, context):
    """Blocks until a file appears: keeps a sandbox busy for as long as a test needs."""
    with open(event["started"], "w") as f:
        f.write(context.log_stream_name)
    while not os.path.exists(event["release"]):
        time.sleep(0.01)
    return context.log_stream_name


def stream_name(event, context):
    return context.log_stream_name


def allocate(event, context):
    blocks = [bytearray(1024 * 1024) for _ in range(event["mb"])]
    return len(blocks)


def allocate_at_once(event, context):
    return len(bytearray(event["mb"] * 1024 * 1024))


def logs(event, context):
    import logging
    logging.getLogger().setLevel(logging.INFO)
    logging.info("hello from logging")
    return None



def exit_when_idle(event, context):
    """Leaves a thread behind that ends the process once the invocation is over."""
    import threading

    def leave():
        with open(event["exiting"], "w") as f:
            f.write("bye")
        os._exit(0)

    threading.Timer(0.2, leave).start()
    return "armed"
