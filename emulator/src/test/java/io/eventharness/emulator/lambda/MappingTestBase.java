package io.eventharness.emulator.lambda;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * For event source mapping tests: an emulator of the test class's own (its clock moves without disturbing other
 * classes, and {@code settle} sees only this class's work), SDK clients for it, and a directory the class shares with
 * its sandboxes.
 */
abstract class MappingTestBase {
    @TempDir(factory = io.eventharness.emulator.lambda.runtime.Functions.SharedWithSandboxes.class)
    static Path dir;
    static OwnEmulator aws;
    static LambdaClient lambda;
    static SqsClient sqs;

    @BeforeAll
    static void emulator() {
        aws = new OwnEmulator(b -> b);
        lambda = aws.lambda();
        sqs = aws.sqs();
    }

    /** A test that froze the class's clock leaves it following real time for the next. */
    @org.junit.jupiter.api.AfterEach
    void unfreezeTheClock() {
        aws.emulator.clock().unfreeze();
    }

    @AfterAll
    static void close() {
        aws.close();
    }
}
