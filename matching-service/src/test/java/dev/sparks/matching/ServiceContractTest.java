package dev.sparks.matching;

import dev.sparks.common.testing.ServiceContract;
import io.quarkus.test.junit.QuarkusTest;

/** The platform-wide promises (health, metrics, OpenAPI, tokens, problem+json), checked on this service. */
@QuarkusTest
class ServiceContractTest extends ServiceContract {
}
