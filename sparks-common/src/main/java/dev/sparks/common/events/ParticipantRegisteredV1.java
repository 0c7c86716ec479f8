package dev.sparks.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code participant.registered.v1} on {@link Topics#PARTICIPANTS}, keyed by participant id: a participant became
 * known (HR pre-registered them, or they logged in before HR sent them), or HR changed their department. Carries no
 * name or email: consumers that report on the program need where someone belongs, not who they are.
 *
 * @param department as HR last sent it; null when HR never named one
 * @param registeredAt when the participant first became known; the same in every event about them
 */
public record ParticipantRegisteredV1(UUID participantId, String department, Instant registeredAt) {

    public static final String TYPE = "participant.registered.v1";
}
