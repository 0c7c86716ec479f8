package dev.sparks.notification;

import dev.sparks.common.testing.BadInputContract;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Bad input to every operation, from the live OpenAPI document (see {@link BadInputContract}): the invitation link
 * operations with well-formed tokens that match nothing, the mail log with its filters.
 */
@QuarkusTest
class BadInputTest extends BadInputContract {
}
