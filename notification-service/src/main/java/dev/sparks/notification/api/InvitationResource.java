package dev.sparks.notification.api;

import dev.sparks.common.events.InvitationRespondedV1.Answer;
import dev.sparks.common.problem.ProblemException;
import dev.sparks.common.problem.ProblemType;
import dev.sparks.notification.domain.Invitation;
import dev.sparks.notification.domain.InvitationService;
import dev.sparks.notification.domain.InvitationService.AnswerOutcome;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The invitation behind an emailed link. No login: the token in the path is the credential. Browsers get HTML
 * pages and plain forms (a form post is answered with 303 to the page showing the outcome); API clients get JSON
 * and problem+json. A GET never changes anything, because mail scanners follow links.
 */
@Path("/invitations/{token}")
@PermitAll
@Tag(name = "Invitations", description = "Answering an invitation from its emailed link (public: the token is the credential)")
public class InvitationResource {

    private static final String TOKEN = "The token from the emailed link";
    // One operation in the document: the HTML page and the JSON view share path and method.
    private static final String GET_SUMMARY = "The invitation behind an emailed link, as a page or as JSON";
    private static final String GET_DESCRIPTION = "Browsers (text/html) get an accessible page: the mentor, why "
            + "they were matched, what happens next, and Accept and Decline as plain forms; once answered it shows "
            + "the outcome. API clients (application/json) get the invitation without email addresses. No login: "
            + "the link is the credential. A GET never changes anything.";

    private final InvitationService invitations;
    private final InvitationPages pages;

    public InvitationResource(InvitationService invitations, InvitationPages pages) {
        this.invitations = invitations;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "showInvitationPage", summary = GET_SUMMARY, description = GET_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "404", description = "Unknown or tampered link (reveals nothing)")
    @APIResponse(responseCode = "410", description = "The invitation expired; the page says so")
    public Response page(
            @PathParam("token") @Parameter(description = TOKEN) String token,
            @QueryParam("answer") @Parameter(description = "accept or decline: which button the mailed link was for")
            String answer) {
        return invitations.findByToken(token)
                .map(invitation -> pages.invitation(invitation, token, suggestion(answer), Instant.now()))
                .orElseGet(pages::notFound);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getInvitation", summary = GET_SUMMARY, description = GET_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The invitation",
            content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown or tampered link")
    public InvitationView get(
            @PathParam("token") @Parameter(description = TOKEN) String token) {
        return invitations.findByToken(token).map(InvitationView::of).orElseThrow(InvitationResource::unknown);
    }

    @POST
    @Path("/acceptance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "acceptInvitationForm", summary = "Accept, from the invitation page's form",
            description = "Records the acceptance (once) and emits invitation.responded.v1; answers 303 to the page.")
    @APIResponse(responseCode = "303", description = "Answer recorded, or already answered: see the page")
    @APIResponse(responseCode = "404", description = "Unknown or tampered link")
    public Response acceptForm(
            @PathParam("token") @Parameter(description = TOKEN) String token, @Context UriInfo uri) {
        return afterForm(invitations.answer(token, Answer.ACCEPTED, null), token, uri);
    }

    @POST
    @Path("/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acceptInvitation", summary = "Accept the invitation",
            description = "Records the acceptance and emits invitation.responded.v1. Accepting again answers the "
                    + "same and emits nothing.")
    @APIResponse(responseCode = "200", description = "Accepted (now or before)",
            content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown or tampered link")
    @APIResponse(responseCode = "409", description = "Already declined or withdrawn")
    @APIResponse(responseCode = "410", description = "The invitation expired")
    public InvitationView accept(
            @PathParam("token") @Parameter(description = TOKEN) String token, @Valid AnswerRequest request) {
        return afterJson(invitations.answer(token, Answer.ACCEPTED, null));
    }

    @POST
    @Path("/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "declineInvitationForm", summary = "Decline, from the invitation page's form",
            description = "Records the decline with its optional reason (once) and emits invitation.responded.v1; "
                    + "answers 303 to the page.")
    @APIResponse(responseCode = "303", description = "Answer recorded, or already answered: see the page")
    @APIResponse(responseCode = "404", description = "Unknown or tampered link")
    public Response declineForm(
            @PathParam("token") @Parameter(description = TOKEN) String token,
            @FormParam("reason") @Size(max = 1000, message = "must be at most 1000 characters") String reason,
            @Context UriInfo uri) {
        return afterForm(invitations.answer(token, Answer.DECLINED, reason), token, uri);
    }

    @POST
    @Path("/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "declineInvitation", summary = "Decline the invitation, with an optional reason",
            description = "Records the decline and emits invitation.responded.v1. Declining again answers the same "
                    + "and emits nothing.")
    @APIResponse(responseCode = "200", description = "Declined (now or before)",
            content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "400", description = "The reason is too long")
    @APIResponse(responseCode = "404", description = "Unknown or tampered link")
    @APIResponse(responseCode = "409", description = "Already accepted or withdrawn")
    @APIResponse(responseCode = "410", description = "The invitation expired")
    public InvitationView decline(
            @PathParam("token") @Parameter(description = TOKEN) String token, @Valid AnswerRequest request) {
        return afterJson(invitations.answer(token, Answer.DECLINED, request == null ? null : request.reason()));
    }

    private Response afterForm(AnswerOutcome outcome, String token, UriInfo uri) {
        if (outcome.result() == InvitationService.AnswerResult.UNKNOWN) {
            return pages.notFound();
        }
        return Response.seeOther(uri.getBaseUriBuilder().path("invitations").path(token).build()).build();
    }

    private static InvitationView afterJson(AnswerOutcome outcome) {
        Invitation invitation = outcome.invitation();
        return switch (outcome.result()) {
            case RECORDED, ALREADY_GIVEN -> InvitationView.of(invitation);
            case ALREADY_CLOSED -> throw ProblemException.conflict(
                    "This invitation was already answered: " + invitation.status);
            case EXPIRED -> throw new ProblemException(ProblemType.GONE,
                    "This invitation expired at " + invitation.expiresAt + " and can no longer be answered");
            case UNKNOWN -> throw unknown();
        };
    }

    private static ProblemException unknown() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no invitation at this link");
    }

    private static String suggestion(String answer) {
        return "accept".equals(answer) || "decline".equals(answer) ? answer : null;
    }
}
