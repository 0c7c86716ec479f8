package dev.sparks.assessment.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is the contract with front-ends and HR systems: operations, roles and problem answers. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void operationsAreNamedAndDocumentTheirProblems() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        String completion = "paths.'/api/v1/assessments/{id}/completion'.post";
        assertThat(doc.getString(completion + ".operationId")).isEqualTo("completeAssessment");
        assertThat(doc.getString(completion + ".description")).contains("participant");
        assertThat(doc.getMap(completion + ".responses.'422'.content")).containsKey("application/problem+json");
        assertThat(doc.getMap(completion + ".responses.'401'.content")).containsKey("application/problem+json");
        assertThat(doc.getString("paths.'/api/v1/participants/imports'.post.operationId"))
                .isEqualTo("importParticipants");
        assertThat(doc.getString("paths.'/api/v1/assessments/{id}/responses'.put.operationId"))
                .isEqualTo("saveResponses");
        assertThat(doc.getString("paths.'/api/v1/instrument'.get.operationId")).isEqualTo("getCurrentInstrument");
        assertThat(doc.getString("paths.'/api/v1/participants/me/progress'.get.operationId"))
                .isEqualTo("getMyProgress");
    }
}
