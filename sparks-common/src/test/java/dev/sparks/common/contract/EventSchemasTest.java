package dev.sparks.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparks.common.events.AssessmentCompletedV1;
import dev.sparks.common.events.AssessmentStartedV1;
import dev.sparks.common.events.EventJson;
import dev.sparks.common.events.InvitationExpiredV1;
import dev.sparks.common.events.InvitationRespondedV1;
import dev.sparks.common.events.InvitationSentV1;
import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.common.events.MatchStatusChangedV1;
import dev.sparks.common.events.MentorProfileChangedV1;
import dev.sparks.common.events.ParticipantErasedV1;
import dev.sparks.common.events.ParticipantRegisteredV1;
import dev.sparks.common.model.Availability;
import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.GrowthArea;
import dev.sparks.common.model.MatchStatus;
import dev.sparks.common.model.Trait;
import dev.sparks.common.testing.EventSchemas;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every event type has a JSON Schema, and a payload serialised the way the outbox serialises it (EventJson) is
 * valid against it; a payload that breaks the contract is refused. The producers' own tests check the real events.
 */
class EventSchemasTest {

    private static final EventJson JSON = new EventJson(new ObjectMapper().findAndRegisterModules());
    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30.123456Z");

    static Map<String, Object> samples() {
        UUID match = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        UUID mentor = UUID.randomUUID();
        UUID invitation = UUID.randomUUID();
        Map<Trait, Integer> scores = Arrays.stream(Trait.values()).collect(Collectors.toMap(Function.identity(),
                t -> t.ordinal() * 5));
        Map<Trait, Integer> strengths = Arrays.stream(Trait.values()).collect(Collectors.toMap(Function.identity(),
                t -> 1 + t.ordinal() % 5));
        return Map.of(
                AssessmentCompletedV1.TYPE, new AssessmentCompletedV1(UUID.randomUUID(), participant, null,
                        "Ada Lovelace", "ada@sparks.test", "2026.1", scores, "ADAPTIVE",
                        List.of(new GrowthArea(1, Trait.SPEAK_UP, 20, "Lowest score")),
                        List.of(Goal.NETWORKING, Goal.CAREER_ADVICE),
                        new AssessmentCompletedV1.Preferences(Field.TECHNOLOGY, List.of("en", "de"),
                                "Europe/Berlin", null), NOW),
                MentorProfileChangedV1.TYPE, new MentorProfileChangedV1(mentor, "HR-10042", "Maya Lindqvist",
                        "maya@sparks.test", Field.TECHNOLOGY, null, List.of("en", "sv"), "Europe/Stockholm", null,
                        strengths, List.of(Goal.CAREER_ADVICE), 3, Availability.PAUSED, LocalDate.of(2030, 9, 1),
                        false, List.of("hr-20017"), 0, NOW),
                MatchProposedV1.TYPE, new MatchProposedV1(match, participant, "Ada Lovelace", "ada@sparks.test",
                        mentor, "Maya Lindqvist", "maya@sparks.test", "Leads platform teams", 81.5,
                        new MatchProposedV1.Explanation(List.of(new MatchProposedV1.ScorePart("growth fit", 42.5, 60)),
                                List.of("Strong in speaking up, your top growth area.")), 1, NOW, NOW, NOW),
                MatchStatusChangedV1.TYPE, new MatchStatusChangedV1(match, participant, "Ada Lovelace",
                        "ada@sparks.test", mentor, "Maya Lindqvist", "maya@sparks.test", MatchStatus.INVITED,
                        MatchStatus.ACCEPTED, null, NOW),
                InvitationSentV1.TYPE, new InvitationSentV1(invitation, match, participant,
                        "<" + UUID.randomUUID() + "@sparks.notification>", NOW, NOW),
                InvitationRespondedV1.TYPE, new InvitationRespondedV1(invitation, match, participant,
                        InvitationRespondedV1.Answer.DECLINED, "No time this quarter", NOW),
                InvitationExpiredV1.TYPE, new InvitationExpiredV1(invitation, match, participant, NOW),
                ParticipantErasedV1.TYPE, new ParticipantErasedV1(participant,
                        List.of(ParticipantErasedV1.digest(participant, "ada@sparks.test")), NOW),
                ParticipantRegisteredV1.TYPE, new ParticipantRegisteredV1(participant, "Finance", NOW),
                AssessmentStartedV1.TYPE, new AssessmentStartedV1(UUID.randomUUID(), participant, null, "2026.1",
                        NOW));
    }

    @Test
    void everyEventTypeHasASchemaThatItsSerialisedRecordSatisfies() throws Exception {
        Map<String, Object> samples = samples();
        assertThat(samples.keySet()).containsExactlyInAnyOrderElementsOf(AsyncApiDocumentTest.eventTypes());
        for (Map.Entry<String, Object> sample : samples.entrySet()) {
            byte[] payload = JSON.write(sample.getValue()).getBytes(StandardCharsets.UTF_8);
            assertThat(EventSchemas.violations(sample.getKey(), payload)).as(sample.getKey()).isEmpty();
        }
    }

    @Test
    void aPayloadThatBreaksTheContractIsRefused() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode proposed = (ObjectNode) mapper.readTree(JSON.write(samples().get(MatchProposedV1.TYPE)));
        proposed.remove("mentorId");
        assertThatThrownBy(() -> EventSchemas.assertValid(MatchProposedV1.TYPE, mapper.writeValueAsBytes(proposed)))
                .hasMessageContaining("mentorId");

        ObjectNode changed = (ObjectNode) mapper.readTree(JSON.write(samples().get(MatchStatusChangedV1.TYPE)));
        changed.put("status", "WITHDRAWN");
        changed.put("changedAt", "yesterday");
        assertThat(EventSchemas.violations(MatchStatusChangedV1.TYPE, mapper.writeValueAsBytes(changed)))
                .anyMatch(v -> v.contains("status")).anyMatch(v -> v.contains("changedAt"));

        ObjectNode extended = (ObjectNode) mapper.readTree(JSON.write(samples().get(InvitationExpiredV1.TYPE)));
        extended.put("addedInALaterRelease", true);
        EventSchemas.assertValid(InvitationExpiredV1.TYPE, mapper.writeValueAsBytes(extended));
    }
}
