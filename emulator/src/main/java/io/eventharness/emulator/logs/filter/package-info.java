/**
 * CloudWatch Logs filter patterns (terms, JSON and space-delimited), parsed once and matched against events.
 * May import: {@code core}.
 */
package io.eventharness.emulator.logs.filter;
