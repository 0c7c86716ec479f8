package dev.sparks.matching.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A participant without a match: why, and since when. */
@Entity
@Table(name = "waiting_list")
public class WaitingEntry {

    public enum Status {
        /** No mentor fits yet; matched automatically, oldest first, when one does. */
        WAITING,
        /** Declined too many proposals; a program-admin matches by hand. */
        MANUAL
    }

    @Id
    @Column(name = "participant_id")
    public UUID participantId;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String reason;

    public Instant since;

    @Column(name = "last_tried_at")
    public Instant lastTriedAt;
}
