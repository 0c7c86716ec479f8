package dev.sparks.matching;

import dev.sparks.common.testing.AccessMatrixContract;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of this service against every kind of caller, as deploy/openapi/access-matrix.csv says. */
@QuarkusTest
class AccessMatrixTest extends AccessMatrixContract {
}
