package dev.sparks.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Issues the tokens that go into mailed links. */
@ApplicationScoped
public class InvitationLinks {

    private final InvitationLinkRepository links;

    public InvitationLinks(InvitationLinkRepository links) {
        this.links = links;
    }

    /**
     * A new token for a link about to be mailed; only its hash is stored. Committed in its own transaction before
     * the mail is handed to the SMTP server, so every link that ever reaches an inbox works, even in the one case
     * where the sending transaction itself is lost after the server accepted the mail.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String issue(UUID invitationId, UUID notificationId) {
        String token = InvitationToken.generate();
        InvitationLink link = new InvitationLink();
        link.tokenHash = InvitationToken.hash(token);
        link.invitationId = invitationId;
        link.notificationId = notificationId;
        link.issuedAt = Instant.now();
        links.persist(link);
        return token;
    }
}
