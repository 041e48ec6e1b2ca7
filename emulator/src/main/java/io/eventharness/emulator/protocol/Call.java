package io.eventharness.emulator.protocol;

import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.http.HttpRequest;
import io.eventharness.emulator.policy.Principal;
import java.util.Optional;

/**
 * The context of one API call, for operations that need more than their typed request: the request id, the
 * region, the credential scope it was signed with, who made it (its {@link Principal}, as the request pipeline
 * authenticated it), the endpoint the client used (to build queue URLs), and the
 * request's payload (S3 bodies, after aws-chunked decoding). Operations never see the HTTP request itself: what
 * they need of it is here, or a member of their typed request.
 */
public final class Call {
    private final String requestId;
    private final String region;
    private final CredentialScope scope;
    private final HttpRequest http;
    private final String endpoint;
    private final Principal principal;

    /** A call as the request pipeline makes it: the region from the scope, else the default one; the root user's. */
    public Call(String requestId, CredentialScope scope, HttpRequest http, String endpoint) {
        this(requestId, scope, http, endpoint, Principal.root());
    }

    /** A call as the request pipeline makes it, by the principal it authenticated. */
    public Call(String requestId, CredentialScope scope, HttpRequest http, String endpoint, Principal principal) {
        this.requestId = requestId;
        this.region = scope == null ? Account.DEFAULT_REGION : scope.region();
        this.scope = scope;
        this.http = http;
        this.endpoint = endpoint;
        this.principal = principal;
    }

    /** A call made inside the emulator (or by a unit test): no HTTP request behind it, no credentials. */
    public static Call internal(String requestId, String region, String endpoint) {
        return new Call(requestId, region, endpoint);
    }

    private Call(String requestId, String region, String endpoint) {
        this.requestId = requestId;
        this.region = region;
        this.scope = null;
        this.http = null;
        this.endpoint = endpoint;
        this.principal = Principal.root();
    }

    public String requestId() {
        return requestId;
    }

    public String region() {
        return region;
    }

    /** The credential scope the request was signed with; empty for an unsigned request or an internal call. */
    public Optional<CredentialScope> scope() {
        return Optional.ofNullable(scope);
    }

    /**
     * Who made the call: the user, role session or root user whose access key signed it, or an anonymous caller (S3,
     * with signatures verified). Internal calls are the root user's.
     */
    public Principal principal() {
        return principal;
    }

    /** The caller's network address ({@code aws:SourceIp}); null for an internal call or when unknown. */
    public String sourceIp() {
        return http == null ? null : http.remoteAddress();
    }

    /** The HTTP request, for the codecs of this package only; null for an internal call. */
    HttpRequest http() {
        return http;
    }

    /** The request body (after aws-chunked decoding); empty for an internal call. */
    public byte[] body() {
        return http == null ? new byte[0] : http.body();
    }

    /**
     * A checksum header the payload came with ({@code Content-MD5}, {@code x-amz-checksum-crc32} ...), for
     * operations whose model has no member for it (S3's DeleteObjects); null when absent or for an internal call.
     */
    public String payloadChecksum(String header) {
        String h = header.toLowerCase(java.util.Locale.ROOT);
        if (!h.equals("content-md5") && !h.startsWith("x-amz-checksum-")) {
            throw new IllegalArgumentException("not a payload checksum header: " + header);
        }
        return http == null ? null : http.header(header);
    }

    /**
     * The validity a presigned URL states ({@code X-Amz-Date} and {@code X-Amz-Expires}, or SigV2's {@code Expires});
     * empty for a request signed in its headers, an unsigned one or an internal call. 403
     * AuthorizationQueryParametersError when the URL's values cannot be read.
     */
    public Optional<Presign> presign() {
        return http == null ? Optional.empty() : Presign.of(http);
    }

    /**
     * The form of a browser's form upload ({@code POST /bucket}, {@code multipart/form-data}), which S3 serves as
     * PutObject; empty for any other request.
     */
    public Optional<FormUpload> form() {
        return http != null && FormUpload.is(http) ? Optional.of(FormUpload.parse(http)) : Optional.empty();
    }

    /** {@code http://host:port} as the client addressed the emulator. */
    public String endpoint() {
        return endpoint;
    }
}
