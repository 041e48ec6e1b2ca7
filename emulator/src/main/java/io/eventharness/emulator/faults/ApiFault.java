package io.eventharness.emulator.faults;

/**
 * One armed fault: the next {@code remaining} calls of {@code operation} of {@code service} answer with {@code kind}'s
 * error; {@code injected} counts those answered so far.
 *
 * @param id        its number, in the order faults were armed
 * @param service   the service's signing name ({@code s3}, {@code sqs}, {@code lambda}, ...)
 * @param operation the operation's name in the service's API ({@code PutObject})
 */
public record ApiFault(long id, String service, String operation, FaultKind kind, int remaining, int injected) {

    /** {@code s3:PutObject}. */
    public String action() {
        return service + ":" + operation;
    }
}
