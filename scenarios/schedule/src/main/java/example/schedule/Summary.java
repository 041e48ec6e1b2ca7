package example.schedule;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One day's report: how many objects arrived, their bytes, the largest, and every key in order.
 *
 * <pre>{@code {"day": "2027-01-05", "objects": 2, "bytes": 11, "largest": "b.csv", "keys": ["a.csv", "b.csv"]}}</pre>
 */
record Summary(LocalDate day, int objects, long bytes, String largest, List<String> keys) {

    static Summary of(LocalDate day, List<S3Object> received) {
        List<String> keys = received.stream().map(S3Object::key).sorted().toList();
        long bytes = received.stream().mapToLong(S3Object::size).sum();
        String largest = received.stream().max(Comparator.comparingLong(S3Object::size).thenComparing(S3Object::key, Comparator.reverseOrder()))
                .map(S3Object::key).orElse(null);
        return new Summary(day, received.size(), bytes, largest, keys);
    }

    String json() {
        StringBuilder b = new StringBuilder("{\"day\": \"").append(day).append("\", \"objects\": ").append(objects)
                .append(", \"bytes\": ").append(bytes).append(", \"largest\": ").append(largest == null ? "null" : quote(largest))
                .append(", \"keys\": [");
        for (int i = 0; i < keys.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(quote(keys.get(i)));
        }
        return b.append("]}").toString();
    }

    /** A JSON string. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
