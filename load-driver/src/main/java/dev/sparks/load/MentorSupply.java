package dev.sparks.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The mentors a run needs, through the HR import API as the HR client ({@code sparks-hr}, client credentials), and
 * their retirement afterwards as a program-admin, so the next run does not rank against this run's mentors too.
 */
final class MentorSupply {

    static final String EMAIL_DOMAIN = "load-mentors.sparks.test";
    /** The most a mentor profile may hold (mentor-service's limit); every load mentor offers it. */
    static final int CAPACITY = 10;
    private static final int IMPORT_ROWS = 5000;
    static final List<String> TRAITS = List.of("FOCUS_AND_VISION_MANAGEMENT", "FOCUS_AND_VISION_LEADERSHIP",
            "APPROACH_TO_CHANGE_MANAGEMENT", "APPROACH_TO_CHANGE_LEADERSHIP", "RELATIONSHIP_WITH_RISK_MANAGEMENT",
            "RELATIONSHIP_WITH_RISK_LEADERSHIP", "DEVELOPING_PEOPLE_MANAGEMENT", "DEVELOPING_PEOPLE_LEADERSHIP",
            "DECISION_MAKING_MANAGEMENT", "DECISION_MAKING_LEADERSHIP", "TIME_ORIENTATION_MANAGEMENT",
            "TIME_ORIENTATION_LEADERSHIP", "TAKE_INITIATIVE", "SPEAK_UP", "SUPPORT_OTHERS", "STAY_COMPOSED",
            "TAKE_SMART_RISKS", "MODEL_LEADERSHIP");
    static final List<String> FIELDS = List.of("BUSINESS", "HEALTHCARE", "EDUCATION", "TECHNOLOGY", "OTHER");
    static final List<String> GOALS = List.of("CAREER_ADVICE", "NETWORKING", "RESUME_HELP", "SUPPORT_AND_INSIGHT");
    /** Every mentor speaks English, like every participant: each decision ranks the whole pool (the worst case). */
    static final List<String> OTHER_LANGUAGES = List.of("de", "fr", "es", "nl", "pl", "it");
    static final List<String> ZONES = List.of("Europe/Berlin", "Europe/Stockholm", "Europe/London",
            "America/New_York", "Asia/Tokyo", "UTC");

    private final LocalHttp http;
    private final LoadOptions.Endpoints endpoints;

    MentorSupply(LocalHttp http, LoadOptions.Endpoints endpoints) {
        this.http = http;
        this.endpoints = endpoints;
    }

    static int mentorsFor(int participants) {
        // 5 % spare, so the last participants still find a mentor with room however the ranking spreads them
        return (int) Math.ceil(participants * 1.05 / CAPACITY);
    }

    /** Imports {@code count} generated mentors; returns their ids. */
    List<UUID> importMentors(String runId, int count) {
        String token = hrToken();
        Random random = new Random(runId.hashCode());
        List<UUID> ids = new ArrayList<>(count);
        for (int from = 0; from < count; from += IMPORT_ROWS) {
            int to = Math.min(count, from + IMPORT_ROWS);
            List<Map<String, Object>> rows = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                rows.add(profile(runId, i, random));
            }
            JsonNode report = LocalHttp.expect(http.send(LocalHttp.json(endpoints.mentor() + "/api/v1/mentor-imports",
                    token, "POST", Map.of("mentors", rows)).build()), 200, "mentor import");
            if (report.path("rejected").asInt() > 0) {
                throw new IllegalStateException("mentor import rejected rows: " + report.path("rows"));
            }
            for (JsonNode row : report.path("rows")) {
                ids.add(UUID.fromString(row.path("mentorId").asText()));
            }
        }
        return ids;
    }

    private static Map<String, Object> profile(String runId, int i, Random random) {
        String externalId = runId + "-m" + i;
        Map<String, Object> strengths = new LinkedHashMap<>();
        for (String trait : TRAITS) {
            strengths.put(trait, 1 + random.nextInt(5));
        }
        List<String> languages = new ArrayList<>(List.of("en"));
        if (random.nextBoolean()) {
            languages.add(OTHER_LANGUAGES.get(random.nextInt(OTHER_LANGUAGES.size())));
        }
        List<String> offerings = new ArrayList<>(GOALS);
        Collections.shuffle(offerings, random);
        Map<String, Object> mentor = new LinkedHashMap<>();
        mentor.put("externalId", externalId);
        mentor.put("name", "Load Mentor " + i);
        mentor.put("email", externalId + "@" + EMAIL_DOMAIN);
        mentor.put("field", FIELDS.get(random.nextInt(FIELDS.size())));
        mentor.put("seniority", "Director");
        mentor.put("languages", languages);
        mentor.put("timeZone", ZONES.get(random.nextInt(ZONES.size())));
        mentor.put("bio", "Mentor generated for a load run.");
        mentor.put("strengths", strengths);
        mentor.put("offerings", offerings.subList(0, 1 + random.nextInt(GOALS.size())));
        mentor.put("capacity", CAPACITY);
        return mentor;
    }

    /** Waits until matching-service's read model holds all of the run's mentors; returns the seconds it took. */
    double awaitInMatching(String runId, int count, long timeoutMillis) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try (Connection db = DriverManager.getConnection(endpoints.jdbcUrl(endpoints.matchingDb()), endpoints.dbUser(),
                endpoints.dbPassword());
                PreparedStatement query = db.prepareStatement(
                        "select count(*) from mentor where external_id like ? and not retired")) {
            query.setString(1, runId + "-m%");
            while (true) {
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    if (result.getInt(1) >= count) {
                        return (System.nanoTime() - start) / 1e9;
                    }
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("matching-service has not received the run's " + count
                            + " mentors within " + timeoutMillis / 1000 + " s");
                }
                Thread.sleep(250);
            }
        }
    }

    /** Mentors of earlier load runs that are still matchable (an interrupted run leaves them behind). */
    List<UUID> leftovers() throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(endpoints.jdbcUrl(endpoints.matchingDb()), endpoints.dbUser(),
                endpoints.dbPassword());
                PreparedStatement query = db.prepareStatement(
                        "select id from mentor where email like ? and not retired")) {
            query.setString(1, "%@" + EMAIL_DOMAIN);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    ids.add((UUID) result.getObject(1));
                }
            }
        }
        return ids;
    }

    /** Retires the mentors as program-admin priya; returns how many mentor-service retired. */
    int retire(List<UUID> ids, int concurrency) {
        if (ids.isEmpty()) {
            return 0;
        }
        JsonNode answer = LocalHttp.expect(http.send(LocalHttp.form(endpoints.keycloak()
                        + "/realms/sparks/protocol/openid-connect/token", Map.of("grant_type", "password", "client_id",
                        "sparks-frontend", "username", "priya", "password", endpoints.demoPassword()))), 200,
                "program-admin token");
        String token = answer.path("access_token").asText();
        List<Integer> statuses = LocalHttp.all(ids.size(), concurrency, i -> http.sendAsync(LocalHttp.json(
                endpoints.mentor() + "/api/v1/mentors/" + ids.get(i), token, "DELETE", null).build())
                .thenApply(HttpResponse::statusCode));
        return (int) statuses.stream().filter(status -> status == 200).count();
    }

    private String hrToken() {
        JsonNode answer = LocalHttp.expect(http.send(LocalHttp.form(endpoints.keycloak()
                        + "/realms/sparks/protocol/openid-connect/token", Map.of("grant_type", "client_credentials",
                        "client_id", "sparks-hr", "client_secret", endpoints.hrClientSecret()))), 200,
                "HR client token");
        return answer.path("access_token").asText();
    }
}
