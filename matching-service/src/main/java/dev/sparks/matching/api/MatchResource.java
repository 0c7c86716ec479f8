package dev.sparks.matching.api;

import dev.sparks.common.api.Page;
import dev.sparks.common.api.PageRequest;
import dev.sparks.common.model.MatchStatus;
import dev.sparks.common.security.Roles;
import dev.sparks.matching.domain.MatchLifecycle;
import dev.sparks.matching.domain.MatchQueries;
import dev.sparks.matching.domain.Matchmaker;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Matches: listings, one match with its explanation, the participant's answer, ending, and manual matches. */
@Path("/matches")
@Tag(name = "Matches")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The caller's role does not allow this")
public class MatchResource {

    private final MatchQueries queries;
    private final MatchLifecycle lifecycle;
    private final Matchmaker matchmaker;
    private final CurrentActor actor;

    public MatchResource(MatchQueries queries, MatchLifecycle lifecycle, Matchmaker matchmaker, CurrentActor actor) {
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.matchmaker = matchmaker;
        this.actor = actor;
    }

    @GET
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.HR_INTEGRATION, Roles.PARTICIPANT, Roles.MENTOR})
    @Operation(operationId = "listMatches", summary = "List matches, newest first",
            description = "Program-admins and HR systems see all and filter by participant, mentor and status; "
                    + "participants and mentors see their own matches only.")
    @APIResponse(responseCode = "200", description = "One page of matches, newest first")
    public Page<MatchView> list(
            @QueryParam("participantId") @Parameter(description = "Program-admins and HR: this participant's matches")
            UUID participantId,
            @QueryParam("mentorId") @Parameter(description = "Program-admins and HR: this mentor's matches")
            UUID mentorId,
            @QueryParam("status") @Parameter(description = "Only matches in this status") MatchStatus status,
            @BeanParam @Valid PageRequest paging) {
        return queries.list(participantId, mentorId, status, actor.get(), paging).map(MatchView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.HR_INTEGRATION, Roles.PARTICIPANT, Roles.MENTOR})
    @Operation(operationId = "getMatch", summary = "One match with its score breakdown and reasons",
            description = "Program-admins and HR systems read any match; participants and mentors read their own. "
                    + "Someone else's match is 404, so ids reveal nothing.")
    @APIResponse(responseCode = "200", description = "The match with its explanation")
    @APIResponse(responseCode = "404", description = "No such match, or not the caller's")
    public MatchView get(@PathParam("id") @Parameter(description = "The match id") UUID id) {
        return MatchView.of(queries.get(id, actor.get()));
    }

    @POST
    @Path("/{id}/acceptance")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.PARTICIPANT})
    @Operation(operationId = "acceptMatch", summary = "The participant accepts the proposed mentor",
            description = "PROPOSED or INVITED becomes ACCEPTED and match.status-changed.v1 is emitted. Only the "
                    + "match's participant or a program-admin may accept.")
    @APIResponse(responseCode = "200", description = "The accepted match")
    @APIResponse(responseCode = "404", description = "No such match, or not the caller's")
    @APIResponse(responseCode = "409", description = "The match is not open any more")
    public MatchView accept(@PathParam("id") @Parameter(description = "The match id") UUID id) {
        return MatchView.of(queries.details(lifecycle.accept(id, actor.get())));
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.PARTICIPANT})
    @Operation(operationId = "declineMatch", summary = "The participant declines, with a reason",
            description = "Frees the mentor's capacity and proposes the next-best mentor at once; after three "
                    + "declines the participant goes to the manual queue.")
    @APIResponse(responseCode = "200", description = "The declined match")
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "404", description = "No such match, or not the caller's")
    @APIResponse(responseCode = "409", description = "The match is not open any more")
    public MatchView decline(@PathParam("id") @Parameter(description = "The match id") UUID id, @NotNull @Valid MatchRequests.Decline body) {
        return MatchView.of(queries.details(lifecycle.decline(id, body.reason(), actor.get())));
    }

    @POST
    @Path("/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.PARTICIPANT, Roles.MENTOR})
    @Operation(operationId = "endMatch", summary = "Either side or a program-admin ends the match",
            description = "Any capacity-holding status becomes ENDED, frees the mentor's capacity and emits "
                    + "match.status-changed.v1; the reason is optional.")
    @APIResponse(responseCode = "200", description = "The ended match")
    @APIResponse(responseCode = "404", description = "No such match, or not the caller's")
    @APIResponse(responseCode = "409", description = "The match has already ended, was declined or expired")
    public MatchView end(@PathParam("id") @Parameter(description = "The match id") UUID id, @Valid MatchRequests.End body) {
        return MatchView.of(queries.details(lifecycle.end(id, body == null ? null : body.reason(), actor.get())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(operationId = "createManualMatch", summary = "Match a participant with a mentor by hand",
            description = "The hard rules apply unless override.reason is given, which the match records. "
                    + "Capacity is never overridden.")
    @APIResponse(responseCode = "201", description = "Proposed; Location names the new match",
            content = @Content(schema = @Schema(implementation = MatchView.class)))
    @APIResponse(responseCode = "404", description = "No such participant or mentor")
    @APIResponse(responseCode = "409", description = "The participant already holds a match or was erased, or the mentor is full")
    @APIResponse(responseCode = "422", description = "A hard rule is broken and no override was given")
    public Response create(@NotNull @Valid MatchRequests.Manual body, @Context UriInfo uri) {
        var match = matchmaker.matchByHand(body.participantId(), body.mentorId(),
                body.override() == null ? null : body.override().reason(), actor.get());
        return Response.created(uri.getAbsolutePathBuilder().path(match.id.toString()).build())
                .entity(MatchView.of(queries.details(match))).build();
    }
}
