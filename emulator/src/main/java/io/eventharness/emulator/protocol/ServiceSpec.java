package io.eventharness.emulator.protocol;

import java.util.Map;

/**
 * What the front door needs to know of one emulated service: its SigV4 signing name, its wire
 * protocol, the SDK client interface whose model classes are the spec, and protocol details.
 *
 * @param signingName    the service in the SigV4 credential scope ({@code sqs}, {@code s3}, {@code logs})
 * @param protocol       the wire protocol of the SDK client
 * @param sdkClient      the SDK v2 sync client interface, e.g. {@code SqsClient.class}
 * @param targetPrefix   awsJson: the {@code X-Amz-Target} prefix ({@code AmazonSQS}); else null
 * @param xmlNamespace   restXml and query: the namespace of response documents
 * @param queryNames     query protocol: wire names that differ from the SDK's (SQS's legacy query names)
 * @param xmlRoots       restXml: the root element of each operation's response document, where the SDK
 *                       model does not carry it ({@code ListObjectsV2} → {@code ListBucketResult}); an
 *                       operation whose payload is one string is wrapped in it ({@code GetBucketLocation} →
 *                       {@code <LocationConstraint>eu-west-1</LocationConstraint>})
 * @param jsonDialect    awsJson: how this service's answers differ from the protocol's defaults; null for none
 */
public record ServiceSpec(String signingName, Protocol protocol, Class<?> sdkClient, String targetPrefix,
                          String xmlNamespace, Map<String, QueryName> queryNames, Map<String, String> xmlRoots,
                          JsonDialect jsonDialect) {

    /**
     * What an awsJson service puts on the wire beyond the protocol: the namespace of its errors' {@code __type}
     * ({@code com.amazonaws.dynamodb.v20120810#ResourceNotFoundException}), other namespaces for some codes
     * (DynamoDB's {@code com.amazon.coral.validate#ValidationException}), and whether answers carry
     * {@code x-amz-crc32} (the CRC32 of the body, which DynamoDB's clients verify), and whether a null in a request's
     * list or map reaches the service ({@link #keepingNulls()}).
     */
    public record JsonDialect(String errorNamespace, Map<String, String> namespaceByCode, boolean crc32, boolean keepsNulls) {
        public JsonDialect(String errorNamespace, Map<String, String> namespaceByCode, boolean crc32) {
            this(errorNamespace, namespaceByCode, crc32, false);
        }

        /**
         * The same dialect, whose requests keep the nulls of their lists and maps for the service to report
         * (DynamoDB's {@code Member must not be null}); otherwise the codec refuses them as a SerializationException.
         */
        public JsonDialect keepingNulls() {
            return new JsonDialect(errorNamespace, namespaceByCode, crc32, true);
        }

        /** The {@code __type} of an error code. */
        public String type(String code) {
            return namespaceByCode.getOrDefault(code, errorNamespace) + "#" + code;
        }
    }

    /**
     * A query-protocol wire name: {@code name} replaces the member's name; {@code flattened} lists and
     * maps repeat {@code name.N}; maps name their key and value parts.
     */
    public record QueryName(String name, boolean flattened, String keyName, String valueName) {
        public static QueryName flat(String name) {
            return new QueryName(name, true, null, null);
        }

        public static QueryName flatMap(String name, String key, String value) {
            return new QueryName(name, true, key, value);
        }
    }

    public static ServiceSpec awsJson(String signingName, Protocol protocol, Class<?> sdkClient, String targetPrefix) {
        return new ServiceSpec(signingName, protocol, sdkClient, targetPrefix, null, Map.of(), Map.of(), null);
    }

    public static ServiceSpec query(String signingName, Class<?> sdkClient, String xmlNamespace) {
        return new ServiceSpec(signingName, Protocol.QUERY, sdkClient, null, xmlNamespace, Map.of(), Map.of(), null);
    }

    public static ServiceSpec restJson(String signingName, Class<?> sdkClient) {
        return new ServiceSpec(signingName, Protocol.REST_JSON, sdkClient, null, null, Map.of(), Map.of(), null);
    }

    public static ServiceSpec restXml(String signingName, Class<?> sdkClient, String xmlNamespace,
                                      Map<String, String> xmlRoots) {
        return new ServiceSpec(signingName, Protocol.REST_XML, sdkClient, null, xmlNamespace, Map.of(), xmlRoots, null);
    }

    /** The same service, also serving the query protocol with these legacy names (SQS). */
    public ServiceSpec withQueryNames(String namespace, Map<String, QueryName> names) {
        return new ServiceSpec(signingName, protocol, sdkClient, targetPrefix, namespace, names, xmlRoots, jsonDialect);
    }

    /** The same awsJson service with its own error namespaces and {@code x-amz-crc32} (DynamoDB). */
    public ServiceSpec withJsonDialect(JsonDialect dialect) {
        return new ServiceSpec(signingName, protocol, sdkClient, targetPrefix, xmlNamespace, queryNames, xmlRoots, dialect);
    }

    /**
     * The package of the SDK model classes, e.g. {@code software.amazon.awssdk.services.sqs.model}: the package of
     * the requests the client takes (DynamoDB Streams' client, {@code ...dynamodb.streams}, takes requests of
     * {@code ...dynamodb.model}).
     */
    public String modelPackage() {
        for (java.lang.reflect.Method m : sdkClient.getMethods()) {
            Class<?>[] p = m.getParameterTypes();
            if (p.length == 1 && software.amazon.awssdk.core.SdkRequest.class.isAssignableFrom(p[0])) {
                return p[0].getPackageName();
            }
        }
        return sdkClient.getPackageName() + ".model";
    }

    public String transformPackage() {
        return sdkClient.getPackageName() + ".transform";
    }
}
