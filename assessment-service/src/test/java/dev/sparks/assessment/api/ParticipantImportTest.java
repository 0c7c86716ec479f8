package dev.sparks.assessment.api;

import static dev.sparks.assessment.api.AssessmentClient.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import dev.sparks.common.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** HR pre-registration with the real HR client token: an idempotent upsert reported per row, linked at login. */
@QuarkusTest
class ParticipantImportTest {

    private static final String IMPORTS = "/api/v1/participants/imports";

    @Test
    void sameFileTwiceChangesNothingAndChangedRowsAreUpdated() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> rows = new ArrayList<>(List.of(
                row("HR-" + run + "-1", "Grace Hopper", "Grace." + run + "@Example.test", "Engineering", null),
                row("HR-" + run + "-2", "Alan Turing", "alan." + run + "@example.test", "Research", "HR-" + run + "-1"),
                row("HR-" + run + "-3", "Katherine Johnson", "kj." + run + "@example.test", null, null),
                row("HR-" + run + "-4", "No Email", " ", "Sales", null),
                row("HR-" + run + "-1", "Grace Again", "other." + run + "@example.test", null, null)));

        JsonPath first = importAsHr(rows);
        assertThat(first.getInt("created")).isEqualTo(3);
        assertThat(first.getInt("rejected")).isEqualTo(2);
        assertThat(first.getList("rows.outcome", String.class))
                .containsExactly("CREATED", "CREATED", "CREATED", "REJECTED", "REJECTED");
        assertThat(first.getList("rows[3].errors.field", String.class)).containsExactly("email");
        assertThat(first.getList("rows[4].errors.field", String.class)).containsExactly("externalId");

        JsonPath again = importAsHr(rows);
        assertThat(again.getList("rows.outcome", String.class))
                .containsExactly("UNCHANGED", "UNCHANGED", "UNCHANGED", "REJECTED", "REJECTED");
        assertThat(again.getList("rows.participantId")).isEqualTo(first.getList("rows.participantId"));

        rows.get(2).put("department", "Mathematics");
        JsonPath changed = importAsHr(rows.subList(0, 3));
        assertThat(changed.getList("rows.outcome", String.class)).containsExactly("UNCHANGED", "UNCHANGED", "UPDATED");
        assertThat(changed.getInt("updated")).isEqualTo(1);

        // A new external id with an email that belongs to someone else's external id is refused, the rest stored.
        JsonPath conflict = importAsHr(List.of(
                row("HR-" + run + "-9", "Impostor", "grace." + run + "@example.test", null, null),
                row("HR-" + run + "-5", "Dorothy Vaughan", "dv." + run + "@example.test", null, null)));
        assertThat(conflict.getList("rows.outcome", String.class)).containsExactly("REJECTED", "CREATED");
        assertThat(conflict.getString("rows[0].errors[0].field")).isEqualTo("email");
    }

    @Test
    void aLaterLoginLinksToTheRecordByEmail() {
        JsonPath report = importAsHr(List.of(row("HR-BEN", "Ben (from HR)", "BEN@sparks.test", "Finance", null)));
        assertThat(report.getString("rows[0].outcome")).isIn("CREATED", "UPDATED", "UNCHANGED");
        String participantId = report.getString("rows[0].participantId");

        String assessmentId = AssessmentClient.inProgress("ben");
        assertThat(AssessmentClient.get("ben", assessmentId).jsonPath().getString("participantId"))
                .isEqualTo(participantId);
    }

    @Test
    void programAdminMayImportOthersMayNot() {
        as("priya").body(Map.of("rows", List.of())).post(IMPORTS).then().statusCode(200).body("created", equalTo(0));
        as("ada").body(Map.of("rows", List.of())).post(IMPORTS).then().statusCode(403)
                .contentType("application/problem+json");
        given().contentType("application/json").body(Map.of("rows", List.of())).post(IMPORTS).then()
                .statusCode(401).contentType("application/problem+json");
    }

    @Test
    void badBodiesAreProblems() {
        hr().body("{\"rows\": [").post(IMPORTS).then().statusCode(400).contentType("application/problem+json");
        hr().body("{}").post(IMPORTS).then().statusCode(400).body("errors[0].field", equalTo("rows"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 5001; i++) {
            tooMany.add(row("HR-MANY-" + i, "Person " + i, "many" + i + "@example.test", null, null));
        }
        hr().body(Map.of("rows", tooMany)).post(IMPORTS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("rows"));
        hr().body(Map.of("rows", tooMany.subList(0, 1))).post(IMPORTS).then().statusCode(200)
                .body("rows[0].outcome", oneOf("CREATED", "UNCHANGED"));
    }

    private static JsonPath importAsHr(List<Map<String, Object>> rows) {
        return hr().body(Map.of("rows", rows)).post(IMPORTS).then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification hr() {
        return given().auth().oauth2(Tokens.hrClient()).contentType("application/json");
    }

    private static Map<String, Object> row(String externalId, String name, String email, String department,
            String manager) {
        Map<String, Object> row = new HashMap<>();
        row.put("externalId", externalId);
        row.put("name", name);
        row.put("email", email);
        row.put("department", department);
        row.put("managerExternalId", manager);
        return row;
    }
}
