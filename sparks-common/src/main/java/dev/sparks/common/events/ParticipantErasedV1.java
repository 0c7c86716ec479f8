package dev.sparks.common.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code participant.erased.v1} on {@link Topics#PARTICIPANTS}, keyed by participant id: a program-admin erased the
 * participant's personal data; every service deletes or anonymises what it holds about them and ignores later
 * events that would bring it back. Carries no name, email or external id.
 *
 * <p>Other services refer to a participant by email or external id where they never learnt the participant id
 * (a mentor's exclusions). To let them find those entries without the event naming the person, it carries
 * {@link #digest salted digests} of the identifiers the participant had: a consumer computes the digest of each
 * candidate entry and removes the ones that match. A digest only confirms a guess made with the participant id.
 *
 * @param identifierDigests {@link #digest} of each identifier the participant had (email, external id)
 */
public record ParticipantErasedV1(UUID participantId, List<String> identifierDigests, Instant erasedAt) {

    public static final String TYPE = "participant.erased.v1";

    public ParticipantErasedV1 {
        identifierDigests = identifierDigests == null ? List.of() : List.copyOf(identifierDigests);
    }

    /**
     * Lower-case hex SHA-256 of {@code "<participantId>:<identifier>"}, the identifier stripped and in lower case
     * (as emails and exclusions are stored), so producer and consumers agree however it was spelt.
     */
    public static String digest(UUID participantId, String identifier) {
        Objects.requireNonNull(participantId, "participantId");
        String normalised = identifier.strip().toLowerCase(Locale.ROOT);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((participantId + ":" + normalised).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether an identifier (an email or external id held elsewhere) was one of this participant's. */
    public boolean identifies(String identifier) {
        return identifier != null && !identifier.isBlank()
                && identifierDigests.contains(digest(participantId, identifier));
    }
}
