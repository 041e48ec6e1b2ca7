package io.eventharness.emulator.core;

/**
 * A service error as AWS reports it: an error code that the SDK maps to its typed exception
 * ({@code QueueDoesNotExist} → {@code QueueDoesNotExistException}), an HTTP status, a message and
 * whether the caller (Sender) or the service (Receiver) is at fault. Each protocol codec renders it in
 * that protocol's envelope.
 *
 * <pre>{@code
 * throw AwsException.of(400, "QueueDoesNotExist", "The specified queue does not exist.")
 *         .withQueryCode("AWS.SimpleQueueService.NonExistentQueue");
 * }</pre>
 */
public class AwsException extends RuntimeException {

    private final int status;
    private final String code;
    private final boolean senderFault;
    private String queryCode;
    private final java.util.Map<String, String> members = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> jsonMembers = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    public AwsException(int status, String code, String message, boolean senderFault) {
        super(message);
        this.status = status;
        this.code = code;
        this.senderFault = senderFault;
    }

    /** A client error (4xx, Sender). */
    public static AwsException of(int status, String code, String message) {
        return new AwsException(status, code, message, status < 500);
    }

    /** {@code 400 ValidationException}, the JSON protocols' generic bad-input error. */
    public static AwsException validation(String message) {
        return of(400, "ValidationException", message);
    }

    /** {@code 400 InvalidParameterValue}, the query protocols' generic bad-input error. */
    public static AwsException invalidParameterValue(String message) {
        return of(400, "InvalidParameterValue", message);
    }

    public static AwsException missingParameter(String name) {
        return of(400, "MissingParameter", "The request must contain the parameter " + name + ".");
    }

    /** The legacy error code the query-compatible JSON protocol carries in {@code x-amzn-query-error}. */
    public AwsException withQueryCode(String legacyCode) {
        this.queryCode = legacyCode;
        return this;
    }

    /**
     * A member of the error shape besides the message, e.g. Lambda's {@code TooManyRequestsException}
     * {@code Reason}; the restJson1 codec writes it into the error body.
     */
    public AwsException withMember(String name, String value) {
        if (value != null) { // an absent value is no member: codecs write only what there is
            members.put(name, value);
        }
        return this;
    }

    /**
     * A header the error response carries besides the protocol's own, e.g. the {@code ETag} of S3's 304 Not Modified;
     * the restXml codec writes them.
     */
    public AwsException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The headers added with {@link #withHeader}, in the order they were added. */
    public java.util.Map<String, String> headers() {
        return java.util.Collections.unmodifiableMap(headers);
    }

    /** The error shape's extra members, in the order they were added. */
    public java.util.Map<String, String> members() {
        return java.util.Collections.unmodifiableMap(members);
    }

    /**
     * A structured member of the error shape, as the JSON it is on the wire, e.g. DynamoDB's
     * {@code TransactionCanceledException} {@code CancellationReasons}; the awsJson codec writes it into the body.
     */
    public AwsException withJsonMember(String name, com.fasterxml.jackson.databind.JsonNode value) {
        jsonMembers.put(name, value);
        return this;
    }

    /** The structured members, in the order they were added. */
    public java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> jsonMembers() {
        return java.util.Collections.unmodifiableMap(jsonMembers);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean senderFault() {
        return senderFault;
    }

    /** The legacy query error code, or the code itself. */
    public String queryCode() {
        return queryCode != null ? queryCode : code;
    }

    public boolean hasQueryCode() {
        return queryCode != null;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // an expected outcome, not a bug: no stack trace needed
    }
}
