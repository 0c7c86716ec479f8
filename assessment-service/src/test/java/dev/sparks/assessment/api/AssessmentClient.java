package dev.sparks.assessment.api;

import static io.restassured.RestAssured.given;

import dev.sparks.assessment.domain.Instrument;
import dev.sparks.assessment.domain.InstrumentCatalog;
import dev.sparks.common.testing.Tokens;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Drives the real API as a demo user. Test classes share one database and the same demo users, so each test first
 * brings its user to a known state (e.g. finishes whatever assessment is in progress) instead of relying on order.
 */
final class AssessmentClient {

    static final String ASSESSMENTS = "/api/v1/assessments";
    static final Instrument V1 = InstrumentCatalog.bundled().current();

    private AssessmentClient() {
    }

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType("application/json");
    }

    /** Every item answered, the value chosen per item index. */
    static Map<String, Integer> answers(IntUnaryOperator valueOfIndex) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        List<Instrument.Item> items = V1.items();
        for (int i = 0; i < items.size(); i++) {
            answers.put(items.get(i).id(), valueOfIndex.applyAsInt(i));
        }
        return answers;
    }

    static Map<String, Object> choices() {
        return Map.of(
                "goals", List.of("CAREER_ADVICE", "NETWORKING"),
                "preferences", Map.of("field", "TECHNOLOGY", "languages", List.of("en", "de"),
                        "timeZone", "Europe/Berlin", "notes", "Prefers video calls."));
    }

    /** The user's assessment in progress, started if there is none. */
    static String inProgress(String user) {
        List<String> ids = as(user).queryParam("status", "IN_PROGRESS").get(ASSESSMENTS)
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        return as(user).post(ASSESSMENTS).then().statusCode(201).extract().path("id");
    }

    /** Completes whatever the user has in progress, so a test can start from "nothing in progress". */
    static void finishInProgress(String user) {
        List<String> ids = as(user).queryParam("status", "IN_PROGRESS").get(ASSESSMENTS)
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        for (String id : ids) {
            answerAll(user, id, i -> 3);
            as(user).post(ASSESSMENTS + "/" + id + "/completion").then().statusCode(200);
        }
    }

    /** Answers every item and makes the choices completion needs. */
    static void answerAll(String user, String id, IntUnaryOperator valueOfIndex) {
        Map<String, Object> body = new LinkedHashMap<>(choices());
        body.put("answers", answers(valueOfIndex));
        as(user).body(body).put(ASSESSMENTS + "/" + id + "/responses").then().statusCode(200);
    }

    static ExtractableResponse<Response> get(String user, String id) {
        return as(user).get(ASSESSMENTS + "/" + id).then().statusCode(200).extract();
    }
}
