package dev.sparks.common.api;

import dev.sparks.common.problem.Problem;
import dev.sparks.common.problem.ProblemException;
import dev.sparks.common.problem.ProblemResponses;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path and query parameters follow the same rule as text in bodies ({@link StrictRequestJson}): no control
 * characters and no unpaired surrogates. A filter value with NUL would otherwise reach PostgreSQL, which refuses it
 * with an error rather than finding nothing.
 */
public class ParameterText {

    @ServerRequestFilter
    public Optional<Response> refuseControlCharacters(UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        collect(uri.getPathParameters(), errors);
        collect(uri.getQueryParameters(), errors);
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        ProblemException problem = ProblemException.invalid(errors);
        return Optional.of(ProblemResponses.of(problem.type(), problem.getMessage(), uri.getPath(), errors));
    }

    private static void collect(MultivaluedMap<String, String> parameters, List<Problem.FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                String problem = StrictRequestJson.CleanText.problem(value);
                if (problem != null) {
                    errors.add(new Problem.FieldError(parameter.getKey(), problem));
                    break;
                }
            }
        }
    }
}
