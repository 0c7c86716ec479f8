package dev.sparks.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One mailed link of an invitation, known only by the hash of its token. */
@Entity
@Table(name = "invitation_link")
public class InvitationLink {

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "invitation_id", nullable = false)
    public UUID invitationId;

    @Column(name = "notification_id", nullable = false)
    public UUID notificationId;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;
}
