package dev.sparks.assessment.api;

import static dev.sparks.assessment.api.AssessmentClient.V1;
import static dev.sparks.assessment.api.AssessmentClient.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.sparks.assessment.domain.Instrument;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InstrumentResourceTest {

    @Test
    void anyAuthenticatedCallerGetsTheCurrentVersionInPresentationOrder() {
        for (String user : List.of("ada", "maya", "priya")) {
            List<String> ids = as(user).get("/api/v1/instrument").then()
                    .statusCode(200)
                    .body("version", equalTo(V1.version()))
                    .body("scale.points", hasSize(5))
                    .body("goals.options", hasSize(4))
                    .body("preferences.languages.maxChoices", equalTo(5))
                    .extract().jsonPath().getList("items.id", String.class);
            assertThat(ids).isEqualTo(V1.items().stream().map(Instrument.Item::id).toList());
        }
    }

    @Test
    void olderVersionsByIdAndUnknownVersionIsProblem() {
        as("ben").get("/api/v1/instrument/" + V1.version()).then().statusCode(200)
                .body("version", equalTo(V1.version()));
        as("ben").get("/api/v1/instrument/1999.9").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
