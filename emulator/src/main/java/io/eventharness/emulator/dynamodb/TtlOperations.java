package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.protocol.Call;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;

/**
 * UpdateTimeToLive and DescribeTimeToLive. Enabling and disabling take effect at once (AWS reports ENABLING and
 * DISABLING for up to an hour); see {@link TimeToLive} for when items are deleted.
 */
public final class TtlOperations {
    private final Tables tables;

    TtlOperations(Tables tables) {
        this.tables = tables;
    }

    public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest r, Call call) {
        TimeToLiveSpecification s = r.timeToLiveSpecification();
        Constraints c = new Constraints().tableName(r.tableName(), "tableName", true).notNull(s, "timeToLiveSpecification");
        if (s != null) {
            c.notNull(s.enabled(), "timeToLiveSpecification.enabled").notNull(s.attributeName(), "timeToLiveSpecification.attributeName")
                    .length(s.attributeName(), "timeToLiveSpecification.attributeName", 1, 255);
        }
        c.check();
        return tables.locked(() -> {
            Table t = tables.getNamed(call.region(), r.tableName());
            TimeToLive ttl = t.ttl();
            if (s.enabled()) {
                if (ttl.attribute() != null) {
                    throw DynamoDbErrors.validation("TimeToLive is already enabled");
                }
                ttl.enable(s.attributeName());
            } else {
                if (ttl.attribute() == null) {
                    throw DynamoDbErrors.validation("TimeToLive is already disabled");
                }
                if (!ttl.attribute().equals(s.attributeName())) {
                    throw DynamoDbErrors.validation("The attribute name provided does not match the TimeToLive attribute name: " + ttl.attribute());
                }
                ttl.disable();
            }
            return UpdateTimeToLiveResponse.builder().timeToLiveSpecification(s).build();
        });
    }

    public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest r, Call call) {
        Constraints.tableNameFirst(r.tableName());
        new Constraints().tableName(r.tableName(), "tableName", true).check();
        return tables.locked(() -> {
            String attribute = tables.getNamed(call.region(), r.tableName()).ttl().attribute();
            TimeToLiveDescription d = attribute == null ? TimeToLiveDescription.builder().timeToLiveStatus(TimeToLiveStatus.DISABLED).build()
                    : TimeToLiveDescription.builder().timeToLiveStatus(TimeToLiveStatus.ENABLED).attributeName(attribute).build();
            return DescribeTimeToLiveResponse.builder().timeToLiveDescription(d).build();
        });
    }
}
