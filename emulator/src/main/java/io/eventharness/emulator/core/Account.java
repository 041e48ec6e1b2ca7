package io.eventharness.emulator.core;

/** The one emulated account and the default region; ARNs in it are built with {@link Arn#of} and {@link Arn#global}. */
public final class Account {
    /** The account every request acts in, as in LocalStack and moto. */
    public static final String ID = "000000000000";
    public static final String DEFAULT_REGION = "us-east-1";

    private Account() {
    }
}
