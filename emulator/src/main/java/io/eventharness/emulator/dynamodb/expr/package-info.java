/**
 * DynamoDB's expression language and attribute values, apart from tables: {@link
 * io.eventharness.emulator.dynamodb.expr.Expressions} parses condition, filter, key-condition, update and projection
 * expressions (placeholders, reserved words, functions, nested paths and list indexes) into
 * {@link io.eventharness.emulator.dynamodb.expr.Condition}, {@link io.eventharness.emulator.dynamodb.expr.UpdateExpression}
 * and {@link io.eventharness.emulator.dynamodb.expr.Path}s that evaluate against an item (a map of the SDK's
 * {@code AttributeValue}s); {@link io.eventharness.emulator.dynamodb.expr.AttributeValues} holds DynamoDB's rules for
 * values (validation, normalised numbers, equality, order, sizes). May import: {@code core}.
 */
package io.eventharness.emulator.dynamodb.expr;
