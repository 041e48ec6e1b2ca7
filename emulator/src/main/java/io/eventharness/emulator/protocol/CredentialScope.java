package io.eventharness.emulator.protocol;

import io.eventharness.emulator.http.HttpRequest;
import java.util.Optional;

/**
 * The SigV4 credential scope a request was signed with, {@code AKID/20261125/us-east-1/sqs/aws4_request}: from
 * the {@code Authorization} header's {@code Credential=}, or a presigned URL's {@code X-Amz-Credential}. It names
 * the caller's access key, the region and the service. Parsed once, by the request pipeline; services read it
 * from {@link Call#scope()}.
 *
 * @param accessKeyId the caller's access key id ({@code test}, an IAM user's {@code AKIA…}, an STS {@code ASIA…})
 * @param date        the signing date, {@code yyyyMMdd}
 * @param region      the region the request was signed for
 * @param service     the signing name of the service ({@code sqs}, {@code s3}, {@code execute-api} ...)
 */
public record CredentialScope(String accessKeyId, String date, String region, String service) {

    /** The scope of a signed or presigned request; empty for an unsigned one or a malformed credential. */
    public static Optional<CredentialScope> of(HttpRequest r) {
        String cred = null;
        String auth = r.header("Authorization");
        if (auth != null) {
            int i = auth.indexOf("Credential=");
            if (i >= 0) {
                int end = auth.indexOf(',', i);
                cred = auth.substring(i + "Credential=".length(), end < 0 ? auth.length() : end).trim();
            }
        }
        if (cred == null) {
            cred = r.queryParamIfReadable("X-Amz-Credential");
        }
        if (cred == null) {
            return Optional.empty();
        }
        String[] parts = cred.split("/");
        return parts.length >= 5 ? Optional.of(new CredentialScope(parts[0], parts[1], parts[2], parts[3])) : Optional.empty();
    }
}
