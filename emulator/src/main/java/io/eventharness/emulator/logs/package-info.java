/**
 * Amazon CloudWatch Logs (awsJson 1.1): groups, streams, events, filter patterns ({@code filter}), retention
 * on the emulator clock. Lambda sandboxes write here through {@link io.eventharness.emulator.logs.LogsService#append}.
 * May import: {@code core}, {@code protocol}.
 */
package io.eventharness.emulator.logs;
