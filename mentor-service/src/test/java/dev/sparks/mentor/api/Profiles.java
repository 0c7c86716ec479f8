package dev.sparks.mentor.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Mentor profile bodies for the tests, unique per call so tests never depend on each other or on order. */
final class Profiles {

    private Profiles() {
    }

    static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> profile(String externalId, String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalId", externalId);
        body.put("name", "Mentor " + externalId);
        body.put("email", email);
        body.put("field", "TECHNOLOGY");
        body.put("seniority", "Director");
        body.put("languages", List.of("en", "sv"));
        body.put("timeZone", "Europe/Stockholm");
        body.put("bio", "Leads platform teams.");
        body.put("strengths", new LinkedHashMap<>(Map.of("APPROACH_TO_CHANGE_LEADERSHIP", 5, "SPEAK_UP", 4)));
        body.put("offerings", List.of("CAREER_ADVICE", "NETWORKING"));
        body.put("capacity", 3);
        body.put("exclusions", List.of("HR-DIRECT-1"));
        return body;
    }

    static Map<String, Object> unique(String run) {
        String id = "T-" + run + "-" + UUID.randomUUID().toString().substring(0, 8);
        return profile(id, id.toLowerCase() + "@example.test");
    }

    /** {@code count} generated profiles with deterministic variety (fields, languages, strengths, capacity). */
    static List<Map<String, Object>> many(String run, int count) {
        String[] fields = {"BUSINESS", "HEALTHCARE", "EDUCATION", "TECHNOLOGY", "OTHER"};
        String[] languages = {"en", "de", "fr", "es", "sv", "fi"};
        String[] traits = {"FOCUS_AND_VISION_LEADERSHIP", "APPROACH_TO_CHANGE_MANAGEMENT", "DEVELOPING_PEOPLE_LEADERSHIP",
            "DECISION_MAKING_MANAGEMENT", "TAKE_INITIATIVE", "SUPPORT_OTHERS"};
        List<Map<String, Object>> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = "B-" + run + "-" + i;
            Map<String, Object> row = profile(id, id.toLowerCase() + "@bulk.test");
            row.put("name", "Bulk Mentor " + run + " " + i);
            row.put("field", fields[i % fields.length]);
            row.put("languages", List.of(languages[i % languages.length], "en"));
            row.put("strengths", Map.of(traits[i % traits.length], 1 + i % 5, traits[(i + 3) % traits.length], 4));
            row.put("capacity", 1 + i % 10);
            rows.add(row);
        }
        return rows;
    }
}
