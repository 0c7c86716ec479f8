package dev.sparks.matching.api;

import dev.sparks.common.api.Page;
import dev.sparks.common.api.PageRequest;
import dev.sparks.common.security.Roles;
import dev.sparks.matching.domain.MatchQueries;
import dev.sparks.matching.domain.WaitingEntry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Participants without a match, oldest first: WAITING (retried automatically) and MANUAL (for an admin). */
@Path("/waiting-list")
@Tag(name = "Waiting list")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Not a program-admin")
public class WaitingListResource {

    public record WaitingView(@Schema(examples = "3f1c2a9e-8b7d-4c6e-9a51-0d2b7e4f6a10") UUID participantId,
            @Schema(examples = "Ada Lovelace") String name,
            @Schema(examples = "ada@sparks.test") String email,
            @Schema(examples = "WAITING") WaitingEntry.Status status,
            @Schema(examples = "None of the 4 mentors fits yet: 3 are at capacity, 1 is not taking new mentees.")
            String reason, Instant since, Instant lastTriedAt) {
    }

    private final MatchQueries queries;

    public WaitingListResource(MatchQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(operationId = "listWaitingList", summary = "The waiting list, oldest first",
            description = "Participants without a match with the reason in words: WAITING ones are retried "
                    + "automatically, MANUAL ones (three declines) wait for a program-admin's manual match.")
    @APIResponse(responseCode = "200", description = "One page of the waiting list, oldest first")
    public Page<WaitingView> list(
            @QueryParam("status") @Parameter(description = "WAITING or MANUAL; both when absent")
            WaitingEntry.Status status,
            @BeanParam @Valid PageRequest paging) {
        return queries.waitingList(status, paging).map(row -> new WaitingView(row.entry().participantId,
                row.participant() == null ? null : row.participant().name,
                row.participant() == null ? null : row.participant().email,
                row.entry().status, row.entry().reason, row.entry().since, row.entry().lastTriedAt));
    }
}
