package dev.sparks.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparks.common.testing.PersonalDataScan;
import dev.sparks.common.testing.TopicProbe;
import dev.sparks.platform.harness.Api;
import dev.sparks.platform.harness.AssessmentTaker;
import dev.sparks.platform.harness.AssessmentTaker.Completed;
import dev.sparks.platform.harness.Browser;
import dev.sparks.platform.harness.Database;
import dev.sparks.platform.harness.Eventually;
import dev.sparks.platform.harness.Keycloak;
import dev.sparks.platform.harness.Keycloak.TestUser;
import dev.sparks.platform.harness.Mailbox;
import dev.sparks.platform.harness.Mailbox.Mail;
import dev.sparks.platform.harness.Platform;
import dev.sparks.platform.harness.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Erasure across the platform (issue 9), on the packaged services: a program-admin's
 * {@code DELETE /api/v1/participants/{id}} in assessment-service, and {@code participant.erased.v1} makes every
 * other service forget the person. Before the erasure the person is everywhere a participant can be: pre-registered
 * by HR with an external id, an assessment with answers and free-text notes, excluded by one mentor (by email and
 * external id), a declined first invitation with a free-text reason, and a second invitation whose match holds the
 * mentor's capacity. Afterwards no text column of any table in any of the four databases holds their name, email,
 * external id, login, notes or decline reason; the open match is ENDED and the capacity released; the mailed links
 * open nothing; the old login is refused; and no event published from the erasure on carries any of it.
 *
 * <p>A second participant (the bystander, also in the mentor's exclusions) goes through the same program and must
 * still be found everywhere afterwards: the erasure is targeted, and the scan still finds what is there.
 */
class ErasureIT {

    static final String INVITATION = "your Sparks invitation";
    static final String PARTICIPANT_ERASED = "participant.erased.v1";
    static final String MATCH_STATUS_CHANGED = "match.status-changed.v1";
    static final String MENTOR_PROFILE_CHANGED = "mentor.profile-changed.v1";
    static final String DEAD_LETTERS = "sparks.dlq";
    /** Every topic the services write to (deploy/local/topics.conf), dead letters included. */
    static final List<String> TOPICS = List.of("sparks.assessments", "sparks.mentors", "sparks.matches",
            "sparks.invitations", "sparks.participants", DEAD_LETTERS);

    @Test
    void erasureLeavesNoPersonalDataInAnyDatabaseOrLaterEvent() {
        Keycloak keycloak = new Keycloak();
        String prefix = "erase-" + UUID.randomUUID().toString().substring(0, 6);
        List<TestUser> users = keycloak.createUsers(prefix, "participant", 2);
        TestUser person = users.get(0);
        TestUser bystander = users.get(1);
        try (Platform platform = Platform.start()) {
            String run = platform.run();
            String externalId = "EMP-" + run + "-E1";
            String department = "Erasure Studies " + run;
            String notes = "Pair me with someone who has led a turnaround (notes " + run + ").";
            String declineReason = "We worked together on my last team (decline " + run + ").";
            // What the erasure must remove wherever it is: name (whole and the distinctive part), email, HR's id,
            // the login (Keycloak subject), and the two free texts.
            List<String> personalData = List.of(person.name(), person.lastName(), person.email(), externalId,
                    person.id(), notes, declineReason);

            // HR: three mentors, the third excluding the person (by email and HR id) and the bystander.
            Api hr = Api.of(platform.url(Service.MENTOR), Keycloak.hrToken());
            AssessmentTaker taker = AssessmentTaker.of(platform.url(Service.ASSESSMENT), person.token());
            List<String> exclusions = List.of(person.email(), externalId, bystander.email());
            List<Map<String, Object>> drafts = List.of(mentor(run, 1, taker.traits(), List.of()),
                    mentor(run, 2, taker.traits(), List.of()), mentor(run, 3, taker.traits(), exclusions));
            JsonNode imported = hr.post("/api/v1/mentor-imports", Map.of("mentors", drafts)).expect(200);
            assertThat(imported.path("created").asInt()).as("import report %s", imported).isEqualTo(3);
            Map<String, UUID> mentorByName = new LinkedHashMap<>();
            for (JsonNode row : imported.path("rows")) {
                mentorByName.put((String) drafts.get(row.path("row").asInt() - 1).get("name"),
                        UUID.fromString(row.path("mentorId").asText()));
            }
            UUID excluding = mentorByName.get((String) drafts.get(2).get("name"));
            Database matching = platform.database(Service.MATCHING);
            Eventually.until("matching-service knows the three mentors", () -> matching.count(
                    "select count(*) from mentor where id = any(?)", mentorByName.values()) == 3);

            // HR pre-registers the person; then both take the assessment with their own logins.
            JsonNode registered = Api.of(platform.url(Service.ASSESSMENT), Keycloak.hrToken())
                    .post("/api/v1/participants/imports", Map.of("rows", List.of(Map.of("externalId", externalId,
                            "name", person.name(), "email", person.email(), "department", department))))
                    .expect(200);
            UUID participantId = UUID.fromString(registered.path("rows").get(0).path("participantId").asText());
            Completed completed = taker.complete(person, 91, List.of("en"), notes);
            assertThat(completed.participantId()).as("the login is linked to HR's record").isEqualTo(participantId);
            Completed other = taker.complete(bystander, 92, List.of("en"));

            // The person declines the first invitation with a reason and is invited by the other eligible mentor.
            Predicate<Mail> ours = Mailbox.subjectContains(INVITATION)
                    .and(Mailbox.linkingTo(platform.url(Service.NOTIFICATION)));
            Mail first = Mailbox.await(person.email(), ours, 1).get(0);
            Mailbox.await(bystander.email(), ours, 1);
            Browser.Page declined = Browser.open(first.link("?answer=decline"))
                    .submit("#decline", Map.of("reason", declineReason));
            assertThat(declined.title()).isEqualTo("Invitation declined");
            Mail second = Mailbox.await(person.email(), ours, 2).stream()
                    .filter(mail -> !mail.messageId().equals(first.messageId())).findFirst().orElseThrow();
            List<Map<String, Object>> matches = Eventually.value("the first match DECLINED, the second INVITED",
                    () -> matchesOf(matching, participantId), rows -> rows.size() == 2
                            && "DECLINED".equals(rows.get(0).get("status"))
                            && "INVITED".equals(rows.get(1).get("status")));
            UUID openMatch = (UUID) matches.get(1).get("id");
            UUID inviting = (UUID) matches.get(1).get("mentor_id");
            assertThat(inviting).isNotEqualTo(excluding).isNotEqualTo(matches.get(0).get("mentor_id"));
            assertThat(matches.get(0).get("decline_reason")).isEqualTo(declineReason);
            int reservedBefore = reserved(matching, inviting);
            assertThat(reservedBefore).as("the open match holds a place").isEqualTo(openMatches(matching, inviting))
                    .isPositive();
            assertThat(Browser.open(second.link("?answer=accept")).status()).isEqualTo(200);
            assertThat(platform.database(Service.ASSESSMENT).count(
                    "select count(*) from assessment where participant_id = ?", participantId)).isEqualTo(1);

            // The scan finds the person in every database while they are there: it can fail.
            Map<Service, List<String>> before = new EnumMap<>(Service.class);
            before.put(Service.ASSESSMENT, List.of("participant.name: " + person.name(),
                    "participant.email: " + person.email(), "participant.external_id: " + externalId,
                    "participant.subject: " + person.id(), "assessment.preferences: " + notes));
            before.put(Service.MENTOR, List.of("mentor.exclusions: " + person.email(),
                    "mentor.exclusions: " + externalId));
            before.put(Service.MATCHING, List.of("participant.name: " + person.name(),
                    "participant.email: " + person.email(), "participant.external_id: " + externalId,
                    "mentor.exclusions: " + person.email(), "match.decline_reason: " + declineReason));
            before.put(Service.NOTIFICATION, List.of("invitation.participant_name: " + person.name(),
                    "invitation.participant_email: " + person.email(), "invitation.decline_reason: " + declineReason,
                    "notification.recipient_email: " + person.email()));
            before.forEach((service, hits) -> assertThat(scan(platform, service, personalData))
                    .as("personal data in %s before the erasure", service.database()).containsAll(hits));

            // Two readers from the same point: one waits for single events, the other reads everything at the end.
            try (TopicProbe events = TopicProbe.fromNow(TOPICS);
                    TopicProbe fromErasureOn = TopicProbe.fromNow(TOPICS)) {
                Api admin = Api.of(platform.url(Service.ASSESSMENT), Keycloak.demoUserToken("priya"));
                admin.send("DELETE", "/api/v1/participants/" + participantId, null).expect(204);

                // Each consumer applied the erasure, and what it caused reached its consumers.
                ConsumerRecord<String, byte[]> erased = awaitOne(events, "participant.erased.v1 of " + participantId,
                        keyed(participantId).and(TopicProbe.ofType(PARTICIPANT_ERASED)));
                for (Service consumer : List.of(Service.MATCHING, Service.NOTIFICATION, Service.MENTOR)) {
                    awaitProcessed(platform, consumer, erased);
                }
                ConsumerRecord<String, byte[]> ended = awaitOne(events, "match " + openMatch + " ENDED",
                        keyed(openMatch).and(TopicProbe.ofType(MATCH_STATUS_CHANGED))
                                .and(record -> "ENDED".equals(json(record).path("status").asText())));
                awaitProcessed(platform, Service.NOTIFICATION, ended);
                ConsumerRecord<String, byte[]> newProfile = awaitOne(events, "the excluding mentor's new profile",
                        keyed(excluding).and(TopicProbe.ofType(MENTOR_PROFILE_CHANGED)));
                awaitProcessed(platform, Service.MATCHING, newProfile);
                awaitOutboxesEmpty(platform);

                // The open match ended and gave its place back; the anonymous facts stay.
                List<Map<String, Object>> after = matchesOf(matching, participantId);
                assertThat(after).extracting(row -> row.get("status")).containsExactly("DECLINED", "ENDED");
                assertThat(after).extracting(row -> row.get("decline_reason")).containsOnlyNulls();
                assertThat(reserved(matching, inviting)).as("the mentor's reserved places")
                        .isEqualTo(reservedBefore - 1).isEqualTo(openMatches(matching, inviting));
                assertThat(json(ended).path("participantName").textValue()).isNull();
                assertThat(json(ended).path("participantEmail").textValue()).isNull();
                assertThat(matching.rows("select department, scores from report_participant where participant_id = ?",
                        participantId)).singleElement().satisfies(row -> assertThat(row)
                        .containsEntry("department", department).containsEntry("scores", null));
                assertThat(matching.rows("select exclusions::text as exclusions from mentor where id = ?", excluding))
                        .singleElement().satisfies(row -> assertThat(row.get("exclusions").toString())
                                .isEqualToIgnoringCase("{" + bystander.email() + "}"));
                Database assessment = platform.database(Service.ASSESSMENT);
                assertThat(assessment.count("select count(*) from assessment where participant_id = ?",
                        participantId)).as("assessments with answers and notes").isZero();
                assertThat(assessment.rows("select department, erased_at from participant where id = ?",
                        participantId)).singleElement().satisfies(row -> assertThat(row)
                        .containsEntry("department", department).doesNotContainEntry("erased_at", null));
                Database notification = platform.database(Service.NOTIFICATION);
                assertThat(notification.rows("select status from invitation where match_id = ?", openMatch))
                        .singleElement().isEqualTo(Map.of("status", "WITHDRAWN"));
                assertThat(notification.count("select count(*) from invitation_link l join invitation i"
                        + " on i.id = l.invitation_id where i.participant_id = ?", participantId)).isZero();

                // No text column of any table of any service holds the person; the bystander is all still there.
                Map<Service, Integer> columns = new EnumMap<>(Service.class);
                for (Service service : Service.values()) {
                    columns.put(service, PersonalDataScan.searchedColumns(platform.database(service).dataSource()));
                    assertThat(columns.get(service)).as("text columns of %s", service.database()).isGreaterThan(5);
                    assertThat(scan(platform, service, personalData)).as("personal data in %s after the erasure",
                            service.database()).isEmpty();
                }
                Map<Service, String> bystanderStays = Map.of(
                        Service.ASSESSMENT, "participant.name: " + bystander.name(),
                        Service.MENTOR, "mentor.exclusions: " + bystander.email(),
                        Service.MATCHING, "participant.name: " + bystander.name(),
                        Service.NOTIFICATION, "invitation.participant_name: " + bystander.name());
                bystanderStays.forEach((service, hit) -> assertThat(scan(platform, service,
                        List.of(bystander.name(), bystander.email()))).as("the bystander in %s", service.database())
                        .contains(hit));

                // Later: the mailed links open nothing, the old login is refused, nobody can match the person by
                // hand, and a second erasure publishes nothing more.
                assertThat(Browser.open(second.link("?answer=accept")).status()).isEqualTo(404);
                assertThat(Browser.open(first.link("?answer=decline")).status()).isEqualTo(404);
                Api.Answer restart = Api.of(platform.url(Service.ASSESSMENT), person.token())
                        .post("/api/v1/assessments", null);
                assertThat(restart.status()).as("a new assessment with the old login: %s", restart.text())
                        .isEqualTo(403);
                Api.Answer manual = Api.of(platform.url(Service.MATCHING), Keycloak.demoUserToken("priya"))
                        .post("/api/v1/matches", Map.of("participantId", participantId, "mentorId", inviting,
                                "override", Map.of("reason", "Try once more")));
                assertThat(manual.status()).as("a manual match: %s", manual.text()).isEqualTo(409);
                admin.send("DELETE", "/api/v1/participants/" + participantId, null).expect(204);
                awaitOutboxesEmpty(platform);

                // Every event published since the erasure, read up to the current end of every topic: the expected
                // ones are there, and none carries the person's data (payload, key or headers).
                List<ConsumerRecord<String, byte[]>> published = fromErasureOn.upToNow();
                assertThat(published.stream().filter(keyed(participantId).and(TopicProbe.ofType(PARTICIPANT_ERASED))))
                        .as("erasure events").hasSize(1);
                assertThat(published).anyMatch(record -> ceId(record).equals(ceId(ended)))
                        .anyMatch(record -> ceId(record).equals(ceId(newProfile)));
                Set<String> theirKeys = Set.of(participantId.toString(), openMatch.toString(),
                        matches.get(0).get("id").toString(), excluding.toString(), inviting.toString());
                assertThat(published).as("dead letters about the person")
                        .noneMatch(record -> record.topic().equals(DEAD_LETTERS) && theirKeys.contains(record.key()));
                List<String> leaks = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : published) {
                    String text = everything(record).toLowerCase(Locale.ROOT);
                    personalData.stream().filter(needle -> text.contains(needle.toLowerCase(Locale.ROOT)))
                            .forEach(needle -> leaks.add(record.topic() + " " + TopicProbe.header(record, "ce_type")
                                    + " " + record.key() + ": " + needle));
                }
                assertThat(leaks).as("personal data in the %d events published since the erasure", published.size())
                        .isEmpty();

                System.out.printf("%nErasure (run %s): participant %s erased; text columns searched: %s; %d events "
                                + "since the erasure, none naming them; bystander %s untouched.%n%n", run,
                        participantId, columns, published.size(), other.participantId());
            }
        } finally {
            keycloak.delete(users);
        }
    }

    /** An HR mentor strong (3-5) in every trait, offering every goal, English, near every participant's zone. */
    private static Map<String, Object> mentor(String run, int number, List<String> traits, List<String> exclusions) {
        Map<String, Integer> strengths = new LinkedHashMap<>();
        for (int i = 0; i < traits.size(); i++) {
            strengths.put(traits.get(i), 3 + (i + number) % 3);
        }
        Map<String, Object> mentor = new LinkedHashMap<>();
        mentor.put("externalId", "ER-%s-M%d".formatted(run, number));
        mentor.put("name", "Erasure Mentor %d %s".formatted(number, run));
        mentor.put("email", "erasure-mentor-%d-%s@platform.sparks.test".formatted(number, run));
        mentor.put("field", "BUSINESS");
        mentor.put("languages", List.of("en"));
        mentor.put("timeZone", "Europe/Berlin");
        mentor.put("bio", "Has led teams through growth and change.");
        mentor.put("strengths", strengths);
        mentor.put("offerings", List.of("CAREER_ADVICE", "NETWORKING", "RESUME_HELP", "SUPPORT_AND_INSIGHT"));
        mentor.put("capacity", 2);
        mentor.put("exclusions", exclusions);
        return mentor;
    }

    /** Every text-like column of every table of the service's database: "table.column: needle" per hit. */
    private static List<String> scan(Platform platform, Service service, List<String> needles) {
        return PersonalDataScan.findings(platform.database(service).dataSource(), needles);
    }

    private static List<Map<String, Object>> matchesOf(Database matching, UUID participantId) {
        return matching.rows("select id, mentor_id, status, decline_reason from match where participant_id = ?"
                + " order by proposed_at, id", participantId);
    }

    private static int reserved(Database matching, UUID mentor) {
        return (int) matching.count("select reserved from mentor where id = ?", mentor);
    }

    private static int openMatches(Database matching, UUID mentor) {
        return (int) matching.count("select count(*) from match where mentor_id = ?"
                + " and status in ('PROPOSED', 'INVITED', 'ACCEPTED')", mentor);
    }

    private static ConsumerRecord<String, byte[]> awaitOne(TopicProbe probe, String what,
            Predicate<ConsumerRecord<String, byte[]>> filter) {
        List<ConsumerRecord<String, byte[]>> found = probe.await(filter, 1, Eventually.PATIENCE);
        assertThat(found).as(what).isNotEmpty();
        return found.get(0);
    }

    /** The consumer's inbox recorded the event: its effect committed with it. */
    private static void awaitProcessed(Platform platform, Service consumer, ConsumerRecord<String, byte[]> event) {
        UUID id = UUID.fromString(ceId(event));
        Eventually.until(consumer.module() + " applied " + TopicProbe.header(event, "ce_type") + " " + id,
                () -> platform.database(consumer).count("select count(*) from processed_event where event_id = ?",
                        id) == 1);
    }

    /** Every event written so far has left for Kafka (the relay deletes a row once the broker acknowledged it). */
    private static void awaitOutboxesEmpty(Platform platform) {
        Eventually.until("every service's outbox relayed", () -> {
            for (Service service : Service.values()) {
                if (platform.database(service).count("select count(*) from outbox_event") != 0) {
                    return false;
                }
            }
            return true;
        });
    }

    private static Predicate<ConsumerRecord<String, byte[]>> keyed(UUID key) {
        return record -> key.toString().equals(record.key());
    }

    private static String ceId(ConsumerRecord<String, byte[]> record) {
        return TopicProbe.header(record, "ce_id");
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return Api.JSON.readTree(record.value());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON on " + record.topic() + ": " + TopicProbe.value(record), e);
        }
    }

    /** Key, headers and payload of a record as text, for searching. */
    private static String everything(ConsumerRecord<String, byte[]> record) {
        StringBuilder text = new StringBuilder(String.valueOf(record.key())).append('\n');
        for (Header header : record.headers()) {
            text.append(header.key()).append('=').append(header.value() == null ? ""
                    : new String(header.value(), StandardCharsets.UTF_8)).append('\n');
        }
        return text.append(TopicProbe.value(record)).toString();
    }
}
