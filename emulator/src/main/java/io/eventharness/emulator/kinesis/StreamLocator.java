package io.eventharness.emulator.kinesis;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.protocol.Call;
import java.util.regex.Pattern;

/**
 * Which stream a request names: {@code StreamName} (in the region of the call), {@code StreamARN} (the SDK's newer
 * style; its region and account are the ARN's), or both, which must name the same stream. {@code StreamId} is
 * reserved by AWS "for future use" and refused.
 */
final class StreamLocator {
    private static final Pattern STREAM_ARN = Pattern.compile("arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+");

    private final KinesisStreams streams;

    StreamLocator(KinesisStreams streams) {
        this.streams = streams;
    }

    /** The stream named; ResourceNotFoundException when there is none. */
    KinesisStream find(String name, String arn, String streamId, Call call) {
        return streams.get(arnOf(name, arn, streamId, call));
    }

    /** The ARN a name and/or an ARN designate, validated. */
    static Arn arnOf(String name, String arn, String streamId, Call call) {
        refuseStreamId(streamId);
        if (arn == null) {
            if (name == null) {
                throw KinesisErrors.invalidArgument("Either StreamName or StreamARN must be provided.");
            }
            return arnOfName(Constraints.name(name, "streamName"), call.region());
        }
        Arn parsed = parseStreamArn(arn, "streamARN");
        if (name != null && !Constraints.name(name, "streamName").equals(KinesisStream.nameOf(parsed))) {
            throw KinesisErrors.invalidArgument("StreamARN " + arn + " and StreamName " + name + " do not name the same stream.");
        }
        return parsed;
    }

    /** {@code arn:aws:kinesis:<region>:000000000000:stream/<name>}. */
    static Arn arnOfName(String name, String region) {
        return Arn.of("kinesis", region, "stream/" + name);
    }

    /** A stream ARN as the model's pattern has it ({@code arn:aws*:kinesis:*:<12 digits>:stream/<name>}). */
    static Arn parseStreamArn(String arn, String member) {
        if (arn.length() > 2048 || !STREAM_ARN.matcher(arn).matches()) {
            throw KinesisErrors.constraint(arn, member, "Member must satisfy regular expression pattern: " + STREAM_ARN.pattern());
        }
        Arn parsed = Arn.parse(arn);
        if (!parsed.resourceType().equals("stream") || !Constraints.NAME.matcher(parsed.resourceId()).matches()) {
            throw KinesisErrors.invalidArgument("StreamARN " + arn + " does not name a stream (arn:aws:kinesis:<region>:<account>:stream/<name>).");
        }
        return parsed;
    }

    static void refuseStreamId(String streamId) {
        if (streamId != null) {
            throw KinesisErrors.notSimulated("StreamId", "AWS reserves it for future use; name the stream with StreamName or StreamARN.");
        }
    }
}
