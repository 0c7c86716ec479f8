package dev.sparks.assessment.api;

import dev.sparks.assessment.domain.Instrument;
import dev.sparks.assessment.domain.InstrumentCatalog;
import dev.sparks.common.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The questionnaire. The published instrument JSON is the contract front-ends render, so it is returned as it is:
 * items in presentation order, the scale, and the goal and preference questions with their options.
 */
@Path("/instrument")
@Tag(name = "Instrument", description = "The versioned self-assessment questionnaire")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class InstrumentResource {

    private final InstrumentCatalog catalog = InstrumentCatalog.bundled();

    @GET
    @Operation(operationId = "getCurrentInstrument", summary = "The current instrument version",
            description = "The version new assessments start on, with its items in the order to present them. "
                    + "Any authenticated caller.")
    @APIResponse(responseCode = "200", description = "The current version")
    public Instrument current() {
        return catalog.current();
    }

    @GET
    @Path("/{version}")
    @Operation(operationId = "getInstrumentVersion", summary = "One published instrument version",
            description = "Older versions stay published so assessments started on them can be shown and finished. "
                    + "Any authenticated caller.")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "404", description = "No such version")
    public Instrument version(@PathParam("version") String version) {
        return catalog.version(version).orElseThrow(() -> ProblemException.notFound("Instrument version", version));
    }
}
