package dev.sparks.assessment.api;

import dev.sparks.assessment.domain.ParticipantErasure;
import dev.sparks.assessment.domain.ParticipantService;
import dev.sparks.assessment.domain.RegistrationRow;
import dev.sparks.common.security.Caller;
import dev.sparks.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Participants: HR pre-registration, a participant's own progress across assessments, and erasure. */
@Path("/participants")
@Tag(name = "Participants", description = "HR pre-registration, progress across assessments, and erasure")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The caller's role does not allow this")
public class ParticipantResource {

    private final ParticipantService service;
    private final ParticipantErasure erasure;
    private final Caller caller;

    public ParticipantResource(ParticipantService service, ParticipantErasure erasure, Caller caller) {
        this.service = service;
        this.erasure = erasure;
        this.caller = caller;
    }

    @POST
    @Path("/imports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.PROGRAM_ADMIN})
    @Operation(operationId = "importParticipants", summary = "Pre-register participants in bulk",
            description = "Role hr-integration or program-admin. An idempotent upsert by external id of up to 5,000 "
                    + "rows: each row is reported CREATED, UPDATED, UNCHANGED or REJECTED (with errors). A later "
                    + "login with the same email links to the record.")
    @APIResponse(responseCode = "200", description = "What happened to each row")
    @APIResponse(responseCode = "400", description = "Malformed body, or more rows than allowed")
    @APIResponse(responseCode = "409", description = "A concurrent request changed the same participants")
    public ParticipantImportReport importParticipants(
            @NotNull(message = "a body is required") @Valid ParticipantImportRequest request) {
        List<RegistrationRow> rows = request.rows().stream()
                .map(row -> row == null ? RegistrationRow.normalised(null, null, null, null, null)
                        : RegistrationRow.normalised(row.externalId(), row.name(), row.email(), row.department(),
                                row.managerExternalId()))
                .toList();
        return ParticipantImportReport.of(service.register(rows));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(operationId = "eraseParticipant", summary = "Erase a participant's personal data everywhere",
            description = "Role program-admin. In one transaction: the participant's name, email, login, external id "
                    + "and manager are removed (an anonymous row with department stays for counts), their assessments "
                    + "are deleted with answers, notes and results, and participant.erased.v1 is published, on which "
                    + "matching ends their open match (releasing the mentor's capacity) and removes them from the "
                    + "waiting list, notification cancels their pending mail, and mentor profiles drop them from "
                    + "exclusions. Their login is refused afterwards (403) instead of re-creating them. Idempotent: "
                    + "erasing an erased participant answers 204 again and publishes nothing more.")
    @APIResponse(responseCode = "204", description = "Erased, now or before")
    @APIResponse(responseCode = "404", description = "No participant with this id")
    public void erase(@PathParam("id") @Parameter(description = "The participant id") UUID id) {
        erasure.erase(id);
    }

    @GET
    @Path("/me/progress")
    @RolesAllowed(Roles.PARTICIPANT)
    @Operation(operationId = "getMyProgress", summary = "How the caller's scores moved between assessments",
            description = "Role participant. Completed assessments oldest first, each with its scores, archetype and "
                    + "the change per trait from the previous one.")
    @APIResponse(responseCode = "200", description = "The progress; empty before the first completion")
    public ProgressView progress() {
        return ProgressView.of(service.progress(caller));
    }
}
