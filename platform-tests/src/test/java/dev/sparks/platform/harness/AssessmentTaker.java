package dev.sparks.platform.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A participant taking the self-assessment through assessment-service's API as a front-end would: start, save the
 * answers with goals and preferences, complete. Answers are drawn from a seeded random profile (a tendency per
 * trait, items scattered around it), so participants differ in their growth areas, goals, field and time zone.
 */
public final class AssessmentTaker {

    /** Time zones within an hour of each other: every participant fits every mentor of the platform tests. */
    public static final List<String> TIME_ZONES = List.of("Europe/London", "Europe/Berlin", "Europe/Paris",
            "Europe/Amsterdam", "Europe/Madrid");
    private static final String DEFAULT_NOTES = "Hoping to grow as a lead.";

    private final String assessmentUrl;
    private final JsonNode instrument;

    private AssessmentTaker(String assessmentUrl, JsonNode instrument) {
        this.assessmentUrl = assessmentUrl;
        this.instrument = instrument;
    }

    /** Reads the current instrument (any authenticated caller may). */
    public static AssessmentTaker of(String assessmentUrl, String token) {
        return new AssessmentTaker(assessmentUrl, Api.of(assessmentUrl, token).get("/api/v1/instrument").expect(200));
    }

    /** The 18 traits the instrument measures, in its order; mentors' strengths use the same names. */
    public List<String> traits() {
        List<String> traits = new ArrayList<>();
        instrument.path("items").forEach(item -> {
            if (!traits.contains(item.path("trait").asText())) {
                traits.add(item.path("trait").asText());
            }
        });
        return traits;
    }

    /** What a completed assessment left: ids, and the result's growth areas (most needed first). */
    public record Completed(UUID assessmentId, UUID participantId, String email, List<String> growthAreas) {
    }

    /**
     * Takes and completes the assessment as {@code user}; {@code languages} most preferred first (ISO 639-1).
     */
    public Completed complete(Keycloak.TestUser user, long seed, List<String> languages) {
        return complete(user, seed, languages, DEFAULT_NOTES);
    }

    /** As {@link #complete(Keycloak.TestUser, long, List)}, with {@code notes} as the free text of the preferences. */
    public Completed complete(Keycloak.TestUser user, long seed, List<String> languages, String notes) {
        Answered answered = answer(user, seed, languages, notes);
        Api api = Api.of(assessmentUrl, user.token());
        JsonNode result = api.post("/api/v1/assessments/" + answered.assessmentId() + "/completion", null)
                .expect(200);
        List<String> growthAreas = new ArrayList<>();
        result.path("growthAreas").forEach(area -> growthAreas.add(area.path("trait").asText()));
        return new Completed(answered.assessmentId(), answered.participantId(), user.email(), growthAreas);
    }

    /** An assessment started and fully answered, not yet completed. */
    public record Answered(UUID assessmentId, UUID participantId, Keycloak.TestUser user) {
    }

    /**
     * Starts the assessment and saves every answer, goal and preference, without completing it: for tests that
     * send the completions themselves (the fault tests complete a burst of them while a component fails).
     */
    public Answered answer(Keycloak.TestUser user, long seed, List<String> languages) {
        return answer(user, seed, languages, DEFAULT_NOTES);
    }

    private Answered answer(Keycloak.TestUser user, long seed, List<String> languages, String notes) {
        Random random = new Random(seed);
        Api api = Api.of(assessmentUrl, user.token());
        JsonNode started = api.post("/api/v1/assessments", null).expect(201);
        String id = started.path("id").asText();
        api.put("/api/v1/assessments/" + id + "/responses", responses(random, languages, notes)).expect(200);
        return new Answered(UUID.fromString(id), UUID.fromString(started.path("participantId").asText()), user);
    }

    private Map<String, Object> responses(Random random, List<String> languages, String notes) {
        Map<String, Integer> tendency = new LinkedHashMap<>();
        for (String trait : traits()) {
            tendency.put(trait, 1 + random.nextInt(5));
        }
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (JsonNode item : instrument.path("items")) {
            int value = tendency.get(item.path("trait").asText()) + random.nextInt(3) - 1;
            value = Math.max(1, Math.min(5, value));
            // a reverse-keyed item describes the opposite behaviour, so the same person answers it the other way
            answers.put(item.path("id").asText(), item.path("reverseKeyed").asBoolean() ? 6 - value : value);
        }
        List<String> goals = new ArrayList<>();
        instrument.path("goals").path("options").forEach(option -> goals.add(option.path("value").asText()));
        Collections.shuffle(goals, random);
        List<String> fields = new ArrayList<>();
        instrument.path("preferences").path("field").path("options")
                .forEach(option -> fields.add(option.path("value").asText()));
        Map<String, Object> preferences = new LinkedHashMap<>();
        preferences.put("field", fields.get(random.nextInt(fields.size())));
        preferences.put("languages", languages);
        preferences.put("timeZone", TIME_ZONES.get(random.nextInt(TIME_ZONES.size())));
        preferences.put("notes", notes);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", instrument.path("version").asText());
        body.put("answers", answers);
        body.put("goals", goals.subList(0, 1 + random.nextInt(goals.size())));
        body.put("preferences", preferences);
        return body;
    }
}
