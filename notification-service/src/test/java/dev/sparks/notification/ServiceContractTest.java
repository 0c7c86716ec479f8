package dev.sparks.notification;

import dev.sparks.common.testing.ServiceContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;

/** The platform-wide promises (health, metrics, OpenAPI, tokens, problem+json, CORS), checked on this service. */
@QuarkusTest
class ServiceContractTest extends ServiceContract {

    /** The invitation link is the credential: answering from the email needs no login. */
    @Override
    protected Set<String> publicOperations() {
        return Set.of("getInvitation", "acceptInvitation", "declineInvitation");
    }
}
