package dev.sparks.common.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json answers. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ProblemType type, String detail, String instance, List<Problem.FieldError> errors) {
        Problem body = new Problem(type.uri(), type.title(), type.status(), detail, instance, errors);
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
