package io.eventharness.emulator.kinesis;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Kinesis's errors, with the codes the SDK maps to its typed exceptions and AWS's wording where it is known. A
 * request that breaks a constraint of the service model (a name's pattern, a number's range) is a
 * {@code ValidationException} with the usual "1 validation error detected: …"; a value that is well-formed but
 * wrong for the stream is an {@code InvalidArgumentException}.
 */
final class KinesisErrors {
    private static final DateTimeFormatter AMZ_UTC = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private KinesisErrors() {
    }

    /** {@code Stream orders under account 000000000000 not found.} */
    static AwsException streamNotFound(Arn stream) {
        return AwsException.of(400, "ResourceNotFoundException",
                "Stream " + KinesisStream.nameOf(stream) + " under account " + stream.account() + " not found.");
    }

    static AwsException streamExists(Arn stream) {
        return AwsException.of(400, "ResourceInUseException",
                "Stream " + KinesisStream.nameOf(stream) + " under account " + stream.account() + " already exists.");
    }

    static AwsException notActive(Arn stream, KinesisStream.Status status) {
        return AwsException.of(400, "ResourceInUseException", "Stream " + KinesisStream.nameOf(stream) + " under account "
                + stream.account() + " not ACTIVE, instead in state " + status);
    }

    /** A shard id that names no shard of the stream (GetShardIterator, SplitShard, MergeShards). */
    static AwsException shardNotFound(String shardId, Arn stream) {
        return AwsException.of(400, "ResourceNotFoundException", "Could not find shard " + shardId + " in stream "
                + KinesisStream.nameOf(stream) + " under account " + stream.account() + ".");
    }

    /** An iterator's shard that no longer exists (its stream was deleted, or it expired past retention). */
    static AwsException shardGone(String shardId, Arn stream) {
        return AwsException.of(400, "ResourceNotFoundException", "Shard " + shardId + " in stream "
                + KinesisStream.nameOf(stream) + " under account " + stream.account() + " does not exist");
    }

    static AwsException invalidArgument(String message) {
        return AwsException.of(400, "InvalidArgumentException", message);
    }

    /** IncreaseStreamRetentionPeriod to a shorter period, or DecreaseStreamRetentionPeriod to a longer one. */
    static AwsException retentionTheOtherWay(String stream, int hours, int current, boolean increase) {
        return invalidArgument("Requested retention period (" + hours + " hours) for stream " + stream + " can not be "
                + (increase ? "shorter" : "longer") + " than existing retention period (" + current + " hours). Use "
                + (increase ? "Decrease" : "Increase") + "RetentionPeriod API.");
    }

    /** More tags than a stream may have ({@code action}: "add tags to", "create"). */
    static AwsException tooManyTags(String action, Arn stream, int max) {
        return invalidArgument("Failed to " + action + " stream " + KinesisStream.nameOf(stream) + " under account "
                + stream.account() + " because a given stream cannot have more than " + max + " tags associated with it.");
    }

    static AwsException limitExceeded(String message) {
        return AwsException.of(400, "LimitExceededException", message);
    }

    /** A request breaking a constraint of the service model, worded as AWS words it. */
    static AwsException constraint(Object value, String member, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        return AwsException.of(400, "ValidationException", "1 validation error detected: Value " + shown + " at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }

    static AwsException missing(String member) {
        return constraint(null, member, "Member must not be null");
    }

    /** The SplitShard, MergeShards and UpdateShardCount refusal for on-demand streams. */
    static AwsException provisionedOnly(String operation, Arn stream) {
        return AwsException.of(400, "ValidationException", operation + " is not supported for stream "
                + KinesisStream.nameOf(stream) + " under account " + stream.account()
                + " because it is in ON_DEMAND capacity mode; it is only supported for PROVISIONED streams.");
    }

    static AwsException invalidIterator() {
        return invalidArgument("Invalid ShardIterator.");
    }

    static AwsException expiredIterator(long issuedMillis, long nowMillis) {
        return AwsException.of(400, "ExpiredIteratorException", "Iterator expired. The iterator was created at time "
                + AMZ_UTC.format(Instant.ofEpochMilli(issuedMillis)) + " while right now it is "
                + AMZ_UTC.format(Instant.ofEpochMilli(nowMillis)) + " which is further in the future than the tolerated delay of "
                + ShardIterator.LIFETIME_MILLIS + " milliseconds.");
    }

    static AwsException expiredNextToken() {
        return AwsException.of(400, "ExpiredNextTokenException", "The NextToken has expired: a token is valid for 300 seconds.");
    }

    static AwsException invalidNextToken() {
        return invalidArgument("Invalid NextToken.");
    }

    /** DryRun: everything checked, nothing done (the data plane's dry run). */
    static AwsException dryRun() {
        return AwsException.of(400, "DryRunOperationException", "Request would have succeeded, but DryRun flag is set.");
    }

    /** A parameter of a feature the emulator does not simulate. */
    static AwsException notSimulated(String parameter, String why) {
        return invalidArgument(parameter + " is not supported by this emulator: " + why);
    }
}
