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
 */
public record ServiceSpec(String signingName, Protocol protocol, Class<?> sdkClient, String targetPrefix,
                          String xmlNamespace, Map<String, QueryName> queryNames, Map<String, String> xmlRoots) {

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
        return new ServiceSpec(signingName, protocol, sdkClient, targetPrefix, null, Map.of(), Map.of());
    }

    public static ServiceSpec query(String signingName, Class<?> sdkClient, String xmlNamespace) {
        return new ServiceSpec(signingName, Protocol.QUERY, sdkClient, null, xmlNamespace, Map.of(), Map.of());
    }

    public static ServiceSpec restJson(String signingName, Class<?> sdkClient) {
        return new ServiceSpec(signingName, Protocol.REST_JSON, sdkClient, null, null, Map.of(), Map.of());
    }

    public static ServiceSpec restXml(String signingName, Class<?> sdkClient, String xmlNamespace,
                                      Map<String, String> xmlRoots) {
        return new ServiceSpec(signingName, Protocol.REST_XML, sdkClient, null, xmlNamespace, Map.of(), xmlRoots);
    }

    /** The same service, also serving the query protocol with these legacy names (SQS). */
    public ServiceSpec withQueryNames(String namespace, Map<String, QueryName> names) {
        return new ServiceSpec(signingName, protocol, sdkClient, targetPrefix, namespace, names, xmlRoots);
    }

    /** The package of the SDK model classes, e.g. {@code software.amazon.awssdk.services.sqs.model}. */
    public String modelPackage() {
        return sdkClient.getPackageName() + ".model";
    }

    public String transformPackage() {
        return sdkClient.getPackageName() + ".transform";
    }
}
