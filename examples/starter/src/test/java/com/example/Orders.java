package com.example;

/** SQS events as Lambda's SQS poller hands them to the function. */
final class Orders {
    private Orders() {
    }

    /** A batch of messages with these ids and bodies (one id, one body, and so on). */
    static String batch(String... idsAndBodies) {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < idsAndBodies.length; i += 2) {
            if (i > 0) {
                records.append(',');
            }
            records.append("{\"messageId\":\"").append(idsAndBodies[i]).append("\",\"receiptHandle\":\"rh-").append(i)
                    .append("\",\"body\":").append(quoted(idsAndBodies[i + 1]))
                    .append(",\"attributes\":{\"ApproximateReceiveCount\":\"1\"},\"messageAttributes\":{},")
                    .append("\"md5OfBody\":\"\",\"eventSource\":\"aws:sqs\",")
                    .append("\"eventSourceARN\":\"arn:aws:sqs:us-east-1:000000000000:orders\",\"awsRegion\":\"us-east-1\"}");
        }
        return "{\"Records\":[" + records + "]}";
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
