package dev.sparks.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparks.common.testing.Metrics;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The program as its users live it (issue 8), on the packaged services: HR imports 50 mentors, 200 people take
 * the assessment, and each of them ends up with exactly one invitation in their real inbox or on the waiting list
 * with a reason, never beyond a mentor's capacity. Then the mails are used as people use them: an acceptance from
 * the link introduces participant and mentor, a new mentor takes the waiting list, and a decline from the link
 * brings an invitation with another mentor. (The new mentor comes before the decline: with every mentor full, a
 * decline could only send the participant to the waiting list.)
 *
 * <p>Every mentor offers every goal, speaks English and lives within an hour of every participant, so the policy's
 * minimum score never keeps anyone out: capacity alone decides who waits. The capacities (1 to 7, 197 places for
 * 200 people) make every mentor full and leave three people waiting.
 */
class PlatformFlowIT {

    static final int MENTORS = 50;
    static final int PARTICIPANTS = 200;
    static final String INVITATION = "your Sparks invitation";

    @Test
    void hrMentorsAndTwoHundredAssessmentsBecomeInvitationsWithinCapacity() throws Exception {
        Progress progress = new Progress();
        Keycloak keycloak = new Keycloak();
        CompletableFuture<List<TestUser>> people = new CompletableFuture<>();
        try (Platform platform = startWhileCreating(keycloak, people)) {
            progress.lap("platform ready");
            List<TestUser> participants = people.get();
            String run = platform.run();
            Api hr = Api.of(platform.url(Service.MENTOR), Keycloak.hrToken());
            Api admin = Api.of(platform.url(Service.MATCHING), Keycloak.demoUserToken("priya"));
            AssessmentTaker taker = AssessmentTaker.of(platform.url(Service.ASSESSMENT), participants.get(0).token());
            progress.lap(participants.size() + " people in Keycloak, signed in");

            // HR imports the mentors: varied strengths, capacities 1-7.
            List<Map<String, Object>> drafts = new ArrayList<>();
            Random random = new Random(8);
            for (int i = 1; i <= MENTORS; i++) {
                drafts.add(mentor(run, i, 1 + (i - 1) % 7, taker.traits(), random, 2));
            }
            Map<UUID, Integer> capacities = new HashMap<>();
            Map<String, Integer> capacityByName = new HashMap<>();
            JsonNode report = hr.post("/api/v1/mentor-imports", Map.of("mentors", drafts)).expect(200);
            assertThat(report.path("created").asInt()).as("import report %s", report).isEqualTo(MENTORS);
            for (JsonNode row : report.path("rows")) {
                Map<String, Object> draft = drafts.get(row.path("row").asInt() - 1);
                capacities.put(UUID.fromString(row.path("mentorId").asText()), (Integer) draft.get("capacity"));
                capacityByName.put((String) draft.get("name"), (Integer) draft.get("capacity"));
            }
            int places = capacities.values().stream().mapToInt(Integer::intValue).sum();
            progress.lap("HR imported " + MENTORS + " mentors");
            Eventually.until("matching-service knows all " + MENTORS + " mentors", () -> platform
                    .database(Service.MATCHING).count("select count(*) from mentor where id = any(?)",
                            capacities.keySet()) == MENTORS);

            // 200 participants take and complete the assessment, a few at a time.
            List<Completed> completed = takeAssessments(taker, participants);
            progress.lap(PARTICIPANTS + " assessments completed");
            Map<UUID, TestUser> byParticipantId = new HashMap<>();
            for (int i = 0; i < completed.size(); i++) {
                byParticipantId.put(completed.get(i).participantId(), participants.get(i));
            }
            long assessmentsIn = platform.database(Service.ASSESSMENT)
                    .count("select count(*) from assessment where status = 'COMPLETED'");
            assertThat(assessmentsIn).isEqualTo(PARTICIPANTS);

            // Matching decides for everyone: a match or the waiting list.
            Set<UUID> participantIds = byParticipantId.keySet();
            Eventually.until("a match or a waiting-list place for all " + PARTICIPANTS, () -> platform
                    .database(Service.MATCHING).count("select count(distinct p) from ("
                            + "select participant_id p from match where participant_id = any(?) union all "
                            + "select participant_id from waiting_list where participant_id = any(?)) decided",
                            participantIds, participantIds) == PARTICIPANTS);
            int expectedMatches = Math.min(PARTICIPANTS, places);
            long firstRoundMatches = platform.database(Service.MATCHING)
                    .count("select count(*) from match where participant_id = any(?)", participantIds);
            Eventually.until(expectedMatches + " invitation mails sent",
                    () -> invitationsSent(platform) >= expectedMatches);

            progress.lap("matching decided, invitations sent");

            // Every participant: exactly one invitation in the inbox, or on the waiting list with a reason.
            Map<String, JsonNode> waiting = waitingList(admin);
            Predicate<Mail> ourInvitation = invitationsOf(platform);
            Map<TestUser, List<Mail>> invitations = new LinkedHashMap<>();
            for (TestUser participant : participants) {
                invitations.put(participant, Mailbox.inbox(participant.email(), ourInvitation));
            }
            List<TestUser> invited = new ArrayList<>();
            List<TestUser> onWaitingList = new ArrayList<>();
            for (TestUser participant : participants) {
                List<Mail> mails = invitations.get(participant);
                JsonNode entry = waiting.get(participant.email());
                if (entry == null) {
                    assertThat(mails).as("invitations to %s, who is not waiting", participant.email()).hasSize(1);
                    invited.add(participant);
                } else {
                    assertThat(mails).as("invitations to %s, who is waiting", participant.email()).isEmpty();
                    assertThat(entry.path("reason").asText()).as("why %s waits", participant.email()).isNotBlank();
                    onWaitingList.add(participant);
                }
            }
            assertThat(invited).hasSize(expectedMatches);
            assertThat(onWaitingList).hasSize(PARTICIPANTS - expectedMatches).isNotEmpty();

            // No mentor over capacity: neither in the invitations people received nor in what matching holds.
            Map<String, Long> invitationsPerMentor = invited.stream()
                    .map(participant -> mentorNameOf(invitations.get(participant).get(0)))
                    .collect(Collectors.groupingBy(name -> name, Collectors.counting()));
            invitationsPerMentor.forEach((mentor, count) -> assertThat(count).as("invitations from %s", mentor)
                    .isLessThanOrEqualTo(capacityByName.get(mentor)));
            assertWithinCapacity(platform, capacities);
            String waitingReason = waiting.get(onWaitingList.get(0).email()).path("reason").asText();

            progress.lap("inboxes and waiting list read");

            // Accept from the mail: the page's form, then the match is ACCEPTED and both get introduced.
            TestUser accepting = invited.get(0);
            Mail acceptMail = invitations.get(accepting).get(0);
            String acceptedMentor = mentorNameOf(acceptMail);
            Browser.Page invitationPage = Browser.open(acceptMail.link("?answer=accept"));
            assertThat(invitationPage.status()).isEqualTo(200);
            assertThat(invitationPage.text()).contains(acceptedMentor);
            Browser.Page outcome = invitationPage.submit("#accept", Map.of());
            assertThat(outcome.title()).isEqualTo("Invitation accepted");
            Eventually.until(accepting.email() + "'s match ACCEPTED", () -> ownMatches(platform, accepting).stream()
                    .anyMatch(match -> match.path("status").asText().equals("ACCEPTED")));
            Mailbox.await(accepting.email(), Mailbox.subjectContains("Meet your mentor, " + acceptedMentor), 1);
            Mailbox.await(mentorEmail(drafts, acceptedMentor),
                    Mailbox.subjectContains("Meet your mentee, " + accepting.name()), 1);

            progress.lap("accepted from the mail, introductions received");

            // A new mentor drains the waiting list: everyone waiting gets an invitation from them.
            Map<String, Object> newcomer = mentor(run, MENTORS + 1, 10, taker.traits(), random, 5);
            JsonNode added = hr.post("/api/v1/mentor-imports", Map.of("mentors", List.of(newcomer))).expect(200);
            assertThat(added.path("created").asInt()).isEqualTo(1);
            capacities.put(UUID.fromString(added.path("rows").get(0).path("mentorId").asText()), 10);
            Eventually.until("an empty waiting list", () -> waitingList(admin).isEmpty());
            for (TestUser drained : onWaitingList) {
                List<Mail> mails = awaitInvitations(platform, drained, 1);
                assertThat(mails).hasSize(1);
                assertThat(mentorNameOf(mails.get(0))).isEqualTo(newcomer.get("name"));
            }

            progress.lap("waiting list drained by a new mentor");

            // Decline from the mail: the decline form, then an invitation with another mentor.
            TestUser declining = invited.get(1);
            Mail declineMail = invitations.get(declining).get(0);
            Browser.Page declinePage = Browser.open(declineMail.link("?answer=decline"));
            Browser.Page declined = declinePage.submit("#decline", Map.of("reason", "Our schedules do not fit."));
            assertThat(declined.title()).isEqualTo("Invitation declined");
            List<Mail> secondRound = awaitInvitations(platform, declining, 2);
            assertThat(secondRound).hasSize(2);
            assertThat(secondRound.stream().map(PlatformFlowIT::mentorNameOf).distinct()).hasSize(2);
            Eventually.until(declining.email() + "'s first match DECLINED", () -> ownMatches(platform, declining)
                    .stream().anyMatch(match -> match.path("status").asText().equals("DECLINED")));
            assertWithinCapacity(platform, capacities);
            progress.lap("declined from the mail, invited to another mentor");

            long matches = platform.database(Service.MATCHING).count(
                    "select count(*) from match where participant_id = any(?)", participantIds);
            long sent = invitationsSent(platform);
            System.out.printf("%nPlatform flow (run %s): %d mentors with %d places; %d assessments in; "
                            + "first round %d matches, %d invitations, %d waiting (\"%s\"); after a new mentor, an "
                            + "acceptance and a decline: %d matches, %d invitation mails, %d waiting.%n%n",
                    run, MENTORS, places, assessmentsIn, firstRoundMatches, invited.size(), onWaitingList.size(),
                    waitingReason, matches, sent, waitingList(admin).size());

            assertBusinessMetrics(platform, participantIds);
            progress.lap("business metrics on /q/metrics agree with the databases");
        } finally {
            if (!people.isCompletedExceptionally()) {
                keycloak.delete(people.get());
            }
        }
    }

    /** Prints how long each phase took, so a slow run shows where its time went. */
    private static final class Progress {
        private final long start = System.nanoTime();
        private long last = start;

        void lap(String what) {
            long now = System.nanoTime();
            System.out.printf("[platform flow %6.1f s, +%5.1f s] %s%n", (now - start) / 1e9, (now - last) / 1e9, what);
            last = now;
        }
    }

    /** Keycloak hashes 200 passwords while the four services start: both take a while, neither needs the other. */
    private static Platform startWhileCreating(Keycloak keycloak, CompletableFuture<List<TestUser>> people) {
        String prefix = "pf-" + UUID.randomUUID().toString().substring(0, 6);
        Thread creator = new Thread(() -> {
            try {
                people.complete(keycloak.createUsers(prefix, "participant", PARTICIPANTS));
            } catch (RuntimeException e) {
                people.completeExceptionally(e);
            }
        }, "keycloak-users");
        creator.start();
        return Platform.start();
    }

    private static List<Completed> takeAssessments(AssessmentTaker taker, List<TestUser> participants)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Completed>> futures = new ArrayList<>();
            for (int i = 0; i < participants.size(); i++) {
                TestUser participant = participants.get(i);
                long seed = 1000 + i;
                // Most speak only English; some also German or French.
                List<String> languages = i % 5 == 0 ? List.of("en", "de") : i % 7 == 0 ? List.of("en", "fr")
                        : List.of("en");
                futures.add(pool.submit(() -> taker.complete(participant, seed, languages)));
            }
            List<Completed> completed = new ArrayList<>();
            for (Future<Completed> future : futures) {
                completed.add(future.get());
            }
            return completed;
        } finally {
            pool.shutdownNow();
        }
    }

    /** An HR profile: strengths vary from {@code lowest} to 5, every goal offered, English spoken. */
    private static Map<String, Object> mentor(String run, int number, int capacity, List<String> traits,
            Random random, int lowest) {
        Map<String, Integer> strengths = new LinkedHashMap<>();
        for (String trait : traits) {
            strengths.put(trait, lowest + random.nextInt(6 - lowest));
        }
        List<String> fields = List.of("BUSINESS", "HEALTHCARE", "EDUCATION", "TECHNOLOGY", "OTHER");
        Map<String, Object> mentor = new LinkedHashMap<>();
        mentor.put("externalId", "PF-%s-M%02d".formatted(run, number));
        mentor.put("name", "Mentor %02d %s".formatted(number, run));
        mentor.put("email", "mentor-%02d-%s@platform.sparks.test".formatted(number, run));
        mentor.put("field", fields.get(number % fields.size()));
        mentor.put("seniority", "Director");
        mentor.put("languages", number % 3 == 0 ? List.of("en", "de") : List.of("en"));
        mentor.put("timeZone", AssessmentTaker.TIME_ZONES.get(number % AssessmentTaker.TIME_ZONES.size()));
        mentor.put("bio", "Has led teams through growth and change.");
        mentor.put("strengths", strengths);
        mentor.put("offerings", List.of("CAREER_ADVICE", "NETWORKING", "RESUME_HELP", "SUPPORT_AND_INSIGHT"));
        mentor.put("capacity", capacity);
        return mentor;
    }

    /**
     * This platform's invitation mails. Each carries the id of its notification in its Message-ID, and the
     * notification names its match: only mails for matches that this platform's matching-service made count.
     * (Another platform reading the same topics, e.g. one left running by deploy/local/run, proposes matches of
     * its own for the same people, and this platform's notification-service mails those too.)
     */
    private static Predicate<Mail> invitationsOf(Platform platform) {
        Set<Object> matches = platform.database(Service.MATCHING).rows("select id from match").stream()
                .map(row -> row.get("id")).collect(Collectors.toSet());
        Map<String, Object> matchOfNotification = new HashMap<>();
        platform.database(Service.NOTIFICATION).rows("select id, match_id from notification where kind = 'INVITATION'")
                .forEach(row -> matchOfNotification.put(row.get("id").toString(), row.get("match_id")));
        return mail -> mail.subject().contains(INVITATION) && mail.messageId() != null
                && matches.contains(matchOfNotification.get(mail.messageId().replaceAll("^<|@.*$", "")));
    }

    /** Invitation mails the SMTP server accepted for this platform's matches. */
    private static long invitationsSent(Platform platform) {
        List<Object> matches = platform.database(Service.MATCHING).rows("select id from match").stream()
                .map(row -> row.get("id")).toList();
        return platform.database(Service.NOTIFICATION).count("select count(*) from notification"
                + " where kind = 'INVITATION' and status = 'SENT' and match_id = any(?)", matches);
    }

    private static List<Mail> awaitInvitations(Platform platform, TestUser participant, int count) {
        return Eventually.value(count + " invitation(s) to " + participant.email(),
                () -> Mailbox.inbox(participant.email(), invitationsOf(platform)), mails -> mails.size() >= count);
    }

    private static String mentorEmail(List<Map<String, Object>> drafts, String name) {
        return drafts.stream().filter(draft -> draft.get("name").equals(name)).findFirst()
                .map(draft -> (String) draft.get("email")).orElseThrow();
    }

    /** "Mentor 07 ab12cd34 would like to mentor you: your Sparks invitation" names the mentor first. */
    private static String mentorNameOf(Mail invitation) {
        return invitation.subject().substring(0, invitation.subject().indexOf(" would like to mentor you"));
    }

    /** The waiting list as a program-admin reads it, by e-mail. */
    private static Map<String, JsonNode> waitingList(Api admin) {
        JsonNode page = admin.get("/api/v1/waiting-list?status=WAITING&size=200").expect(200);
        Map<String, JsonNode> byEmail = new HashMap<>();
        page.path("items").forEach(entry -> byEmail.put(entry.path("email").asText(), entry));
        return byEmail;
    }

    private static List<JsonNode> ownMatches(Platform platform, TestUser participant) {
        JsonNode page = Api.of(platform.url(Service.MATCHING), participant.token()).get("/api/v1/matches")
                .expect(200);
        List<JsonNode> matches = new ArrayList<>();
        page.path("items").forEach(matches::add);
        return matches;
    }

    /**
     * After the flow, each service's {@code /q/metrics} (scraped without a token, as Prometheus does) shows what
     * happened, figure for figure with the databases: these processes started with the platform and saw only this
     * flow. Gauges and counters updated after a commit are waited for; the outbox backlog drains to 0 and the
     * consumer groups catch up.
     */
    private static void assertBusinessMetrics(Platform platform, Set<UUID> participantIds) {
        Metrics assessment = scrape(platform, Service.ASSESSMENT);
        assertThat(assessment.has("sparks_assessments_started_total")).as("assessments started published").isTrue();
        assertThat(assessment.value("sparks_assessments_started_total")).as("assessments started")
                .isEqualTo(PARTICIPANTS);
        assertThat(assessment.value("sparks_assessments_completed_total")).as("assessments completed")
                .isEqualTo(PARTICIPANTS);

        Database matching = platform.database(Service.MATCHING);
        long proposed = matching.count("select count(*) from match");
        assertThat(proposed).isEqualTo(matching.count("select count(*) from match where participant_id = any(?)",
                participantIds));
        Map<String, Long> byStatus = new HashMap<>();
        matching.rows("select status, count(*) n from match group by status").forEach(row -> byStatus
                .put(row.get("status").toString().toLowerCase(), ((Number) row.get("n")).longValue()));
        Eventually.until("matching's counters agree with its matches " + byStatus, () -> {
            Metrics metrics = scrape(platform, Service.MATCHING);
            return metrics.value("sparks_matches_proposed_total") == proposed
                    && metrics.value("sparks_matches_accepted_total") == 1
                    && metrics.value("sparks_matches_declined_total") == 1
                    && metrics.has("sparks_matches_expired_total")
                    && metrics.value("sparks_matches_expired_total") == 0
                    && metrics.has("sparks_waiting_list_size") && metrics.value("sparks_waiting_list_size") == 0;
        });
        assertThat(byStatus).containsEntry("accepted", 1L).containsEntry("declined", 1L);

        Database notification = platform.database(Service.NOTIFICATION);
        long invitationsMailed = notification.count("select count(*) from notification where kind = 'INVITATION'"
                + " and status = 'SENT'");
        long timed = notification.count("select count(*) from notification n join invitation i on i.match_id ="
                + " n.match_id where n.kind = 'INVITATION' and n.status = 'SENT' and i.assessment_completed_at"
                + " is not null");
        assertThat(invitationsMailed).isEqualTo(proposed);
        assertThat(timed).as("invitations that know their completion time").isEqualTo(invitationsMailed);
        Eventually.until("notification's counters agree with its sent mail", () -> {
            Metrics metrics = scrape(platform, Service.NOTIFICATION);
            return metrics.value("sparks_notifications_sent_total", Map.of("kind", "INVITATION")) == invitationsMailed
                    && metrics.value("sparks_notifications_sent_total", Map.of("kind", "INTRODUCTION_PARTICIPANT")) == 1
                    && metrics.value("sparks_notifications_sent_total", Map.of("kind", "INTRODUCTION_MENTOR")) == 1
                    && metrics.value("sparks_completion_to_invitation_seconds_count") == timed;
        });
        Metrics mails = scrape(platform, Service.NOTIFICATION);
        assertThat(mails.has("sparks_notifications_failed_total")).as("mails given up on, published").isTrue();
        assertThat(mails.value("sparks_notifications_failed_total")).as("mails given up on").isZero();
        assertThat(mails.value("sparks_completion_to_invitation_seconds_sum")).as("time from completion to invitation")
                .isPositive();

        for (Service service : Service.values()) {
            Eventually.until(service + ": outbox drained and consumers caught up on /q/metrics", () -> {
                Metrics metrics = scrape(platform, service);
                boolean drained = metrics.has("sparks_outbox_backlog") && metrics.value("sparks_outbox_backlog") == 0
                        && metrics.has("sparks_outbox_oldest_age_seconds");
                // lag is never negative: a sum of 0 means every group and topic has caught up
                boolean caughtUp = metrics.value("sparks_consumer_lag") == 0;
                boolean ownGroups = service == Service.ASSESSMENT
                        || metrics.has("sparks_consumer_lag", Map.of("group", platform.groupId(service)));
                return drained && caughtUp && ownGroups;
            });
        }
    }

    /** A service's {@code /q/metrics} as Prometheus scrapes it: no token. */
    private static Metrics scrape(Platform platform, Service service) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create(platform.url(service) + "/q/metrics")).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET /q/metrics of %s", service).isEqualTo(200);
            return Metrics.of(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET /q/metrics of " + service + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Per mentor, the matches holding capacity never exceed it, and matching's own count agrees. */
    private static void assertWithinCapacity(Platform platform, Map<UUID, Integer> capacities) {
        for (Map<String, Object> row : platform.database(Service.MATCHING).rows("select m.id, m.reserved,"
                + " (select count(*) from match where mentor_id = m.id and status in ('PROPOSED', 'INVITED',"
                + " 'ACCEPTED')) as open from mentor m where m.id = any(?)", capacities.keySet())) {
            int capacity = capacities.get((UUID) row.get("id"));
            long open = ((Number) row.get("open")).longValue();
            assertThat(open).as("open matches of mentor %s", row.get("id")).isLessThanOrEqualTo(capacity);
            assertThat(((Number) row.get("reserved")).longValue()).as("reserved of %s", row.get("id"))
                    .isEqualTo(open);
        }
    }
}
