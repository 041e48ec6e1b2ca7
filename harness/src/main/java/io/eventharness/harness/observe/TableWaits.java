package io.eventharness.harness.observe;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Waits on an output table, for items a function writes, changes or deletes. A failure names the item as it was last
 * read.
 *
 * <pre>{@code
 * Map<String, AttributeValue> total = cloud.table(t).await().item(TableView.key("pk", "a"), i -> "3".equals(i.get("count").n()));
 * }</pre>
 */
public final class TableWaits extends Waits<TableWaits> {
    private final TableView table;

    TableWaits(TableView table, Await await) {
        super(await);
        this.table = table;
    }

    @Override
    protected TableWaits with(Await await) {
        return new TableWaits(table, await);
    }

    /** The item with this key, once it exists. */
    public Map<String, AttributeValue> item(Map<String, AttributeValue> key) {
        return item(key, i -> true);
    }

    /** The item with this key, once it exists and {@code done} holds for it (a count reached, an attribute set). */
    public Map<String, AttributeValue> item(Map<String, AttributeValue> key, Predicate<Map<String, AttributeValue>> done) {
        return await().until("item " + key + " in table " + table.name(), () -> table.item(key), i -> i != null && done.test(i),
                i -> i == null ? "no such item" : i.toString());
    }

    /** Returns once there is no item with this key (deleted, or expired by Time to Live). */
    public void gone(Map<String, AttributeValue> key) {
        await().until("item " + key + " to be gone from table " + table.name(), () -> Optional.ofNullable(table.item(key)),
                Optional::isEmpty, i -> i.map(Object::toString).orElse("gone"));
    }

    /** Every item, once there are at least {@code n}. */
    public List<Map<String, AttributeValue>> items(int n) {
        return await().until(n + " item(s) in table " + table.name(), table::items, i -> i.size() >= n,
                i -> i.size() + " item(s): " + i);
    }
}
