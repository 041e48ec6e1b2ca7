package io.eventharness.emulator.core;

/** The one emulated account and the ARNs built in it. */
public final class Account {
    /** The account every request acts in, as in LocalStack and moto. */
    public static final String ID = "000000000000";
    public static final String DEFAULT_REGION = "us-east-1";

    private Account() {
    }

    /** {@code arn:aws:<service>:<region>:000000000000:<resource>}. */
    public static String arn(String service, String region, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + ID + ":" + resource;
    }

    /** A global ARN (IAM): {@code arn:aws:iam::000000000000:<resource>}. */
    public static String globalArn(String service, String resource) {
        return "arn:aws:" + service + "::" + ID + ":" + resource;
    }
}
