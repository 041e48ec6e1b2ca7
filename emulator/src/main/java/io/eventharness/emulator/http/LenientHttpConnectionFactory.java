package io.eventharness.emulator.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * HTTP/1.1 as AWS's front ends speak it, which Jetty would refuse in one place: an {@code Expect} header whose value
 * is not {@code 100-continue} ({@code Expect: 200}, an empty one). Jetty answers those 417 Expectation Failed before
 * any handler runs; S3 ignores an expectation it does not know and serves the request. This factory's connections
 * drop such a header as it is parsed; {@code Expect: 100-continue} keeps its meaning.
 */
final class LenientHttpConnectionFactory extends HttpConnectionFactory {

    LenientHttpConnectionFactory(HttpConfiguration config) {
        super(config);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new LenientConnection(getHttpConfiguration(), connector, endPoint);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    /** Whether Jetty would refuse this header as an expectation it cannot meet. */
    static boolean unknownExpectation(HttpField field) {
        return field.getHeader() == HttpHeader.EXPECT && !field.getValue().trim().equalsIgnoreCase("100-continue");
    }

    private static final class LenientConnection extends HttpConnection {
        LenientConnection(HttpConfiguration config, Connector connector, EndPoint endPoint) {
            super(config, connector, endPoint);
        }

        @Override
        protected HttpStreamOverHTTP1 newHttpStream(String method, String uri, HttpVersion version) {
            return new LenientStream(method, uri, version);
        }

        private final class LenientStream extends HttpStreamOverHTTP1 {
            LenientStream(String method, String uri, HttpVersion version) {
                super(method, uri, version);
            }

            @Override
            public void parsedHeader(HttpField field) {
                if (!unknownExpectation(field)) {
                    super.parsedHeader(field);
                }
            }
        }
    }
}
