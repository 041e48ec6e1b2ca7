/**
 * Amazon SQS, served to the SDK (awsJson 1.0) and to the AWS CLI and boto3 (query). The service class
 * ({@link io.eventharness.emulator.sqs.SqsService}) holds the queues and their operations; other services deliver
 * to queues through {@code delivery} ({@code arn:aws:sqs:…}). May import: {@code core}, {@code protocol},
 * {@code delivery}.
 */
package io.eventharness.emulator.sqs;
