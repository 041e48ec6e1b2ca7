# Event Harness: the Python runtime of a Lambda sandbox, standard library only.
#
# It does what AWS's Python runtime (awslambdaric) does, as seen from the function: imports the handler
# from the task root, speaks the Lambda Runtime API (http://$AWS_LAMBDA_RUNTIME_API/2018-06-01), hands
# each event to the handler with a context object, posts the result as JSON or the error document
# {"errorMessage","errorType","requestId","stackTrace"}, and reports load failures as init errors
# (Runtime.ImportModuleError, Runtime.HandlerNotFound, ...). Output is unbuffered, as in AWS.
#
# Imports are kept few (the raw _socket module, json) so that a cold start costs little more than the
# interpreter's own start; logging is configured only once the function imports it.
#
# --sdk DIR puts boto3 and botocore (DIR, the engine's links to the machine's) on sys.path after the interpreter's
# own packages, as AWS's Python runtimes provide them; the task root comes first, so a function's own copy wins.
# Where neither the interpreter nor DIR has boto3, the log says so once per sandbox. A botocore older than 1.31
# (Debian's) does not read AWS_ENDPOINT_URL: its clients get it as their default endpoint, so that the function's
# SDK calls reach the emulator as a newer botocore's would.
#
# Started with --spare, it is a spare sandbox: it prepares what does not depend on the function, writes
# _SPARE_READY (the engine keeps that line out of the log) and waits for a line on stdin; only then does it
# import the handler, as a sandbox started without a spare does at once.
import os
import sys
import time
import _socket

_API_PREFIX = "/2018-06-01/runtime"
_ERROR_LINE_TERMINATOR = "\r"   # one CloudWatch event for a multi-line error, as AWS writes it
_ERROR_INDENT = "\u00a0"
_request_id = None
_SPARE_READY = "\0event-harness: spare ready"


class FaultException(Exception):
    MARSHAL_ERROR = "Runtime.MarshalError"
    UNMARSHAL_ERROR = "Runtime.UnmarshalError"
    USER_CODE_SYNTAX_ERROR = "Runtime.UserCodeSyntaxError"
    HANDLER_NOT_FOUND = "Runtime.HandlerNotFound"
    IMPORT_MODULE_ERROR = "Runtime.ImportModuleError"
    BUILT_IN_MODULE_CONFLICT = "Runtime.BuiltInModuleConflict"
    MALFORMED_HANDLER_NAME = "Runtime.MalformedHandlerName"
    LAMBDA_CONTEXT_UNMARSHAL_ERROR = "Runtime.LambdaContextUnmarshalError"

    def __init__(self, exception_type, msg, trace=None):
        Exception.__init__(self, msg)
        self.msg = msg
        self.exception_type = exception_type
        self.trace = trace


class RuntimeClient(object):
    """HTTP/1.1 over one kept-alive connection to the sandbox's Runtime API."""

    def __init__(self, address):
        host, port = address.rsplit(":", 1)
        self.address = address
        self.target = (host, int(port))
        self.sock = None
        self.buffer = b""

    def _connect(self):
        s = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
        s.setsockopt(_socket.IPPROTO_TCP, _socket.TCP_NODELAY, 1)
        s.connect(self.target)
        self.sock = s
        self.buffer = b""

    def _close(self):
        if self.sock is not None:
            try:
                self.sock.close()
            except OSError:
                pass
        self.sock = None

    def request(self, method, path, body=b"", headers=None):
        if self.sock is None:
            self._connect()
        head = "%s %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: event-harness-python/%d.%d\r\nContent-Length: %d\r\n" % (
            method, path, self.address, sys.version_info[0], sys.version_info[1], len(body))
        for name, value in (headers or {}).items():
            head += "%s: %s\r\n" % (name, value)
        try:
            self.sock.sendall(head.encode("latin-1") + b"\r\n" + body)
            return self._read_response()
        except OSError:
            self._close()
            raise

    def _fill(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise OSError("the Runtime API closed the connection")
        self.buffer += chunk

    def _read_response(self):
        while b"\r\n\r\n" not in self.buffer:
            self._fill()
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        while len(self.buffer) < length:
            self._fill()
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        if headers.get("connection", "").lower() == "close":
            self._close()
        return status, headers, body

    def next(self):
        while True:
            try:
                status, headers, body = self.request("GET", _API_PREFIX + "/invocation/next")
            except OSError:
                status, headers, body = self.request("GET", _API_PREFIX + "/invocation/next")
            if status == 200:
                return headers, body
            sys.stdout.write("[WARNING] Runtime API /next returned %d: %s\n" % (status, body.decode("utf-8", "replace")))

    def post_response(self, request_id, body, content_type):
        return self.request("POST", "%s/invocation/%s/response" % (_API_PREFIX, request_id), body,
                            {"Content-Type": content_type})

    def post_error(self, request_id, error_json, error_type):
        return self.request("POST", "%s/invocation/%s/error" % (_API_PREFIX, request_id), error_json.encode("utf-8"),
                            {"Content-Type": "application/json", "Lambda-Runtime-Function-Error-Type": error_type})

    def post_init_error(self, error_json, error_type):
        return self.request("POST", _API_PREFIX + "/init/error", error_json.encode("utf-8"),
                            {"Content-Type": "application/json", "Lambda-Runtime-Function-Error-Type": error_type})


class Unbuffered(object):
    """stdout and stderr flush on every write, so output reaches the log in order (awslambdaric does the same)."""

    def __init__(self, stream):
        self.stream = stream

    def __getattr__(self, attr):
        return getattr(self.stream, attr)

    def write(self, msg):
        n = self.stream.write(msg)
        self.stream.flush()
        return n

    def writelines(self, msgs):
        self.stream.writelines(msgs)
        self.stream.flush()


class CognitoIdentity(object):
    __slots__ = ["cognito_identity_id", "cognito_identity_pool_id"]


class Client(object):
    __slots__ = ["installation_id", "app_title", "app_version_name", "app_version_code", "app_package_name"]


class ClientContext(object):
    __slots__ = ["custom", "env", "client"]


def _make_obj(cls, values):
    if values is None:
        return None
    obj = cls()
    for field in cls.__slots__:
        setattr(obj, field, values.get(field))
    return obj


class LambdaContext(object):
    """The handler's context, with the members AWS's Python runtime gives it (memory_limit_in_mb is a str there too)."""

    def __init__(self, request_id, client_context, cognito_identity, deadline_ms, invoked_function_arn):
        self.aws_request_id = request_id
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = invoked_function_arn
        self.client_context = _make_obj(ClientContext, client_context)
        if self.client_context is not None:
            self.client_context.client = _make_obj(Client, self.client_context.client)
        self.identity = _make_obj(CognitoIdentity, {})
        if cognito_identity is not None:
            self.identity.cognito_identity_id = cognito_identity.get("cognitoIdentityId")
            self.identity.cognito_identity_pool_id = cognito_identity.get("cognitoIdentityPoolId")
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        remaining = self._deadline_ms - int(time.time() * 1000)
        return remaining if remaining > 0 else 0

    def log(self, msg):
        sys.stdout.write(str(msg))

    def __repr__(self):
        return ("LambdaContext([aws_request_id=%s,log_group_name=%s,log_stream_name=%s,function_name=%s,"
                "memory_limit_in_mb=%s,function_version=%s,invoked_function_arn=%s,client_context=%s,identity=%s])" % (
                    self.aws_request_id, self.log_group_name, self.log_stream_name, self.function_name,
                    self.memory_limit_in_mb, self.function_version, self.invoked_function_arn,
                    self.client_context, self.identity))


def _json():
    import json
    return json


def _encoder():
    json = _json()

    class Encoder(json.JSONEncoder):
        def default(self, obj):
            if type(obj).__name__ == "Decimal":   # boto3's DynamoDB numbers; decimal is imported only by then
                return int(obj) if obj == obj.to_integral_value() else float(obj)
            return json.JSONEncoder.default(self, obj)

    # AWS's python3.12 runtime writes non-ASCII characters as they are; the others escape them.
    return Encoder(ensure_ascii=os.environ.get("AWS_EXECUTION_ENV") != "AWS_Lambda_python3.12")


def load_handler(handler):
    try:
        module_name, function_name = handler.rsplit(".", 1)
    except ValueError as e:
        raise FaultException(FaultException.MALFORMED_HANDLER_NAME, "Bad handler '%s': %s" % (handler, e))
    import importlib
    try:
        if module_name.split(".")[0] in sys.builtin_module_names:
            raise FaultException(FaultException.BUILT_IN_MODULE_CONFLICT,
                                 "Cannot use built-in module %s as a handler module" % module_name)
        module = importlib.import_module(module_name.replace("/", "."))
    except ImportError as e:
        raise FaultException(FaultException.IMPORT_MODULE_ERROR,
                             "Unable to import module '%s': %s" % (module_name, e))
    except SyntaxError as e:
        trace = ['  File "%s" Line %s\n    %s' % (e.filename, e.lineno, e.text)]
        raise FaultException(FaultException.USER_CODE_SYNTAX_ERROR,
                             "Syntax error in module '%s': %s" % (module_name, e), trace)
    try:
        return getattr(module, function_name)
    except AttributeError:
        raise FaultException(FaultException.HANDLER_NOT_FOUND,
                             "Handler '%s' missing on module '%s'" % (function_name, module_name))


def make_error(message, error_type, stack_trace, request_id=None):
    return {
        "errorMessage": message if message else "",
        "errorType": error_type if error_type else "",
        "requestId": request_id if request_id is not None else "",
        "stackTrace": stack_trace if stack_trace else [],
    }


def fault_from_exception(exc_info, request_id=None):
    """The error document for an exception: frames of this bootstrap are left out, as AWS leaves out its own."""
    import traceback
    etype, value, tb = exc_info
    frames = [(f.filename, f.lineno, f.name, f.line) for f in traceback.extract_tb(tb)]
    for i, frame in enumerate(frames):
        if not frame[0].endswith("/bootstrap.py"):
            frames = frames[i:]
            break
    return make_error(str(value), etype.__name__, traceback.format_list(frames), request_id)


def log_error(error):
    """The [ERROR] line AWS writes for a failed invocation: one line, its parts joined by carriage returns."""
    description = "[ERROR]"
    if error.get("errorType"):
        description += " " + error["errorType"]
    if error.get("errorMessage"):
        if error.get("errorType"):
            description += ":"
        description += " " + error["errorMessage"]
    lines = [description]
    stack = error.get("stackTrace")
    if stack is not None:
        lines.append("Traceback (most recent call last):")
        for element in stack:
            for line in element.splitlines():
                stripped = line.lstrip(" ")
                lines.append(_ERROR_INDENT * (len(line) - len(stripped)) + stripped)
    sys.stdout.write(_ERROR_LINE_TERMINATOR.join(lines) + "\n")


def _configure_logging(logging):
    """Root logger as in AWS: "[LEVEL]\t<time>Z\t<request id>\t<message>" on stdout."""

    class RequestIdFilter(logging.Filter):
        def filter(self, record):
            record.aws_request_id = _request_id or ""
            return True

    class StdoutHandler(logging.Handler):
        def emit(self, record):
            sys.stdout.write(self.format(record))

    logging.Formatter.converter = time.gmtime
    handler = StdoutHandler()
    handler.setFormatter(logging.Formatter(
        "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n", "%Y-%m-%dT%H:%M:%S"))
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    level = os.environ.get("AWS_LAMBDA_LOG_LEVEL", "").upper()
    if level in ("TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR", "FATAL", "CRITICAL"):
        root.setLevel({"TRACE": "DEBUG", "WARN": "WARNING", "FATAL": "CRITICAL"}.get(level, level))


class _LoggingHook(object):
    """Configures logging when the function first imports it, so functions that do not log start faster."""

    def find_spec(self, name, path, target=None):
        if name != "logging":
            return None
        sys.meta_path.remove(self)
        import importlib.util
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_and_configure(module):
            exec_module(module)
            _configure_logging(module)

        spec.loader.exec_module = exec_and_configure
        return spec


class _EndpointHook(object):
    """botocore before 1.31 (Debian's is 1.29) ignores AWS_ENDPOINT_URL, which points the function's SDK calls back at
    the emulator: when it is imported, its clients get that endpoint unless the function gives one."""

    def find_spec(self, name, path, target=None):
        if name != "botocore.session":
            return None
        sys.meta_path.remove(self)
        import importlib.machinery
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_and_patch(module):
            exec_module(module)
            _default_endpoint(module)

        spec.loader.exec_module = exec_and_patch
        return spec


def _default_endpoint(session_module):
    try:
        import botocore
        version = tuple(int(part) for part in botocore.__version__.split(".")[:2])
    except (ImportError, AttributeError, ValueError):
        return
    if version >= (1, 31):
        return   # it reads AWS_ENDPOINT_URL itself
    create_client = session_module.Session.create_client

    def create_client_with_endpoint(self, *args, **kwargs):
        endpoint = os.environ.get("AWS_ENDPOINT_URL")
        if endpoint and len(args) < 6 and kwargs.get("endpoint_url") is None:
            kwargs["endpoint_url"] = endpoint
        return create_client(self, *args, **kwargs)

    session_module.Session.create_client = create_client_with_endpoint


def _limit_memory():
    """A backstop under the engine's memory watch: the data segment is limited to twice the memory size plus
    256 MB. The engine kills a sandbox that goes beyond its memory size (Runtime.OutOfMemory, as in AWS); this
    limit only keeps a runaway allocation from taking the machine's memory before the engine sees it, and makes
    an allocation no machine of that size could grant fail at once with MemoryError, as AWS's kernel refuses it."""
    try:
        import resource
        limit = (int(os.environ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"]) * 2 + 256) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    except (ImportError, ValueError, OSError, KeyError):
        pass


def handle(client, handler, headers, body):
    global _request_id
    request_id = headers.get("lambda-runtime-aws-request-id")
    _request_id = request_id
    trace_id = headers.get("lambda-runtime-trace-id")
    if trace_id is not None:
        os.environ["_X_AMZN_TRACE_ID"] = trace_id
    elif "_X_AMZN_TRACE_ID" in os.environ:
        del os.environ["_X_AMZN_TRACE_ID"]
    json = _json()
    error = None
    try:
        def parse(header, name):
            value = headers.get(header)
            if not value:
                return None
            try:
                return json.loads(value)
            except Exception as e:
                raise FaultException(FaultException.LAMBDA_CONTEXT_UNMARSHAL_ERROR,
                                     "Unable to parse %s JSON: %s" % (name, e))

        context = LambdaContext(request_id, parse("lambda-runtime-client-context", "Client Context"),
                                parse("lambda-runtime-cognito-identity", "Cognito Identity"),
                                int(headers.get("lambda-runtime-deadline-ms", "0")),
                                headers.get("lambda-runtime-invoked-function-arn"))
        try:
            event = json.loads(body)
        except Exception as e:
            raise FaultException(FaultException.UNMARSHAL_ERROR, "Unable to unmarshal input: %s" % e)
        response = handler(event, context)
        if isinstance(response, bytes):
            result, content_type = response, "application/unknown"
        else:
            try:
                result, content_type = _encoder().encode(response).encode("utf-8"), "application/json"
            except Exception as e:
                raise FaultException(FaultException.MARSHAL_ERROR, "Unable to marshal response: %s" % e)
    except FaultException as e:
        error = make_error(e.msg, e.exception_type, e.trace, request_id)
    except Exception:
        error = fault_from_exception(sys.exc_info(), request_id)
    if error is not None:
        log_error(error)
        client.post_error(request_id, json.dumps(error), "Runtime.UserException" if not error["errorType"].startswith(
            "Runtime.") else error["errorType"])
    else:
        client.post_response(request_id, result, content_type)


def _await_activation():
    """A spare: the runtime's own modules loaded, then a line on stdin. Afterwards stdin is /dev/null again, as
    for a sandbox started without a spare."""
    _json()   # the runtime's: every invocation needs it
    sys.stdout.write(_SPARE_READY + "\n")
    sys.stdout.flush()
    if not os.read(0, 1):
        sys.exit(0)   # the engine went away without activating this spare
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)


def _provide_sdk(sdk):
    """boto3 and botocore where AWS's runtimes have them: after the task root and the interpreter's own packages."""
    if sdk is not None:
        sys.path.append(sdk)
        return
    import importlib.util
    if importlib.util.find_spec("boto3") is None:
        sys.stdout.write("Event Harness: boto3 and botocore, which AWS's Python runtimes include, are not available to "
                         "Python %d.%d (%s): install Debian's python3-boto3 (apt-get install python3-boto3) or pip install "
                         "boto3 for it, or bundle them in the deployment package\n"
                         % (sys.version_info[0], sys.version_info[1], sys.executable))


def main(spare=False, sdk=None):
    sys.stdout = Unbuffered(sys.stdout)
    sys.stderr = Unbuffered(sys.stderr)
    task_root = os.environ.get("LAMBDA_TASK_ROOT", os.getcwd())
    sys.path[0] = task_root   # the script's own directory is not importable by the function
    _provide_sdk(sdk)
    _limit_memory()
    if "logging" in sys.modules:
        _configure_logging(sys.modules["logging"])
    else:
        sys.meta_path.insert(0, _LoggingHook())
    sys.meta_path.insert(0, _EndpointHook())
    client = RuntimeClient(os.environ["AWS_LAMBDA_RUNTIME_API"])
    if spare:
        _await_activation()
    try:
        handler = load_handler(os.environ["_HANDLER"])
    except FaultException as e:
        error = make_error(e.msg, e.exception_type, e.trace)
        log_error(error)
        client.post_init_error(_json().dumps(error), e.exception_type)
        sys.exit(1)
    except Exception:
        error = fault_from_exception(sys.exc_info())
        log_error(error)
        client.post_init_error(_json().dumps(error), "Runtime.Unknown")
        sys.exit(1)
    while True:
        headers, body = client.next()
        handle(client, handler, headers, body)


if __name__ == "__main__":
    _args = sys.argv[1:]
    del sys.argv[1:]
    _sdk = _args[_args.index("--sdk") + 1] if "--sdk" in _args else None
    main(spare="--spare" in _args, sdk=_sdk)
