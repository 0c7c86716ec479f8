package dev.sparks.mentor.api;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.sparks.common.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus REST ships its own mapper for {@link MismatchedInputException} (an unknown field, a wrong type), which is
 * more specific than the shared JSON mapping and answers plain JSON. This hands such failures to the shared mapping
 * so they are problem+json like every other refusal.
 */
public class JsonInputProblems {

    private final ProblemMappers shared = new ProblemMappers();

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return shared.unreadableJson(e, uri);
    }
}
