package dev.sparks.notification.api;

import dev.sparks.common.api.Page;
import dev.sparks.common.api.PageRequest;
import dev.sparks.common.security.Roles;
import dev.sparks.notification.domain.NotificationKind;
import dev.sparks.notification.domain.NotificationRepository;
import dev.sparks.notification.domain.NotificationService;
import dev.sparks.notification.domain.NotificationStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The mail log for program admins: what was sent to whom, what is retrying, what failed; and resending. */
@Path("/notifications")
@RolesAllowed(Roles.PROGRAM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "The mail log (program-admin)")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Not a program-admin")
public class NotificationAdminResource {

    private final NotificationService notifications;

    public NotificationAdminResource(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GET
    @Operation(operationId = "listNotifications", summary = "List emails, newest first",
            description = "Filter by recipient, match, kind and status; paged.")
    @APIResponse(responseCode = "200", description = "One page of notifications")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<NotificationView> list(
            @QueryParam("recipient") @Parameter(description = "Recipient email address") String recipient,
            @QueryParam("matchId") @Parameter(description = "Match id") UUID matchId,
            @QueryParam("kind") @Parameter(description = "Only emails of this kind") NotificationKind kind,
            @QueryParam("status") @Parameter(description = "Only emails in this delivery status")
            NotificationStatus status,
            @BeanParam @Valid PageRequest paging) {
        return notifications.search(new NotificationRepository.Filter(recipient, matchId, kind, status), paging)
                .map(NotificationView::of);
    }

    @POST
    @Path("/{id}/resend")
    @Operation(operationId = "resendNotification", summary = "Resend a FAILED email",
            description = "Queues it again for a fresh series of attempts, with the same Message-ID.")
    @APIResponse(responseCode = "202", description = "Queued again",
            content = @Content(schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(responseCode = "404", description = "No such notification")
    @APIResponse(responseCode = "409", description = "Not FAILED (pending, sent or cancelled)")
    public Response resend(@PathParam("id") @Parameter(description = "The notification id") UUID id) {
        return Response.accepted(NotificationView.of(notifications.resend(id))).build();
    }
}
