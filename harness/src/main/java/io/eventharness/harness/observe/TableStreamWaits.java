package io.eventharness.harness.observe;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Waits on a table's stream: they read until enough records arrived and hand them over in the stream's order; later
 * ones stay for the next wait.
 *
 * <pre>{@code
 * Record insert = cloud.tableStream(table).await().record();
 * List<Record> next = cloud.tableStream(table).await().records(2);
 * }</pre>
 */
public final class TableStreamWaits extends Waits<TableStreamWaits> {
    private final TableStreamView stream;

    TableStreamWaits(TableStreamView stream, Await await) {
        super(await);
        this.stream = stream;
    }

    @Override
    protected TableStreamWaits with(Await await) {
        return new TableStreamWaits(stream, await);
    }

    /** The next {@code n} records of the stream, in order. */
    public List<Record> records(int n) {
        await().until(n + " record(s) in the stream of table " + stream.table(), stream::read, r -> r.size() >= n,
                r -> r.size() + " record(s)" + (r.isEmpty() ? "" : ": " + r.stream().map(x -> x.eventName() + " "
                        + x.dynamodb().keys()).toList()));
        return stream.take(n);
    }

    public Record record() {
        return records(1).get(0);
    }
}
