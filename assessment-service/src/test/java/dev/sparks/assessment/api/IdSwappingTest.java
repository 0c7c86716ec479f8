package dev.sparks.assessment.api;

import static dev.sparks.assessment.api.AssessmentClient.ASSESSMENTS;
import static dev.sparks.assessment.api.AssessmentClient.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparks.common.events.AssessmentCompletedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.testing.AccessMatrix;
import dev.sparks.common.testing.ApiOperations;
import dev.sparks.common.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A participant can never read or change another participant's assessments: Ada's token with Ben's ids (and Ben's
 * with Ada's) gets 404 from every operation on an assessment id that the participant role may call, as if the id
 * did not exist; naming the other as a listing filter is refused; the owner's assessments read the same afterwards
 * and nothing is emitted for the owner. The operations come from the live OpenAPI document, so a new one on
 * /assessments/{id} is covered without touching this test.
 */
@QuarkusTest
class IdSwappingTest {

    /** One participant's assessments: one completed (it has a result) and one fully answered but still open. */
    private record Owner(String user, String participantId, String completed, String open) {
    }

    @Test
    void aParticipantCannotReadOrChangeAnotherParticipantsAssessments() {
        try {
            swapIds();
        } finally {
            // other tests expect the demo participants without a fully answered assessment in progress
            AssessmentClient.finishInProgress("ada");
            AssessmentClient.finishInProgress("ben");
        }
    }

    private void swapIds() {
        Owner ada = prepare("ada");
        Owner ben = prepare("ben");
        List<ApiOperations.Operation> onAssessments = ApiOperations.served().stream()
                .filter(op -> op.path().startsWith("/api/v1/assessments/{id}"))
                .filter(op -> AccessMatrix.of("assessment-service").get(op.operationId())
                        .expected(AccessMatrix.Caller.PARTICIPANT) == AccessMatrix.Expected.ALLOWED)
                .toList();
        assertThat(onAssessments).extracting(ApiOperations.Operation::operationId)
                .contains("getAssessment", "saveResponses", "completeAssessment", "getAssessmentResult");

        List<String> leaks = new ArrayList<>();
        try (TopicProbe assessments = TopicProbe.fromNow(Topics.ASSESSMENTS)) {
            for (Owner[] pair : new Owner[][] {{ben, ada}, {ada, ben}}) {
                Owner owner = pair[0];
                String intruder = pair[1].user();
                Map<String, String> before = views(owner);
                for (ApiOperations.Operation operation : onAssessments) {
                    for (String id : List.of(owner.completed(), owner.open())) {
                        Response response = call(intruder, operation, id);
                        if (response.statusCode() != 404
                                || !response.contentType().startsWith("application/problem+json")) {
                            leaks.add(intruder + " " + operation + " on " + owner.user() + "'s " + id + ": "
                                    + response.statusCode() + " " + response.asString());
                        }
                    }
                }
                as(intruder).queryParam("participant", owner.participantId()).get(ASSESSMENTS).then()
                        .statusCode(403).contentType("application/problem+json");
                List<String> listed = as(intruder).queryParam("size", 200).get(ASSESSMENTS).then().statusCode(200)
                        .extract().jsonPath().getList("items.id", String.class);
                assertThat(listed).doesNotContain(owner.completed(), owner.open());
                String progress = as(intruder).get("/api/v1/participants/me/progress").then().statusCode(200)
                        .extract().asString();
                assertThat(progress).doesNotContain(owner.participantId(), owner.completed());
                assertThat(views(owner)).as("%s's assessments after %s tried", owner.user(), intruder)
                        .isEqualTo(before);
            }
            List<ConsumerRecord<String, byte[]>> completions = assessments.upToNow().stream()
                    .filter(TopicProbe.ofType(AssessmentCompletedV1.TYPE))
                    .filter(r -> List.of(ada.participantId(), ben.participantId()).contains(r.key()))
                    .toList();
            assertThat(completions).as("completions emitted for Ada or Ben").isEmpty();
        }
        assertThat(leaks).as("answers to another participant's assessment ids").isEmpty();
    }

    /** The user's completed assessment and a fully answered open one, so that a completion would succeed. */
    private static Owner prepare(String user) {
        AssessmentClient.finishInProgress(user);
        String completed = AssessmentClient.inProgress(user);
        AssessmentClient.answerAll(user, completed, i -> 1 + i % 5);
        as(user).post(ASSESSMENTS + "/" + completed + "/completion").then().statusCode(200);
        String open = AssessmentClient.inProgress(user);
        AssessmentClient.answerAll(user, open, i -> 5 - i % 5);
        String participantId = AssessmentClient.get(user, open).path("participantId");
        return new Owner(user, participantId, completed, open);
    }

    /** What the owner sees of both assessments and the result. */
    private static Map<String, String> views(Owner owner) {
        Map<String, String> views = new LinkedHashMap<>();
        for (String path : List.of(owner.completed(), owner.completed() + "/result", owner.open())) {
            views.put(path, as(owner.user()).get(ASSESSMENTS + "/" + path).then().statusCode(200).extract()
                    .asString());
        }
        return views;
    }

    /** The operation on the id, with a body that would be accepted from the owner. */
    private static Response call(String user, ApiOperations.Operation operation, String id) {
        RequestSpecification request = as(user);
        if (!operation.bodies().isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>(AssessmentClient.choices());
            body.put("answers", Map.of("fv-m-1", 1));
            request.body(body);
        }
        return request.request(operation.method(), operation.path(Map.of("id", id)));
    }
}
