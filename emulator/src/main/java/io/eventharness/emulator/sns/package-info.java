/**
 * Amazon SNS (query protocol): topics, subscriptions, filter policies, deliveries to SQS and Lambda through
 * {@code delivery}, which also brings other services' messages to topics ({@code arn:aws:sns:…}). May import:
 * {@code core}, {@code protocol}, {@code delivery}.
 */
package io.eventharness.emulator.sns;
