package dev.sparks.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The digests let a consumer recognise an erased participant's identifiers without the event naming them. */
class ParticipantErasedV1Test {

    private static final UUID ADA = UUID.fromString("0b6f7a3e-2f52-4c43-9a8e-6c1d2f0e9a11");

    @Test
    void aDigestIsSaltedWithTheParticipantIdAndIgnoresCaseAndSurroundingSpace() {
        String digest = ParticipantErasedV1.digest(ADA, "Ada@Sparks.test");
        assertThat(digest).matches("[0-9a-f]{64}").doesNotContain("ada");
        assertThat(ParticipantErasedV1.digest(ADA, "  ada@sparks.test ")).isEqualTo(digest);
        assertThat(ParticipantErasedV1.digest(UUID.randomUUID(), "ada@sparks.test")).isNotEqualTo(digest);
    }

    @Test
    void identifiesOnlyTheIdentifiersItWasGiven() {
        ParticipantErasedV1 erased = new ParticipantErasedV1(ADA, List.of(ParticipantErasedV1.digest(ADA,
                "ada@sparks.test"), ParticipantErasedV1.digest(ADA, "HR-1815")), Instant.now());
        assertThat(erased.identifies("ADA@sparks.test")).isTrue();
        assertThat(erased.identifies("hr-1815")).isTrue();
        assertThat(erased.identifies("ben@sparks.test")).isFalse();
        assertThat(erased.identifies(null)).isFalse();
        assertThat(erased.identifies(" ")).isFalse();
        assertThat(new ParticipantErasedV1(ADA, null, Instant.now()).identifierDigests()).isEmpty();
    }
}
