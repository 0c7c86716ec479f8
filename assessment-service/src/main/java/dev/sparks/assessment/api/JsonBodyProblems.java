package dev.sparks.assessment.api;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.sparks.common.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus' Jackson extension ships its own mapper for {@link MismatchedInputException} (unknown fields, wrong value
 * types), which is more specific than the shared mapping's {@code JsonProcessingException} and answers plain JSON.
 * This hands those exceptions back to the shared mapping so they are problem+json naming the field, like every other
 * refusal. Belongs in sparks-common; kept here until it moves.
 */
public class JsonBodyProblems {

    private final ProblemMappers shared = new ProblemMappers();

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return shared.unreadableJson(e, uri);
    }
}
