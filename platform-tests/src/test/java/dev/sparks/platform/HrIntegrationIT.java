package dev.sparks.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparks.client.assessment.api.AssessmentsApi;
import dev.sparks.client.assessment.api.InstrumentApi;
import dev.sparks.client.assessment.api.ParticipantsApi;
import dev.sparks.client.assessment.model.Assessment;
import dev.sparks.client.assessment.model.AssessmentResult;
import dev.sparks.client.assessment.model.AssessmentStatus;
import dev.sparks.client.assessment.model.Field;
import dev.sparks.client.assessment.model.Goal;
import dev.sparks.client.assessment.model.Instrument;
import dev.sparks.client.assessment.model.Item;
import dev.sparks.client.assessment.model.ParticipantImport;
import dev.sparks.client.assessment.model.ParticipantImportReport;
import dev.sparks.client.assessment.model.ParticipantImportRow;
import dev.sparks.client.assessment.model.Preferences;
import dev.sparks.client.assessment.model.RowReport;
import dev.sparks.client.assessment.model.SaveResponses;
import dev.sparks.client.assessment.model.Trait;
import dev.sparks.client.matching.api.MatchesApi;
import dev.sparks.client.matching.api.ReportsApi;
import dev.sparks.client.matching.model.MatchView;
import dev.sparks.client.matching.model.ProgramReport;
import dev.sparks.client.mentor.api.MentorImportsApi;
import dev.sparks.client.mentor.api.MentorsApi;
import dev.sparks.client.mentor.model.ImportOutcome;
import dev.sparks.client.mentor.model.ImportReport;
import dev.sparks.client.mentor.model.ImportRowResult;
import dev.sparks.client.mentor.model.MentorRequest;
import dev.sparks.client.mentor.model.MentorView;
import dev.sparks.client.mentor.model.PageMentorView;
import dev.sparks.platform.harness.Eventually;
import dev.sparks.platform.harness.Keycloak;
import dev.sparks.platform.harness.Keycloak.TestUser;
import dev.sparks.platform.harness.Platform;
import dev.sparks.platform.harness.Service;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An HR system integrating with Sparks from the published contract alone: every call goes through the Java clients
 * generated at build time from the committed OpenAPI documents (deploy/openapi), authenticated as the HR client
 * with a client-credentials token. It imports mentors as JSON and as CSV, pre-registers its people, and, once those
 * people have taken the assessment (with the same generated clients and their own tokens), reads the outcome in the
 * program report.
 */
class HrIntegrationIT {

    static final int PEOPLE = 3;

    @Test
    void hrSystemFeedsMentorsAndPeopleThroughTheGeneratedClient() throws Exception {
        Keycloak keycloak = new Keycloak();
        List<TestUser> people = keycloak.createUsers("hr-" + UUID.randomUUID().toString().substring(0, 6),
                "participant", PEOPLE);
        try (Platform platform = Platform.start()) {
            String run = platform.run();
            String hrToken = Keycloak.hrToken();
            dev.sparks.client.mentor.ApiClient mentorClient = mentorClient(platform, hrToken);
            MentorImportsApi imports = new MentorImportsApi(mentorClient);

            // Mentors as JSON: the generated models, the generated operation.
            List<MentorRequest> jsonMentors = List.of(mentor(run, 1, 2), mentor(run, 2, 2));
            ImportReport jsonReport = imports.importMentorsCsv(jsonMentors, "hr-json-" + run);
            assertThat(jsonReport.getCreated()).as("JSON import %s", jsonReport).isEqualTo(2);
            assertThat(jsonReport.getRows()).extracting(ImportRowResult::getOutcome)
                    .containsOnly(ImportOutcome.CREATED);

            // Mentors as CSV, as HR exports them; sending the same file again changes nothing.
            String csv = """
                    externalId,name,email,field,languages,timeZone,capacity,offerings,strength.SPEAK_UP,strength.TAKE_INITIATIVE
                    HR-%1$s-M3,"Lindqvist, Maya %1$s",maya-%1$s@platform.sparks.test,TECHNOLOGY,en;sv,Europe/Stockholm,1,CAREER_ADVICE;NETWORKING;RESUME_HELP;SUPPORT_AND_INSIGHT,5,4
                    """.formatted(run);
            ImportReport csvReport = importCsv(mentorClient, csv);
            assertThat(csvReport.getCreated()).as("CSV import %s", csvReport).isEqualTo(1);
            assertThat(importCsv(mentorClient, csv).getUnchanged()).isEqualTo(1);

            PageMentorView listed = new MentorsApi(mentorClient)
                    .listMentors(null, null, null, null, null, null, null, 0, 50, null);
            assertThat(listed.getItems()).extracting(MentorView::getExternalId)
                    .containsExactlyInAnyOrder("HR-" + run + "-M1", "HR-" + run + "-M2", "HR-" + run + "-M3");
            Set<UUID> hrMentors = listed.getItems().stream().map(MentorView::getId).collect(Collectors.toSet());

            // Pre-registration: HR's ids, names, departments, before anyone logs in. The departments carry the run,
            // so the report below counts only these people even if other events reach the shared topics.
            String finance = "Finance " + run;
            String engineering = "Engineering " + run;
            ParticipantsApi participants = new ParticipantsApi(assessmentClient(platform, hrToken));
            ParticipantImport roster = new ParticipantImport();
            for (int i = 0; i < PEOPLE; i++) {
                TestUser person = people.get(i);
                roster.addRowsItem(new ParticipantImportRow().externalId("EMP-%s-%d".formatted(run, i + 1))
                        .name(person.name()).email(person.email()).department(i == 0 ? finance : engineering));
            }
            ParticipantImportReport registered = participants.importParticipants(roster);
            assertThat(registered.getCreated()).as("pre-registration %s", registered).isEqualTo(PEOPLE);
            assertThat(participants.importParticipants(roster).getUnchanged()).isEqualTo(PEOPLE);
            Map<String, UUID> registeredIds = new LinkedHashMap<>();
            for (RowReport row : registered.getRows()) {
                registeredIds.put(row.getExternalId(), row.getParticipantId());
            }

            // The pre-registered people take the assessment with their own logins.
            Map<UUID, TestUser> byParticipant = new LinkedHashMap<>();
            for (TestUser person : people) {
                Assessment assessment = takeAssessment(platform, person);
                assertThat(registeredIds).as("%s is linked to HR's record", person.email())
                        .containsValue(assessment.getParticipantId());
                byParticipant.put(assessment.getParticipantId(), person);
            }

            // Each is matched with one of HR's mentors, under the participant id HR's import returned.
            for (Map.Entry<UUID, TestUser> entry : byParticipant.entrySet()) {
                MatchesApi matches = new MatchesApi(matchingClient(platform, entry.getValue().token()));
                List<MatchView> own = Eventually.value(entry.getValue().email() + " matched",
                        () -> uncheck(() -> matches.listMatches(null, 0, null, 20, null).getItems()),
                        items -> !items.isEmpty());
                assertThat(own).hasSize(1);
                assertThat(own.get(0).getParticipant().getId()).isEqualTo(entry.getKey());
                assertThat(hrMentors).contains(own.get(0).getMentor().getId());
            }

            // HR reads the matches of its people, one participant at a time, and one match in full.
            MatchesApi hrMatches = new MatchesApi(matchingClient(platform, hrToken));
            for (UUID participantId : byParticipant.keySet()) {
                List<MatchView> theirs = hrMatches.listMatches(null, 0, participantId, 20, null).getItems();
                assertThat(theirs).as("HR's view of %s's matches", participantId).hasSize(1);
                assertThat(theirs.get(0).getParticipant().getId()).isEqualTo(participantId);
                assertThat(hrMentors).contains(theirs.get(0).getMentor().getId());
                MatchView one = hrMatches.getMatch(theirs.get(0).getId());
                assertThat(one.getId()).isEqualTo(theirs.get(0).getId());
                assertThat(one.getMentor().getId()).isEqualTo(theirs.get(0).getMentor().getId());
            }

            // HR reads the outcome in the program report: everyone of its departments completed and matched, each
            // invitation mailed; the department filter narrows it to Finance.
            ReportsApi reports = new ReportsApi(matchingClient(platform, hrToken));
            ProgramReport report = Eventually.value("the program report counts the invitations", () -> uncheck(
                            () -> reports.getProgramReport(List.of(finance, engineering), null, null)),
                    candidate -> candidate.getTimeToInvitation().getParticipants() == PEOPLE);
            assertThat(report.getParticipants().getTotal()).isEqualTo(PEOPLE);
            assertThat(report.getParticipants().getMatched()).isEqualTo(PEOPLE);
            assertThat(report.getParticipants().getWaiting()).isZero();
            assertThat(report.getConversion().getCompleted()).isEqualTo(PEOPLE);
            assertThat(report.getConversion().getMatched()).isEqualTo(PEOPLE);
            assertThat(report.getConversion().getMatchRate()).isEqualByComparingTo("1");
            assertThat(report.getFilters().getDepartments()).containsExactlyInAnyOrder(finance, engineering);
            ProgramReport financeOnly = reports.getProgramReport(List.of(finance), null, null);
            assertThat(financeOnly.getParticipants().getTotal()).isEqualTo(1);
            assertThat(financeOnly.getParticipants().getMatched()).isEqualTo(1);
        } finally {
            keycloak.delete(people);
        }
    }

    private static MentorRequest mentor(String run, int number, int capacity) {
        // Strong (3-5) in every trait the contract names, so whatever the people's growth areas, they fit.
        Map<String, Integer> strengths = new LinkedHashMap<>();
        for (Trait trait : Trait.values()) {
            strengths.put(trait.getValue(), 3 + (trait.ordinal() + number) % 3);
        }
        return new MentorRequest()
                .externalId("HR-%s-M%d".formatted(run, number))
                .name("HR Mentor %d %s".formatted(number, run))
                .email("hr-mentor-%d-%s@platform.sparks.test".formatted(number, run))
                .field(MentorRequest.FieldEnum.BUSINESS)
                .languages(List.of("en"))
                .timeZone("Europe/Berlin")
                .bio("Grew a finance team from five to fifty.")
                .strengths(strengths)
                .offerings(List.of("CAREER_ADVICE", "NETWORKING", "RESUME_HELP", "SUPPORT_AND_INSIGHT"))
                .capacity(capacity);
    }

    /**
     * The import operation takes JSON or CSV, but a generated method sends the first media type of the contract
     * (JSON). The CSV file therefore goes through the same generated ApiClient (its base URI, HTTP client and token
     * interceptor) and the answer is read into the generated ImportReport.
     */
    private static ImportReport importCsv(dev.sparks.client.mentor.ApiClient client, String csv) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.getBaseUri() + "/api/v1/mentor-imports"))
                .header("Content-Type", "text/csv")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(csv));
        client.getRequestInterceptor().accept(request);
        HttpResponse<String> response = client.getHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("CSV import: %s", response.body()).isEqualTo(200);
        return client.getObjectMapper().readValue(response.body(), ImportReport.class);
    }

    /** Start, answer every item, choose goals and preferences, complete: a front-end on the generated client. */
    private static Assessment takeAssessment(Platform platform, TestUser person) throws Exception {
        dev.sparks.client.assessment.ApiClient client = assessmentClient(platform, person.token());
        Instrument instrument = new InstrumentApi(client).getCurrentInstrument();
        AssessmentsApi assessments = new AssessmentsApi(client);
        Assessment started = assessments.startAssessment();
        Map<String, Integer> answers = new LinkedHashMap<>();
        List<Item> items = instrument.getItems();
        for (int i = 0; i < items.size(); i++) {
            answers.put(items.get(i).getId(), 1 + Math.floorMod(i * 7 + person.username().hashCode(), 5));
        }
        assessments.saveResponses(started.getId(), new SaveResponses()
                .version(instrument.getVersion())
                .answers(answers)
                .goals(new ArrayList<>(List.of(Goal.CAREER_ADVICE, Goal.SUPPORT_AND_INSIGHT)))
                .preferences(new Preferences().field(Field.BUSINESS).languages(List.of("en"))
                        .timeZone("Europe/Berlin")));
        AssessmentResult result = assessments.completeAssessment(started.getId());
        assertThat(result.getGrowthAreas()).isNotEmpty();
        assertThat(assessments.getAssessment(started.getId()).getStatus()).isEqualTo(AssessmentStatus.COMPLETED);
        return started;
    }

    private static dev.sparks.client.mentor.ApiClient mentorClient(Platform platform, String token) {
        dev.sparks.client.mentor.ApiClient client = new dev.sparks.client.mentor.ApiClient();
        client.updateBaseUri(platform.url(Service.MENTOR));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static dev.sparks.client.assessment.ApiClient assessmentClient(Platform platform, String token) {
        dev.sparks.client.assessment.ApiClient client = new dev.sparks.client.assessment.ApiClient();
        client.updateBaseUri(platform.url(Service.ASSESSMENT));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static dev.sparks.client.matching.ApiClient matchingClient(Platform platform, String token) {
        dev.sparks.client.matching.ApiClient client = new dev.sparks.client.matching.ApiClient();
        client.updateBaseUri(platform.url(Service.MATCHING));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T uncheck(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
