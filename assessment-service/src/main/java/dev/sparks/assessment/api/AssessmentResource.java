package dev.sparks.assessment.api;

import dev.sparks.assessment.domain.Assessment;
import dev.sparks.assessment.domain.AssessmentService;
import dev.sparks.assessment.domain.AssessmentStatus;
import dev.sparks.assessment.domain.InstrumentCatalog;
import dev.sparks.common.api.Page;
import dev.sparks.common.api.PageRequest;
import dev.sparks.common.problem.ProblemException;
import dev.sparks.common.security.Caller;
import dev.sparks.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A participant's assessments: start, save answers, complete, and read them back with the result. */
@Path("/assessments")
@Tag(name = "Assessments", description = "Taking the self-assessment and reading its result")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The caller's role does not allow this")
public class AssessmentResource {

    private final AssessmentService service;
    private final Caller caller;
    private final InstrumentCatalog catalog = InstrumentCatalog.bundled();

    public AssessmentResource(AssessmentService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PARTICIPANT)
    @Operation(operationId = "startAssessment", summary = "Start an assessment",
            description = "Role participant. Starts one on the current instrument version for the caller, who "
                    + "becomes (or is linked to) a participant by token subject or email. At most one assessment is "
                    + "in progress per participant.")
    @APIResponse(responseCode = "201", description = "Started",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "409", description = "One is already in progress; the detail names it")
    public Response start(@jakarta.ws.rs.core.Context UriInfo uri) {
        Assessment assessment = service.start(caller);
        return Response.created(uri.getAbsolutePathBuilder().path(assessment.id().toString()).build())
                .entity(view(assessment)).build();
    }

    @GET
    @RolesAllowed({Roles.PARTICIPANT, Roles.PROGRAM_ADMIN})
    @Operation(operationId = "listAssessments", summary = "List assessments, newest first",
            description = "Role program-admin: everyone's, filtered by participant id and status. Role participant: "
                    + "only their own; naming another participant is refused with 403.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Bad filter or paging")
    public Page<AssessmentView> list(
            @QueryParam("participant") @Parameter(description = "Participant id") String participant,
            @QueryParam("status") @Parameter(description = "IN_PROGRESS or COMPLETED") String status,
            @BeanParam @Valid PageRequest paging) {
        AssessmentService.Listing listing = service.list(caller, participantId(participant), status(status),
                paging.page, paging.size);
        return new Page<>(listing.items().stream().map(this::view).toList(), paging.page, paging.size,
                listing.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTICIPANT, Roles.PROGRAM_ADMIN})
    @Operation(operationId = "getAssessment", summary = "One assessment with its saved answers",
            description = "Its owner (participant) or a program-admin. Someone else's answers 404.")
    @APIResponse(responseCode = "200", description = "The assessment")
    @APIResponse(responseCode = "404", description = "No such assessment, or not the caller's")
    public AssessmentView get(@PathParam("id") UUID id) {
        return view(service.get(caller, id));
    }

    @PUT
    @Path("/{id}/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PARTICIPANT)
    @Operation(operationId = "saveResponses", summary = "Save some or all responses",
            description = "Its owner (participant). Repeatable: answers merge into the saved ones, goals and "
                    + "preferences replace them. Everything is checked against the assessment's instrument version "
                    + "before anything is stored.")
    @APIResponse(responseCode = "200", description = "Saved; the assessment as it now is")
    @APIResponse(responseCode = "400", description = "Malformed JSON, unknown field, unknown item, value off the "
            + "scale, invalid choice or a different instrument version; errors name each field")
    @APIResponse(responseCode = "404", description = "No such assessment, or not the caller's")
    @APIResponse(responseCode = "409", description = "Already completed, or changed concurrently")
    public AssessmentView save(@PathParam("id") UUID id,
            @NotNull(message = "a body is required") @Valid SaveResponsesRequest request) {
        return view(service.save(caller, id, request.version(), request.answers(), request.goals(),
                request.preferencesOrNull()));
    }

    @POST
    @Path("/{id}/completion")
    @RolesAllowed(Roles.PARTICIPANT)
    @Operation(operationId = "completeAssessment", summary = "Complete and score the assessment",
            description = "Its owner (participant). Scores it, stores the result and emits assessment.completed.v1. "
                    + "Idempotent: completing again returns the same result and emits nothing.")
    @APIResponse(responseCode = "200", description = "The result",
            content = @Content(schema = @Schema(implementation = ResultView.class)))
    @APIResponse(responseCode = "404", description = "No such assessment, or not the caller's")
    @APIResponse(responseCode = "422", description = "Incomplete: errors list each unanswered item and missing "
            + "choice")
    public ResultView complete(@PathParam("id") UUID id) {
        return ResultView.of(service.complete(caller, id));
    }

    @GET
    @Path("/{id}/result")
    @RolesAllowed({Roles.PARTICIPANT, Roles.PROGRAM_ADMIN})
    @Operation(operationId = "getAssessmentResult", summary = "The result of a completed assessment",
            description = "Its owner (participant) or a program-admin: scores per dimension and behaviour, blends, "
                    + "archetype, risks and growth areas with reasons.")
    @APIResponse(responseCode = "200", description = "The result")
    @APIResponse(responseCode = "404", description = "No such assessment, or not the caller's")
    @APIResponse(responseCode = "409", description = "Not completed yet")
    public ResultView result(@PathParam("id") UUID id) {
        return ResultView.of(service.result(caller, id));
    }

    private AssessmentView view(Assessment assessment) {
        int items = catalog.version(assessment.instrumentVersion()).map(i -> i.items().size()).orElse(0);
        return AssessmentView.of(assessment, items);
    }

    private static UUID participantId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("participant", "is not a participant id (UUID)");
        }
    }

    private static AssessmentStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AssessmentStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be IN_PROGRESS or COMPLETED");
        }
    }
}
