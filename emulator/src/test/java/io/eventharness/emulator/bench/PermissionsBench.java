package io.eventharness.emulator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.Emulator;
import io.eventharness.emulator.auth.Authenticator;
import io.eventharness.emulator.auth.Credential;
import io.eventharness.emulator.auth.SigV4;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.http.Headers;
import io.eventharness.emulator.http.HttpRequest;
import io.eventharness.emulator.policy.AccessRequest;
import io.eventharness.emulator.policy.AppliedPolicies;
import io.eventharness.emulator.policy.PolicyEvaluator;
import io.eventharness.emulator.policy.Principal;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What permissions cost per request (not a test: run by hand, numbers go to docs/benchmarks.md).
 *
 * <pre>
 * java -cp "$(cat emulator/target/cp.txt):emulator/target/test-classes:emulator/target/classes" \
 *     io.eventharness.emulator.bench.PermissionsBench [all|evaluate|sigv4|sdk]
 * </pre>
 * <ul>
 *   <li>{@code evaluate}: {@code PolicyEvaluator.evaluate} alone, for a Lambda developer's policies (AWS's
 *       {@code AWSLambda_FullAccess} and {@code AWSLambdaBasicExecutionRole} with their real documents, an inline
 *       policy with {@code StringLike}, {@code ArnLike} and {@code IpAddress} conditions) and a queue policy: an allow
 *       found in the first policy, an allow found in the inline policy, an implicit deny (every statement read);</li>
 *   <li>{@code sigv4}: {@code Authenticator.authenticate} with verification, on an SQS SendMessage (1 KiB body) signed
 *       in its headers: parsing, the canonical request, the signing key and the HMAC;</li>
 *   <li>{@code sdk}: SQS SendMessage (1 KiB) through the SDK as an IAM user with a policy, with nothing checked,
 *       signatures verified, policies enforced, and both: the difference is what a request pays.</li>
 * </ul>
 */
public final class PermissionsBench {
    private static final int WARMUP = 200_000;
    private static final int MEASURED = 200_000;
    private static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:orders";

    private PermissionsBench() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "all";
        if (what.equals("all") || what.equals("evaluate")) {
            evaluate();
        }
        if (what.equals("all") || what.equals("sigv4")) {
            sigv4();
        }
        if (what.equals("all") || what.equals("sdk")) {
            sdk();
        }
    }

    // ---- policy evaluation ----------------------------------------------------------------------

    private static void evaluate() throws Exception {
        Principal who = Principal.roleSession(Arn.global("iam", "role/orders-fn-role"), "AROAEXAMPLE", "orders-fn");
        String inline = """
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Action":["sqs:SendMessage","sqs:GetQueueAttributes"],
                   "Resource":"arn:aws:sqs:us-east-1:000000000000:orders*",
                   "Condition":{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::000000000000:role/orders-*"},
                                "IpAddress":{"aws:SourceIp":["127.0.0.0/8","10.0.0.0/8"]}}},
                  {"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::orders-out/${aws:userid}/*"},
                  {"Effect":"Allow","Action":"dynamodb:PutItem","Resource":"arn:aws:dynamodb:*:*:table/orders",
                   "Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:lambda:*:000000000000:function:orders-*"}}}]}""";
        String queuePolicy = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},
                  "Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:000000000000:orders",
                  "Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:us-east-1:000000000000:orders-topic"}}}]}""";
        AppliedPolicies policies = AppliedPolicies.identity(List.of(
                        AppliedPolicies.Source.of("arn:aws:iam::aws:policy/AWSLambda_FullAccess", managed("AWSLambda_FullAccess")),
                        AppliedPolicies.Source.of("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                                managed("AWSLambdaBasicExecutionRole")),
                        AppliedPolicies.Source.of("role orders-fn-role, inline policy orders", inline)))
                .withResource(AppliedPolicies.Source.of("queue orders", queuePolicy));
        Instant now = Instant.parse("2026-12-07T12:00:00Z");
        AccessRequest first = AccessRequest.of(who, "lambda:InvokeFunction", "arn:aws:lambda:us-east-1:000000000000:function:f", now)
                .with("aws:SourceIp", "127.0.0.1");
        AccessRequest conditions = AccessRequest.of(who, "sqs:SendMessage", QUEUE, now).with("aws:SourceIp", "127.0.0.1");
        AccessRequest denied = AccessRequest.of(who, "sqs:DeleteQueue", QUEUE, now).with("aws:SourceIp", "127.0.0.1");
        check(PolicyEvaluator.evaluate(first, policies).allowed(), "lambda:InvokeFunction is allowed");
        check(PolicyEvaluator.evaluate(conditions, policies).allowed(), "sqs:SendMessage is allowed");
        check(!PolicyEvaluator.evaluate(denied, policies).allowed(), "sqs:DeleteQueue is denied");
        report("evaluate: allow, first policy", () -> PolicyEvaluator.evaluate(first, policies));
        report("evaluate: allow, with conditions", () -> PolicyEvaluator.evaluate(conditions, policies));
        report("evaluate: implicit deny", () -> PolicyEvaluator.evaluate(denied, policies));
        report("evaluate: request + allow", () -> PolicyEvaluator.evaluate(
                AccessRequest.of(who, "sqs:SendMessage", QUEUE, now).with("aws:SourceIp", "127.0.0.1"), policies));
    }

    private static String managed(String name) throws Exception {
        try (InputStream in = PermissionsBench.class.getResourceAsStream("/io/eventharness/emulator/iam/aws-managed-policies.json")) {
            for (JsonNode p : Json.MAPPER.readTree(in)) {
                if (p.get("name").textValue().equals(name)) {
                    return Json.MAPPER.writeValueAsString(p.get("document"));
                }
            }
        }
        throw new IllegalStateException("no managed policy " + name);
    }

    // ---- signature verification -----------------------------------------------------------------

    private static void sigv4() {
        byte[] body = ("{\"QueueUrl\":\"http://127.0.0.1:4566/000000000000/orders\",\"MessageBody\":\"" + "x".repeat(1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        String amzDate = "20261207T120000Z";
        String scope = "20261207/us-east-1/sqs/aws4_request";
        String signedHeaders = "content-type;host;x-amz-date;x-amz-target";
        HttpRequest unsigned = request(body, amzDate, "AWS4-HMAC-SHA256 Credential=test/" + scope + ", SignedHeaders="
                + signedHeaders + ", Signature=" + "0".repeat(64));
        SigV4.Signed s = SigV4.parse(unsigned);
        String signature = SigV4.expected(unsigned, s, SigV4.signingKey("test", s));
        String auth = "AWS4-HMAC-SHA256 Credential=test/" + scope + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
        Authenticator verifying = new Authenticator(key -> Optional.of(Credential.ROOT).filter(c -> c.accessKeyId().equals(key)),
                true, () -> Instant.parse("2026-12-07T12:00:00Z"));
        check(verifying.authenticate(request(body, amzDate, auth), "sqs").kind() == Principal.Kind.ROOT, "the signature verifies");
        report("sigv4: verify (1 KiB body)", () -> verifying.authenticate(request(body, amzDate, auth), "sqs"));
    }

    private static HttpRequest request(byte[] body, String amzDate, String authorization) {
        Headers h = new Headers().add("Host", "127.0.0.1:4566").add("Content-Type", "application/x-amz-json-1.0")
                .add("X-Amz-Target", "AmazonSQS.SendMessage").add("X-Amz-Date", amzDate).add("Authorization", authorization);
        return new HttpRequest("POST", "/", null, h, body);
    }

    // ---- through the SDK ------------------------------------------------------------------------

    private static void sdk() {
        for (boolean verify : List.of(false, true)) {
            for (boolean enforce : List.of(false, true)) {
                try (Emulator aws = Emulator.builder().withDynamicPort().withSignatureVerification(verify)
                        .withPolicyEnforcement(enforce).build().start()) {
                    IamClient iam = IamClient.builder().endpointOverride(aws.endpoint()).region(software.amazon.awssdk.regions.Region.AWS_GLOBAL)
                            .credentialsProvider(aws.credentials()).httpClientBuilder(ApacheHttpClient.builder()).build();
                    iam.createUser(b -> b.userName("sender"));
                    iam.attachUserPolicy(b -> b.userName("sender").policyArn("arn:aws:iam::aws:policy/AmazonSQSFullAccess"));
                    iam.attachUserPolicy(b -> b.userName("sender").policyArn("arn:aws:iam::aws:policy/AWSLambda_FullAccess"));
                    AccessKey k = iam.createAccessKey(b -> b.userName("sender")).accessKey();
                    try (SqsClient sqs = SqsClient.builder().endpointOverride(aws.endpoint()).region(aws.region())
                            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(k.accessKeyId(),
                                    k.secretAccessKey())))
                            .httpClientBuilder(ApacheHttpClient.builder()).build()) {
                        String url = sqs.createQueue(b -> b.queueName("bench")).queueUrl();
                        String body = "x".repeat(1024);
                        sdkReport("SQS SendMessage, verify " + (verify ? "on " : "off") + ", enforce " + (enforce ? "on " : "off"),
                                () -> sqs.sendMessage(b -> b.queueUrl(url).messageBody(body)));
                    }
                }
            }
        }
    }

    // ---- measuring ------------------------------------------------------------------------------

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("not so: " + what);
        }
    }

    private static void report(String name, Supplier<Object> call) {
        List<Object> sink = new ArrayList<>(1);
        for (int i = 0; i < WARMUP; i++) {
            sink.add(call.get());
            sink.clear();
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long t = System.nanoTime();
            sink.add(call.get());
            nanos[i] = System.nanoTime() - t;
            sink.clear();
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-36s p50 %6.2f µs  p99 %6.2f µs  (%d calls after %d warm-up)%n", name,
                nanos[MEASURED / 2] / 1e3, nanos[MEASURED * 99 / 100] / 1e3, MEASURED, WARMUP);
    }

    private static void sdkReport(String name, Supplier<Object> call) {
        int warmup = 2_000;
        int measured = 10_000;
        for (int i = 0; i < warmup; i++) {
            call.get();
        }
        long[] nanos = new long[measured];
        for (int i = 0; i < measured; i++) {
            long t = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-44s p50 %6.1f µs  p99 %6.1f µs  (%d calls after %d warm-up)%n", name,
                nanos[measured / 2] / 1e3, nanos[measured * 99 / 100] / 1e3, measured, warmup);
    }
}
