package dev.sparks.notification.api;

import dev.sparks.notification.domain.Invitation;
import dev.sparks.notification.domain.InvitationService;
import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The small HTML pages behind the links: plain forms, no script, escaped user text (Qute escapes .html templates),
 * and headers that keep the token out of caches, referrers and search engines.
 */
@ApplicationScoped
public class InvitationPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Engine engine;
    private final InvitationService invitations;

    public InvitationPages(Engine engine, InvitationService invitations) {
        this.engine = engine;
        this.invitations = invitations;
    }

    /**
     * @param token the link's token, for the forms' actions
     * @param suggested "accept" or "decline" from the mailed link: that button gets the focus
     */
    public Response invitation(Invitation invitation, String token, String suggested, Instant now) {
        Map<String, Object> data = new HashMap<>();
        String state = invitation.overdueAt(now) ? "expired" : invitation.status.name().toLowerCase(Locale.ROOT);
        data.put("state", state);
        data.put("token", token);
        data.put("suggested", suggested == null ? "" : suggested);
        data.put("participantName", invitation.participantName);
        data.put("mentorName", invitation.mentorName);
        data.put("mentorBio", invitation.mentorBio == null ? "" : invitation.mentorBio);
        data.put("reasons", invitations.reasonsOf(invitation));
        data.put("expiresOn", DAY.format(invitation.expiresAt));
        data.put("declineReason", invitation.declineReason == null ? "" : invitation.declineReason);
        int status = "expired".equals(state) ? Response.Status.GONE.getStatusCode() : Response.Status.OK.getStatusCode();
        return page(status, engine.getTemplate("pages/invitation.html").data(data).render());
    }

    /** The same page for unknown, tampered and malformed tokens: it reveals nothing. */
    public Response notFound() {
        return page(Response.Status.NOT_FOUND.getStatusCode(),
                engine.getTemplate("pages/not-found.html").data("nothing", "").render());
    }

    private static Response page(int status, String html) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                // same-origin, not no-referrer: the token never leaves for another site either way, but under
                // no-referrer browsers send "Origin: null" with the page's form posts, which CORS refuses.
                .header("Referrer-Policy", "same-origin")
                .header("X-Robots-Tag", "noindex, nofollow")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none';"
                                + " base-uri 'none'")
                .entity(html)
                .build();
    }
}
