package io.eventharness.emulator.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Each AWS protocol's error envelope: the content type it comes in, and how to read the error code
 * out of it, as the SDKs' error unmarshallers do (awsJson's {@code __type}, restJson1's {@code x-amzn-ErrorType},
 * restXml's and query's {@code <Code>}).
 */
enum Envelope {
    /** {@code {"__type": "<namespace>#<Code>", "message": ...}}. */
    AWS_JSON("application/x-amz-json-") {
        @Override
        String code(RawHttp.Answer r) throws IOException {
            return afterHash(JSON.readTree(r.body()));
        }
    },
    /** The same document as {@link #AWS_JSON}, in CBOR, for a CBOR request. */
    CBOR("application/x-amz-cbor-1.1") {
        @Override
        String code(RawHttp.Answer r) throws IOException {
            return afterHash(CBOR_MAPPER.readTree(r.body()));
        }
    },
    /** {@code <ErrorResponse><Error><Type>Sender</Type><Code>..</Code><Message/></Error><RequestId/></ErrorResponse>}. */
    QUERY_XML("text/xml") {
        @Override
        String code(RawHttp.Answer r) throws IOException {
            Document d = xml(r.body());
            if (!d.getDocumentElement().getTagName().equals("ErrorResponse")) {
                throw new IOException("root is " + d.getDocumentElement().getTagName() + ", not ErrorResponse");
            }
            return text(d, "Code");
        }
    },
    /** S3's {@code <Error><Code>..</Code><Message/><RequestId/></Error>}. */
    REST_XML("application/xml") {
        @Override
        String code(RawHttp.Answer r) throws IOException {
            Document d = xml(r.body());
            if (!d.getDocumentElement().getTagName().equals("Error")) {
                throw new IOException("root is " + d.getDocumentElement().getTagName() + ", not Error");
            }
            return text(d, "Code");
        }
    },
    /** restJson1: the code in {@code x-amzn-ErrorType} (up to a colon), {@code {"message": ...}} in the body. */
    REST_JSON("application/json") {
        @Override
        String code(RawHttp.Answer r) throws IOException {
            String type = r.header("x-amzn-ErrorType").orElseThrow(() -> new IOException("no x-amzn-ErrorType"));
            if (!JSON.readTree(r.body()).path("message").isTextual()) {
                throw new IOException("no message in " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return type.split(":")[0];
        }
    };

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR_MAPPER = new CBORMapper();

    final String contentType;

    Envelope(String contentType) {
        this.contentType = contentType;
    }

    /** The error code the response carries; an IOException when it is not this envelope. */
    abstract String code(RawHttp.Answer r) throws IOException;

    private static String afterHash(JsonNode n) throws IOException {
        String type = n.path("__type").asText(null);
        if (type == null || !n.path("message").isTextual()) {
            throw new IOException("no __type and message in " + n);
        }
        return type.substring(type.indexOf('#') + 1);
    }

    private static Document xml(byte[] body) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new IOException("not XML: " + e.getMessage(), e);
        }
    }

    private static String text(Document d, String tag) throws IOException {
        NodeList n = d.getElementsByTagName(tag);
        if (n.getLength() == 0) {
            throw new IOException("no <" + tag + ">");
        }
        return n.item(0).getTextContent();
    }
}
