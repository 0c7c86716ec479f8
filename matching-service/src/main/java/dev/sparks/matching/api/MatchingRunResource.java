package dev.sparks.matching.api;

import dev.sparks.common.api.Page;
import dev.sparks.common.api.PageRequest;
import dev.sparks.common.security.Roles;
import dev.sparks.matching.runs.MatchingRun;
import dev.sparks.matching.runs.MatchingRuns;
import dev.sparks.matching.runs.RunObjective;
import dev.sparks.matching.runs.RunReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Cohort matching runs: assign everyone in the cohort pool at once, maximising the total score under every
 * mentor's capacity and the hard rules. A run is a job: 202 at once, then read it until it is done.
 */
@Path("/matching-runs")
@Tag(name = "Matching runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PROGRAM_ADMIN)
public class MatchingRunResource {

    /**
     * @param objective best-score or most-participation
     * @param threshold best-score only: the lowest score a match may have, 0-100 (never below the policy's minimum)
     * @param dryRun report what the run would do, create nothing
     */
    @Schema(name = "StartMatchingRun")
    public record StartRun(
            @NotNull @Pattern(regexp = "best-score|most-participation", message = "must be best-score or most-participation")
            @Schema(enumeration = {"best-score", "most-participation"}, examples = "best-score") String objective,
            @Min(value = 0, message = "must be between 0 and 100") @Max(value = 100, message = "must be between 0 and 100")
            @Schema(examples = "55") Integer threshold,
            @Schema(examples = "false") boolean dryRun) {
    }

    @Schema(name = "MatchingRunProgress")
    public record Progress(@Schema(examples = "400") int done, @Schema(examples = "850") int total) {
    }

    @Schema(name = "MatchingRun")
    public record RunView(@Schema(examples = "a4f2c8d1-6b3e-4d9a-8c7f-0e5b1a2d3c48") UUID id,
            @Schema(examples = "SUCCEEDED") MatchingRun.State state,
            @Schema(description = "While RUNNING: LOADING, SOLVING or COMMITTING", examples = "SOLVING")
            MatchingRun.Phase phase,
            @Schema(examples = "best-score") String objective,
            @Schema(examples = "55") Integer threshold,
            @Schema(examples = "false") boolean dryRun,
            @Schema(examples = "priya") String requestedBy, Instant requestedAt, Instant startedAt,
            Instant finishedAt, Progress progress,
            @Schema(description = "Counts, scores, solve time, the optimality bound and the greedy comparison; "
                    + "present once the run has solved") RunReport report,
            @Schema(description = "Why a FAILED run failed", examples = "The replica executing the run stopped "
                    + "reporting; matches committed before that stand, everyone else is still in the pool.")
            String error) {

        static RunView of(MatchingRun run) {
            return new RunView(run.id, run.state, run.phase, run.objective, run.threshold, run.dryRun, run.requestedBy,
                    run.requestedAt, run.startedAt, run.finishedAt, new Progress(run.progressDone, run.progressTotal),
                    run.report, run.error);
        }
    }

    private final MatchingRuns runs;
    private final CurrentActor actor;

    public MatchingRunResource(MatchingRuns runs, CurrentActor actor) {
        this.runs = runs;
        this.actor = actor;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startMatchingRun", summary = "Start a cohort matching run (or preview one)",
            description = "Only a program-admin. Assigns everyone in the cohort pool at once with the chosen objective, "
                    + "then creates the matches through the normal lifecycle (match.proposed.v1, invitations). With "
                    + "dryRun nothing is created: the report shows what the run would do. Runs never overlap.")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the run to poll",
            headers = @Header(name = "Location", description = "The run's URL",
                    schema = @Schema(type = SchemaType.STRING, format = "uri",
                            examples = "http://127.0.0.1:8083/api/v1/matching-runs/"
                                    + "a4f2c8d1-6b3e-4d9a-8c7f-0e5b1a2d3c48")),
            content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "409", description = "Another run is pending or running")
    public Response start(@NotNull @Valid StartRun body, @Context UriInfo uri) {
        MatchingRun run = runs.start(RunObjective.of(body.objective()).orElseThrow(), body.threshold(), body.dryRun(),
                actor.get().name());
        return Response.accepted(RunView.of(run))
                .location(uri.getAbsolutePathBuilder().path(run.id.toString()).build()).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMatchingRun", summary = "A matching run, also while it runs",
            description = "Only a program-admin. State, phase and progress; once solved the report: counts, total, "
                    + "mean and lowest score, solve time, the proven bound and what greedy first-come matching "
                    + "would have given on the same input.")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(responseCode = "404", description = "No such run")
    public RunView get(@PathParam("id") @Parameter(description = "The run id") UUID id) {
        return RunView.of(runs.get(id));
    }

    @GET
    @Operation(operationId = "listMatchingRuns", summary = "Matching runs, newest first",
            description = "Only a program-admin. One page of runs with their reports.")
    @APIResponse(responseCode = "200", description = "One page of runs, newest first")
    public Page<RunView> list(@BeanParam @Valid PageRequest paging) {
        return runs.page(paging).map(RunView::of);
    }
}
