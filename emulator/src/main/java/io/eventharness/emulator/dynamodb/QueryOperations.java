package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.dynamodb.expr.AttributeValues;
import io.eventharness.emulator.dynamodb.expr.Condition;
import io.eventharness.emulator.dynamodb.expr.ExpressionContext;
import io.eventharness.emulator.dynamodb.expr.Expressions;
import io.eventharness.emulator.dynamodb.expr.KeyCondition;
import io.eventharness.emulator.dynamodb.expr.Path;
import io.eventharness.emulator.protocol.Call;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Query (a partition of a table or index, sort key conditions, ScanIndexForward) and Scan (the whole table or
 * index, in parallel segments), with filters, projections, Select and pagination by ExclusiveStartKey.
 */
public final class QueryOperations {
    private static final String SELECT_VALUES = "SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES";

    private final Tables tables;

    QueryOperations(Tables tables) {
        this.tables = tables;
    }

    public QueryResponse query(QueryRequest r, Call call) {
        Constraints c = new Constraints().tableName(r.tableName(), "tableName", true).range(r.limit(), "limit", 1, Integer.MAX_VALUE)
                .enumValue(r.select(), r.selectAsString(), "select", SELECT_VALUES)
                .enumValue(r.returnConsumedCapacity(), r.returnConsumedCapacityAsString(), "returnConsumedCapacity", "INDEXES, TOTAL, NONE")
                .enumValue(r.conditionalOperator(), r.conditionalOperatorAsString(), "conditionalOperator", "OR, AND");
        if (r.indexName() != null) {
            c.tableName(r.indexName(), "indexName", false);
        }
        c.check();
        Requests.members().expression("ProjectionExpression", r.projectionExpression())
                .expression("FilterExpression", r.filterExpression()).expression("KeyConditionExpression", r.keyConditionExpression())
                .legacy("AttributesToGet", r.attributesToGet(), r.hasAttributesToGet()).legacy("QueryFilter", r.queryFilter(), r.hasQueryFilter())
                .legacy("ConditionalOperator", r.conditionalOperatorAsString(), true)
                .legacy("KeyConditions", r.keyConditions(), r.hasKeyConditions() && r.keyConditionExpression() != null)
                .check(r.hasExpressionAttributeNames(), r.hasExpressionAttributeValues());
        Condition legacyFilter = Legacy.filter(r.hasQueryFilter() ? r.queryFilter() : null, r.conditionalOperator());
        List<Path> attributesToGet = Legacy.attributesToGet(r.hasAttributesToGet() ? r.attributesToGet() : null);
        Reads.startKeyValues(r.hasExclusiveStartKey() ? r.exclusiveStartKey() : null);
        if (!r.hasKeyConditions() && r.keyConditionExpression() == null) {
            throw DynamoDbErrors.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        ExpressionContext ctx = ItemOperations.context(r.hasExpressionAttributeNames(), r.expressionAttributeNames(),
                r.hasExpressionAttributeValues(), r.expressionAttributeValues());
        Condition keyExpression = r.keyConditionExpression() != null ? Expressions.keyCondition(r.keyConditionExpression(), ctx) : null;
        Condition filter = r.filterExpression() != null ? Expressions.condition("FilterExpression", r.filterExpression(), ctx) : legacyFilter;
        List<Path> projection = r.projectionExpression() != null ? Expressions.projection(r.projectionExpression(), ctx) : attributesToGet;
        ctx.checkAllUsed();
        KeyCondition.Parts keyParts = keyExpression != null ? KeyCondition.parts(keyExpression) : Legacy.keyConditions(r.keyConditions());
        Select select = select(r.select(), projection, r.projectionExpression() != null, r.indexName());
        return tables.locked(() -> {
            Table t = tables.get(call.region(), r.tableName());
            Reads.Source source = source(t, r.indexName(), r.consistentRead());
            Map<String, AttributeValue> startKey = r.hasExclusiveStartKey() ? r.exclusiveStartKey() : null;
            KeySchema key = source.key();
            checkKeys(source, startKey, keyParts, r.keyConditionExpression() == null ? Legacy.notIndexable(r.keyConditions()) : java.util.Set.of());
            KeyCondition kc = KeyCondition.of(keyParts, key.hash().name(), key.hash().type().toString(),
                    key.range() == null ? null : key.range().name(), key.range() == null ? null : key.range().type().toString());
            Reads.Position start = Reads.startKey(source, startKey);
            if (start != null && kc.sort() != null && !kc.sortMatches(AttributeValues.validItem(startKey))) {
                throw DynamoDbErrors.validation("The provided starting key does not match the range key predicate");
            }
            if (start != null && !AttributeValues.equal(start.hash(), kc.partition())) {
                throw DynamoDbErrors.validation(kc.sort() != null ? "The query can return at most one row and cannot be restarted"
                        : "The provided starting key is outside query boundaries based on provided conditions");
            }
            if (filter != null) {
                for (String name : key.names()) {
                    if (Condition.paths(filter).stream().anyMatch(p -> p.head().equals(name))) {
                        throw DynamoDbErrors.validation((r.filterExpression() != null ? "Filter Expression" : "QueryFilter")
                                + " can only contain non-primary key attributes: Primary key attribute: " + name);
                    }
                }
            }
            allAttributesFromGlobalIndex(source, select);
            checkKeyPaths(t, projection, filter);
            List<Reads.Entry> entries = source.entries(kc.partition()).stream().filter(e -> kc.sortMatches(e.item())).toList();
            boolean forward = r.scanIndexForward() == null || r.scanIndexForward();
            Reads.Page page = Reads.page(source, Reads.after(entries, start, forward),
                    new Reads.PageRequest(r.limit(), filter, projection, select, select == Select.ALL_ATTRIBUTES || projection != null));
            QueryResponse.Builder b = QueryResponse.builder().count(page.count()).scannedCount(page.scanned())
                    .lastEvaluatedKey(page.lastKey())
                    .consumedCapacity(new Capacity(t).read(source.index(), page.bytes(), Boolean.TRUE.equals(r.consistentRead()), false)
                            .report(r.returnConsumedCapacity()));
            if (select != Select.COUNT) {
                b.items(page.items());
            }
            return b.build();
        });
    }

    public ScanResponse scan(ScanRequest r, Call call) {
        Constraints c = new Constraints().tableName(r.tableName(), "tableName", true).range(r.limit(), "limit", 1, Integer.MAX_VALUE)
                .range(r.segment(), "segment", 0, 999999).range(r.totalSegments(), "totalSegments", 1, 1000000)
                .enumValue(r.select(), r.selectAsString(), "select", SELECT_VALUES)
                .enumValue(r.returnConsumedCapacity(), r.returnConsumedCapacityAsString(), "returnConsumedCapacity", "INDEXES, TOTAL, NONE");
        if (r.indexName() != null) {
            c.tableName(r.indexName(), "indexName", false);
        }
        c.check();
        Requests.members().expression("ProjectionExpression", r.projectionExpression())
                .expression("FilterExpression", r.filterExpression())
                .legacy("AttributesToGet", r.attributesToGet(), r.hasAttributesToGet()).legacy("ScanFilter", r.scanFilter(), r.hasScanFilter())
                .legacy("ConditionalOperator", r.conditionalOperatorAsString(), true)
                .check(r.hasExpressionAttributeNames(), r.hasExpressionAttributeValues());
        List<Path> attributesToGet = Legacy.attributesToGet(r.hasAttributesToGet() ? r.attributesToGet() : null);
        Condition legacyFilter = Legacy.filter(r.hasScanFilter() ? r.scanFilter() : null, r.conditionalOperator());
        Reads.startKeyValues(r.hasExclusiveStartKey() ? r.exclusiveStartKey() : null);
        if (r.segment() != null && r.segment() != 0 && r.totalSegments() == null) {
            throw DynamoDbErrors.validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        }
        if (r.totalSegments() != null && r.segment() == null) {
            throw DynamoDbErrors.validation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        }
        if (r.totalSegments() != null && r.segment() >= r.totalSegments()) {
            throw DynamoDbErrors.validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: "
                    + r.segment() + " is not less than TotalSegments: " + r.totalSegments());
        }
        ExpressionContext ctx = ItemOperations.context(r.hasExpressionAttributeNames(), r.expressionAttributeNames(),
                r.hasExpressionAttributeValues(), r.expressionAttributeValues());
        Condition filter = r.filterExpression() != null ? Expressions.condition("FilterExpression", r.filterExpression(), ctx) : legacyFilter;
        List<Path> projection = r.projectionExpression() != null ? Expressions.projection(r.projectionExpression(), ctx) : attributesToGet;
        ctx.checkAllUsed();
        Select select = select(r.select(), projection, r.projectionExpression() != null, r.indexName());
        return tables.locked(() -> {
            Table t = tables.get(call.region(), r.tableName());
            Reads.Source source = source(t, r.indexName(), r.consistentRead());
            Reads.startKeyShape(source, r.hasExclusiveStartKey() ? r.exclusiveStartKey() : null, false);
            allAttributesFromGlobalIndex(source, select);
            Reads.Position start = Reads.startKey(source, r.hasExclusiveStartKey() ? r.exclusiveStartKey() : null);
            boolean segmented = r.totalSegments() != null && r.segment() != null;
            if (segmented && start != null && new ItemKey(start.token(), start.hash(), null).segment(r.totalSegments()) != r.segment()) {
                throw DynamoDbErrors.validation("The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey "
                        + "with correct Segment. TotalSegments: " + r.totalSegments() + " Segment: " + r.segment());
            }
            checkKeyPaths(t, projection, filter);
            List<Reads.Entry> entries = source.entries(null);
            if (segmented) {
                int total = r.totalSegments();
                int segment = r.segment();
                entries = entries.stream().filter(e -> new ItemKey(e.position().token(), e.position().hash(), null).segment(total) == segment).toList();
            }
            Reads.Page page = Reads.page(source, Reads.after(entries, start, true),
                    new Reads.PageRequest(r.limit(), filter, projection, select, select == Select.ALL_ATTRIBUTES || projection != null));
            ScanResponse.Builder b = ScanResponse.builder().count(page.count()).scannedCount(page.scanned()).lastEvaluatedKey(page.lastKey())
                    .consumedCapacity(new Capacity(t).read(source.index(), page.bytes(), Boolean.TRUE.equals(r.consistentRead()), false)
                            .report(r.returnConsumedCapacity()));
            if (select != Select.COUNT) {
                b.items(page.items());
            }
            return b.build();
        });
    }

    /** Select, checked against the projection: SPECIFIC_ATTRIBUTES goes with one, the others without. */
    private static Select select(Select select, List<Path> projection, boolean expression, String index) {
        String member = expression ? "ProjectionExpression" : "AttributesToGet";
        if (select == null) {
            return projection != null ? Select.SPECIFIC_ATTRIBUTES : index == null ? Select.ALL_ATTRIBUTES : Select.ALL_PROJECTED_ATTRIBUTES;
        }
        if (projection != null && select != Select.SPECIFIC_ATTRIBUTES) {
            throw DynamoDbErrors.validation("Cannot specify the " + member + " when choosing to get " + select);
        }
        if (select == Select.SPECIFIC_ATTRIBUTES && projection == null) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Select type SPECIFIC_ATTRIBUTES requires "
                    + "a ProjectionExpression or AttributesToGet");
        }
        if (select == Select.ALL_PROJECTED_ATTRIBUTES && index == null) {
            throw DynamoDbErrors.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
        return select;
    }

    /**
     * The key conditions and the start key against the key queried, attribute by attribute (partition key, then sort
     * key), in the order DynamoDB checks them: the start key's attribute, then the condition on it.
     */
    private static void checkKeys(Reads.Source source, Map<String, AttributeValue> start, KeyCondition.Parts parts, java.util.Set<String> notIndexable) {
        if (start != null && start.size() != source.startKeyNames().size()) {
            throw DynamoDbErrors.validation("The provided starting key is invalid");
        }
        KeySchema k = source.key();
        int n = parts.byKey().size();
        for (KeySchema.KeyAttribute a : k.range() == null ? List.of(k.hash()) : List.of(k.hash(), k.range())) {
            boolean hash = a == k.hash();
            if (start != null) {
                AttributeValue v = start.get(a.name());
                if (v == null) {
                    throw DynamoDbErrors.validation("The provided starting key is invalid");
                }
                if (!KeySchema.typeOf(v).equals(a.type().toString())) {
                    throw DynamoDbErrors.validation("The provided key element does not match the schema");
                }
            }
            if (hash && k.range() == null && n > 1) {
                throw DynamoDbErrors.validation("Query key condition not supported");
            }
            if (!parts.byKey().containsKey(a.name())) {
                if (hash || n > 1) {
                    throw DynamoDbErrors.validation("Query condition missed key schema element: " + a.name());
                }
                continue;
            }
            if (notIndexable.contains(a.name())) {
                throw DynamoDbErrors.validation("Attempted conditional constraint is not an indexable operation");
            }
            for (AttributeValue v : parts.values().getOrDefault(a.name(), List.of())) {
                if (!KeySchema.typeOf(v).equals(a.type().toString())) {
                    throw DynamoDbErrors.validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
                }
            }
            if (hash && !(parts.byKey().get(a.name()) instanceof Condition.Compare c && c.op() == Condition.Comparator.EQ)) {
                throw DynamoDbErrors.validation("Query key condition not supported");
            }
        }
    }

    private static void checkKeyPaths(Table t, List<Path> projection, Condition filter) {
        if (projection != null) {
            ItemRules.checkKeyPaths(t, projection);
        }
        if (filter != null) {
            ItemRules.checkKeyPaths(t, Condition.paths(filter));
        }
    }

    private static void allAttributesFromGlobalIndex(Reads.Source source, Select select) {
        SecondaryIndex i = source.index();
        if (i != null && i.global() && select == Select.ALL_ATTRIBUTES && !i.projectsAll()) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for "
                    + "global secondary index " + i.name() + " because its projection type is not ALL");
        }
    }

    private static Reads.Source source(Table t, String indexName, Boolean consistent) {
        if (indexName == null) {
            return new Reads.Source(t, null);
        }
        SecondaryIndex i = t.index(indexName);
        if (i == null) {
            throw DynamoDbErrors.validation("The table does not have the specified index: " + indexName);
        }
        if (i.global() && Boolean.TRUE.equals(consistent)) {
            throw DynamoDbErrors.validation("Consistent reads are not supported on global secondary indexes");
        }
        return new Reads.Source(t, i);
    }
}
