package io.eventharness.emulator.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Absurd headers on an otherwise valid request: content types of other protocols or none, a huge header, hundreds of
 * headers, values that are not ASCII or hold control characters, signatures that name no service or another one,
 * dates that are no dates, an encoding the body does not have.
 */
final class HeaderMutations {
    private HeaderMutations() {
    }

    static List<Mutant> of(String prefix, WireCapture.Wire w, String service) {
        List<Mutant> out = new ArrayList<>();
        String h = prefix + "header ";
        for (String ct : new String[]{"text/plain", "", "application/x-amz-json-9.9", "application/x-amz-cbor-1.1", "application/json",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml; charset=bogus-1"}) {
            out.add(Mutant.any(h + "Content-Type '" + ct + "'", Mutant.header(w, "Content-Type", ct)));
        }
        out.add(Mutant.any(h + "Content-Type removed", Mutant.header(w, "Content-Type", null)));
        out.add(Mutant.any(h + "of 40 KB", Mutant.header(w, "X-Bogus", "b".repeat(40_000))));
        Map<String, String> many = new LinkedHashMap<>(w.headers());
        for (int i = 0; i < 500; i++) {
            many.put("X-Bogus-" + i, "v");
        }
        out.add(Mutant.any(h + "500 headers", w.with(w.target(), many, w.body())));
        out.add(Mutant.any(h + "value not ASCII", Mutant.header(w, "X-Bogus", "été ☃")));
        out.add(new Mutant(h + "value with a control character", Mutant.header(w, "X-Bogus", "a\u0001b"), Mutant.Expect.HTTP_ERROR));
        out.add(new Mutant(h + "name with a space", Mutant.header(w, "X Bogus", "v"), Mutant.Expect.HTTP_ERROR));
        out.add(Mutant.any(h + "Authorization garbage", Mutant.header(w, "Authorization", "garbage")));
        out.add(Mutant.any(h + "Authorization without a scope", Mutant.header(w, "Authorization", "AWS4-HMAC-SHA256 Credential=test")));
        out.add(Mutant.any(h + "Authorization scope of a service not served", Mutant.header(w, "Authorization",
                BadRequest.sigV4("bogus"))));
        out.add(Mutant.any(h + "Authorization scope with a huge region", Mutant.header(w, "Authorization",
                "AWS4-HMAC-SHA256 Credential=test/20261125/" + "r".repeat(10_000) + "/" + service + "/aws4_request, Signature=0")));
        out.add(Mutant.any(h + "Authorization scope of a region of non-ASCII", Mutant.header(w, "Authorization",
                "AWS4-HMAC-SHA256 Credential=test/20261125/été/" + service + "/aws4_request, Signature=0")));
        out.add(Mutant.any(h + "X-Amz-Date not a date", Mutant.header(w, "X-Amz-Date", "yesterday")));
        out.add(Mutant.any(h + "Content-Encoding gzip", Mutant.header(w, "Content-Encoding", "gzip")));
        out.add(Mutant.any(h + "Content-Encoding aws-chunked", Mutant.header(w, "Content-Encoding", "aws-chunked")));
        out.add(Mutant.any(h + "x-amz-decoded-content-length garbage", Mutant.header(w, "x-amz-decoded-content-length", "-1")));
        out.add(Mutant.any(h + "Content-MD5 garbage", Mutant.header(w, "Content-MD5", "not-an-md5")));
        out.add(Mutant.any(h + "Range garbage", Mutant.header(w, "Range", "bytes=9-1,-,x-")));
        return out;
    }
}
