package io.eventharness.emulator.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.s3.model.AccessControlPolicy;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * Access control lists as S3 answers them today ("Access control list (ACL) overview", "Controlling ownership of
 * objects and disabling ACLs"): a canned ACL ({@code x-amz-acl}), {@code x-amz-grant-*} headers or an
 * {@code AccessControlPolicy} body become grants. Where ACLs are disabled ({@code BucketOwnerEnforced}, every new
 * bucket's setting) only the owner's full control is accepted and anything else is refused; elsewhere they are stored
 * and returned. They are not enforced: who may do what belongs with IAM permissions, which the emulator does not
 * check yet.
 */
final class Acls {
    static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";

    private Acls() {
    }

    static List<Grant> ownerFullControl() {
        return List.of(grant(owner(), Permission.FULL_CONTROL));
    }

    /**
     * The grants an ACL request asks for: a canned ACL, grant headers, or a policy document; null when it asks for
     * none. InvalidArgument for an unknown canned ACL or a grantee that cannot be read.
     */
    static List<Grant> requested(String canned, String fullControl, String read, String readAcp, String write,
                                 String writeAcp, AccessControlPolicy policy) {
        if (canned != null) {
            return canned(canned);
        }
        List<Grant> out = new ArrayList<>();
        headerGrants(out, fullControl, Permission.FULL_CONTROL);
        headerGrants(out, read, Permission.READ);
        headerGrants(out, readAcp, Permission.READ_ACP);
        headerGrants(out, write, Permission.WRITE);
        headerGrants(out, writeAcp, Permission.WRITE_ACP);
        if (!out.isEmpty()) {
            return out;
        }
        return policy == null ? null : policy.grants();
    }

    static List<Grant> canned(String canned) {
        Grant owner = grant(owner(), Permission.FULL_CONTROL);
        return switch (canned) {
            case "private", "bucket-owner-full-control", "bucket-owner-read" -> List.of(owner);
            case "public-read" -> List.of(owner, grant(group(ALL_USERS), Permission.READ));
            case "public-read-write" -> List.of(owner, grant(group(ALL_USERS), Permission.READ),
                    grant(group(ALL_USERS), Permission.WRITE));
            case "authenticated-read" -> List.of(owner, grant(group(AUTHENTICATED_USERS), Permission.READ));
            case "log-delivery-write" -> List.of(owner, grant(group(LOG_DELIVERY), Permission.WRITE),
                    grant(group(LOG_DELIVERY), Permission.READ_ACP));
            case "aws-exec-read" -> List.of(owner);
            default -> throw S3Errors.invalidArgument("Invalid canned ACL: " + canned, "x-amz-acl", canned);
        };
    }

    /** {@code id="…", uri="…", emailAddress="…"}, comma-separated, as {@code x-amz-grant-*} headers carry grantees. */
    private static void headerGrants(List<Grant> out, String header, Permission permission) {
        if (header == null || header.isBlank()) {
            return;
        }
        for (String part : header.split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw S3Errors.invalidArgument("Invalid grantee: " + p, "x-amz-grant", p);
            }
            String kind = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = p.substring(eq + 1).trim().replace("\"", "");
            Grantee g = switch (kind) {
                case "id" -> Grantee.builder().type(Type.CANONICAL_USER).id(value).build();
                case "uri" -> group(value);
                case "emailaddress" -> Grantee.builder().type(Type.AMAZON_CUSTOMER_BY_EMAIL).emailAddress(value).build();
                default -> throw S3Errors.invalidArgument("Invalid grantee type: " + kind, "x-amz-grant", p);
            };
            out.add(grant(g, permission));
        }
    }

    /**
     * The ACL an object write asks for ({@code x-amz-acl}, {@code x-amz-grant-*}: PutObject, CopyObject,
     * CreateMultipartUpload, PutObjectAcl's headers), checked against the bucket: the owner's full control when it
     * asks for none; AccessControlListNotSupported for any other where ACLs are disabled; AccessDenied for a public
     * one where Block Public Access blocks public ACLs.
     */
    static List<Grant> forWrite(Object request, BucketSettings bucket) {
        List<Grant> asked = requested((String) Members.get(request, "ACL"), (String) Members.get(request, "GrantFullControl"),
                (String) Members.get(request, "GrantRead"), (String) Members.get(request, "GrantReadACP"),
                (String) Members.get(request, "GrantWrite"), (String) Members.get(request, "GrantWriteACP"),
                (AccessControlPolicy) Members.get(request, "AccessControlPolicy"));
        if (asked == null) {
            return ownerFullControl();
        }
        check(asked, bucket);
        return asked;
    }

    /** Refuses grants a bucket does not take (see {@link #forWrite}). */
    static void check(List<Grant> grants, BucketSettings bucket) {
        if (bucket.aclsDisabled() && !ownerOnly(grants)) {
            throw S3Errors.accessControlListNotSupported();
        }
        if (isPublic(grants) && bucket.blocks(c -> Boolean.TRUE.equals(c.blockPublicAcls()))) {
            throw S3Errors.accessDenied("Access Denied");
        }
    }

    /**
     * Whether grants are only the owner's full control, which a bucket with ACLs disabled accepts (S3: "requests that
     * specify bucket owner full control ACLs ... succeed").
     */
    static boolean ownerOnly(List<Grant> grants) {
        return grants.stream().allMatch(g -> g.permission() == Permission.FULL_CONTROL && g.grantee() != null
                && g.grantee().type() == Type.CANONICAL_USER && BucketOwner.OWNER.id().equals(g.grantee().id()));
    }

    /** Whether grants give anything to everyone or to every AWS user (what Block Public Access calls public). */
    static boolean isPublic(List<Grant> grants) {
        return grants.stream().anyMatch(g -> g.grantee() != null && (ALL_USERS.equals(g.grantee().uri())
                || AUTHENTICATED_USERS.equals(g.grantee().uri())));
    }

    private static Grantee owner() {
        return Grantee.builder().type(Type.CANONICAL_USER).id(BucketOwner.OWNER.id()).displayName(BucketOwner.OWNER.displayName())
                .build();
    }

    private static Grantee group(String uri) {
        return Grantee.builder().type(Type.GROUP).uri(uri).build();
    }

    private static Grant grant(Grantee grantee, Permission permission) {
        return Grant.builder().grantee(grantee).permission(permission).build();
    }
}
