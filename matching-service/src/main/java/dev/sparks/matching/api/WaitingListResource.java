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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Participants without a match, oldest first: WAITING (retried automatically) and MANUAL (for an admin). */
@Path("/waiting-list")
@Tag(name = "Waiting list")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Not a program-admin")
public class WaitingListResource {

    public record WaitingView(UUID participantId, String name, String email, WaitingEntry.Status status,
            String reason, Instant since, Instant lastTriedAt) {
    }

    private final MatchQueries queries;

    public WaitingListResource(MatchQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(operationId = "listWaitingList", summary = "The waiting list, oldest first")
    public Page<WaitingView> list(@QueryParam("status") WaitingEntry.Status status,
            @BeanParam @Valid PageRequest paging) {
        return queries.waitingList(status, paging).map(row -> new WaitingView(row.entry().participantId,
                row.participant() == null ? null : row.participant().name,
                row.participant() == null ? null : row.participant().email,
                row.entry().status, row.entry().reason, row.entry().since, row.entry().lastTriedAt));
    }
}
