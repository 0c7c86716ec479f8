package dev.sparks.matching;

import static dev.sparks.matching.MatchingFlowTest.PATIENCE;
import static dev.sparks.matching.MatchingFlowTest.awaitMatch;
import static dev.sparks.matching.MatchingFlowTest.waiting;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparks.common.events.AssessmentCompletedV1;
import dev.sparks.common.events.AssessmentStartedV1;
import dev.sparks.common.events.InvitationRespondedV1;
import dev.sparks.common.events.InvitationSentV1;
import dev.sparks.common.events.MentorProfileChangedV1;
import dev.sparks.common.events.ParticipantRegisteredV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.model.Availability;
import dev.sparks.common.model.Behaviour;
import dev.sparks.common.model.Dimension;
import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.GrowthArea;
import dev.sparks.common.model.Side;
import dev.sparks.common.model.Trait;
import dev.sparks.common.testing.Tokens;
import dev.sparks.matching.domain.Mentor;
import dev.sparks.matching.domain.MentorRepository;
import dev.sparks.matching.report.ProgramReport;
import dev.sparks.matching.testing.EventFeed;
import dev.sparks.matching.testing.Eventually;
import dev.sparks.matching.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The program report over a known program fed through the real broker: registrations, starts and completions as
 * assessment-service publishes them, invitations and answers as notification-service does, an admin's withdrawal
 * through the API. Every participant figure is checked exactly for several filters (the expected figures come from
 * the scenario, computed here by the documented definitions); the mentor figures are the scenario's mentors plus
 * whatever other tests' mentors the shared database holds, read from the read model at the same moment.
 *
 * <p>The participants live in two departments of their own and speak a language of their own, so other tests'
 * events on the shared topics reach neither their figures nor their mentors.
 */
@QuarkusTest
class ProgramReportTest {

    private static final ObjectMapper JSON = EventFeed.JSON.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final List<Trait> GROWTH = TestEvents.GROWTH;
    private static final Instant FAR_FUTURE = Instant.parse("2099-01-01T00:00:00Z");
    /**
     * Bounds the first wait, behind whatever other modules' tests left on the shared topics since the consumer group
     * last ran (ten thousand mentor profiles were seen).
     */
    private static final Duration CATCH_UP = Duration.ofMinutes(15);

    static EventFeed feed;

    @Inject
    MentorRepository mentorRepository;

    @BeforeAll
    static void connect() {
        feed = EventFeed.connect();
    }

    @AfterAll
    static void disconnect() {
        feed.close();
    }

    enum Status { INVITED_TO_ASSESS, IN_PROGRESS, COMPLETED, MATCHED, WAITING, ACCEPTED, DECLINED }

    /** One participant of the scenario and what the report must make of them; {@code statusAt} null = "now". */
    static final class Person {
        final UUID id = UUID.randomUUID();
        final String name;
        final String department;
        final Instant registeredAt;
        Instant startedAt;
        Instant completedAt;
        List<Trait> growth = GROWTH;
        Map<Trait, Integer> scores;
        Status status = Status.INVITED_TO_ASSESS;
        Instant statusAt;
        boolean matched;
        Instant invitedAt;
        Instant acceptedAt;

        Person(String name, String department, String registeredAt) {
            this.name = name;
            this.department = department;
            this.registeredAt = Instant.parse(registeredAt);
            this.statusAt = this.registeredAt;
        }
    }

    @Test
    void everyFigureOfAKnownProgramForSeveralFilters() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String deptA = "Report Finance " + suffix;
        String deptB = "Sales, EMEA " + suffix; // a comma: the CSV must quote it
        String language = TestEvents.uniqueLanguage();
        String nobodysLanguage = TestEvents.uniqueLanguage();

        // mentors: six alike who take mentees, one paused, one retired
        List<MentorProfileChangedV1> mine = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            mine.add(mentor(language, Field.TECHNOLOGY, 1, Availability.ACCEPTING, strengths(GROWTH, 5)));
        }
        mine.add(mentor(language, Field.HEALTHCARE, 2, Availability.PAUSED,
                strengths(List.of(Trait.DEVELOPING_PEOPLE_LEADERSHIP), 4)));
        mine.add(mentor(language, Field.EDUCATION, 3, Availability.RETIRED, strengths(List.of(Trait.values()), 5)));
        mine.forEach(feed::mentor);
        Set<UUID> mineIds = mine.stream().map(MentorProfileChangedV1::mentorId).collect(Collectors.toSet());
        Eventually.until("the scenario's mentors known", () -> QuarkusTransaction.requiringNew()
                .call(() -> mentorRepository.count("id in ?1", mineIds) == mineIds.size()), CATCH_UP);

        Person a1 = new Person("a1", deptA, "2025-02-10T09:00:00Z");
        Person a2 = started(new Person("a2", deptA, "2025-02-10T09:00:00Z"), "2025-03-05T10:00:00Z");
        Person a3 = started(new Person("a3", deptA, "2025-02-11T09:00:00Z"), "2025-03-09T08:00:00Z");
        Person a4 = started(new Person("a4", deptA, "2025-02-11T09:00:00Z"), "2025-03-11T08:00:00Z");
        Person a5 = started(new Person("a5", deptA, "2025-02-12T09:00:00Z"), "2025-03-14T08:00:00Z");
        Person a6 = started(new Person("a6", deptA, "2025-02-12T09:00:00Z"), "2025-03-30T08:00:00Z");
        Person a7 = started(new Person("a7", deptA, "2025-02-13T09:00:00Z"), "2025-03-19T08:00:00Z");
        Person a8 = started(new Person("a8", deptA, "2025-02-13T09:00:00Z"), "2025-03-24T08:00:00Z");
        Person b1 = started(new Person("b1", deptB, "2025-04-20T09:00:00Z"), "2025-04-30T08:00:00Z");
        Person b2 = started(new Person("b2", deptB, "2025-04-20T09:00:00Z"), "2025-05-03T00:00:00Z");
        List<Person> people = List.of(a1, a2, a3, a4, a5, a6, a7, a8, b1, b2);
        for (Person person : people) {
            feed.publish(Topics.PARTICIPANTS, person.id.toString(), ParticipantRegisteredV1.TYPE,
                    new ParticipantRegisteredV1(person.id, person.department, person.registeredAt), UUID.randomUUID());
            if (person.startedAt != null) {
                feed.publish(Topics.ASSESSMENTS, person.id.toString(), AssessmentStartedV1.TYPE,
                        new AssessmentStartedV1(UUID.randomUUID(), person.id, person.department, "2026.1",
                                person.startedAt), UUID.randomUUID());
            }
        }

        // a3: proposed, then withdrawn by an admin: completed, no mentor
        a3.growth = withExtra(Trait.DEVELOPING_PEOPLE_LEADERSHIP);
        String a3Match = complete(a3, "2025-03-10T00:00:00Z", language);
        given().auth().oauth2(Tokens.user("priya")).contentType("application/json")
                .body(Map.of("reason", "withdrawn for the report test")).post("/api/v1/matches/{id}/end", a3Match)
                .then().statusCode(200).body("status", equalTo("ENDED"));
        a3.status = Status.COMPLETED;
        a3.statusAt = a3.completedAt;

        // a4: invited, no answer yet
        String a4Match = complete(a4, "2025-03-12T00:00:00Z", language);
        invite(a4, a4Match, "2025-03-13T12:00:00Z");
        a4.status = Status.MATCHED;
        a4.statusAt = null;

        // a5, a6, b1: invited and accepted
        a5.growth = withExtra(Trait.MODEL_LEADERSHIP);
        accept(a5, complete(a5, "2025-03-15T00:00:00Z", language), "2025-03-16T00:00:00Z", "2025-03-18T00:00:00Z");
        accept(a6, complete(a6, "2025-04-01T00:00:00Z", language), "2025-04-03T00:00:00Z", "2025-04-05T00:00:00Z");

        // a7: declines three proposals (no invitation sent) and lands in the manual queue
        a7.growth = withExtra(Trait.DEVELOPING_PEOPLE_LEADERSHIP);
        complete(a7, "2025-03-20T00:00:00Z", language);
        Set<String> declined = new HashSet<>();
        for (String day : List.of("2025-03-21T00:00:00Z", "2025-03-22T00:00:00Z", "2025-03-23T00:00:00Z")) {
            String match = openMatchOtherThan(a7, declined);
            declined.add(match);
            feed.publish(Topics.INVITATIONS, match, InvitationRespondedV1.TYPE,
                    new InvitationRespondedV1(UUID.randomUUID(), UUID.fromString(match), a7.id,
                            InvitationRespondedV1.Answer.DECLINED, "not now", Instant.parse(day)), UUID.randomUUID());
            a7.statusAt = Instant.parse(day);
        }
        Eventually.until("a7 in the manual queue", () -> {
            JsonPath row = waiting(a7.id);
            return row != null && "MANUAL".equals(row.getString("status"));
        }, PATIENCE);
        a7.status = Status.DECLINED;

        // a8: speaks a language no mentor speaks: waiting
        a8.growth = List.of(Trait.DEVELOPING_PEOPLE_LEADERSHIP, Trait.SPEAK_UP);
        publishCompletion(a8, "2025-03-25T00:00:00Z", nobodysLanguage);
        Eventually.until("a8 waiting", () -> {
            JsonPath row = waiting(a8.id);
            return row != null && "WAITING".equals(row.getString("status"));
        }, PATIENCE);
        a8.status = Status.WAITING;
        a8.statusAt = null;

        accept(b1, complete(b1, "2025-05-01T00:00:00Z", language), "2025-05-01T06:00:00Z", "2025-05-02T00:00:00Z");

        // a notification-service running beside the tests may invite before the feed does: the first invitation
        // is whatever the matches recorded
        people.stream().filter(p -> p.matched).forEach(ProgramReportTest::observeFirstInvitation);
        Scenario scenario = new Scenario(people, mine);

        // department A over all time, spelt out once so the computed expectations are seen to be right
        ProgramReport all = scenario.awaitReport(new Filter(null, null, List.of(deptA)));
        assertThat(all.participants()).isEqualTo(new ProgramReport.Participants(8, 1, 1, 1, 1, 1, 2, 1));
        assertThat(all.conversion()).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo,
                BigDecimal.class).isEqualTo(new ProgramReport.Conversion(6, 5, 2, new BigDecimal("0.8333"),
                new BigDecimal("0.4")));
        assertThat(all.timeToAcceptance()).isEqualTo(new ProgramReport.TimeTo(2, 302_400L, "PT84H"));
        ProgramReport.GrowthAreaSupply developing = all.growthAreas().stream()
                .filter(area -> area.trait() == Trait.DEVELOPING_PEOPLE_LEADERSHIP).findFirst().orElseThrow();
        assertThat(developing.demand()).isEqualTo(3);
        assertThat(developing.unmetDemand()).isEqualTo(3);
        assertThat(developing.strongMentors()).isGreaterThanOrEqualTo(1);

        // March 2025: a2 started, a3 completed, a5 accepted, a7 declined in it; a6 completed on 1 April at 00:00
        ProgramReport march = scenario.awaitReport(new Filter("2025-03-01", "2025-03-31", List.of(deptA)));
        assertThat(march.participants()).isEqualTo(new ProgramReport.Participants(4, 0, 1, 1, 0, 0, 1, 1));
        assertThat(march.conversion().completed()).isEqualTo(5);
        assertThat(march.timeToAcceptance()).isEqualTo(new ProgramReport.TimeTo(1, 259_200L, "PT72H"));

        ProgramReport both = scenario.awaitReport(new Filter(null, null, List.of(deptA, deptB)));
        assertThat(both.participants().total()).isEqualTo(10);
        scenario.awaitReport(new Filter("2025-04-01", null, List.of(deptA, deptB)));
        ProgramReport empty = scenario.awaitReport(new Filter(null, "2025-04-30", List.of(deptB)));
        assertThat(empty.conversion().matchRate()).isNull();
        assertThat(empty.timeToAcceptance().medianSeconds()).isNull();
        assertThat(empty.scores().participants()).isZero();

        // the same reports as CSV, row by row
        for (Filter filter : List.of(new Filter(null, null, List.of(deptA)),
                new Filter("2025-03-01", "2025-03-31", List.of(deptA)),
                new Filter(null, "2025-04-30", List.of(deptB)), new Filter(null, null, List.of(deptA, deptB)))) {
            scenario.awaitCsv(filter);
        }

        // no department: everyone the shared database holds, at least the scenario's ten
        JsonPath everyone = given().auth().oauth2(Tokens.user("priya")).get("/api/v1/reports/program").then()
                .statusCode(200).extract().jsonPath();
        assertThat(everyone.getLong("participants.total")).isGreaterThanOrEqualTo(10);
        assertThat(everyone.getList("filters.departments")).isEmpty();
    }

    @Test
    void onlyProgramAdminsAndHrMayReadIt() {
        given().get("/api/v1/reports/program").then().statusCode(401)
                .contentType("application/problem+json");
        for (String user : List.of("ada", "maya")) {
            given().auth().oauth2(Tokens.user(user)).get("/api/v1/reports/program").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.user("priya")).get("/api/v1/reports/program").then().statusCode(200)
                .contentType("application/json");
        given().auth().oauth2(Tokens.user("hal")).accept("text/csv").get("/api/v1/reports/program").then()
                .statusCode(200).contentType(containsString("text/csv"))
                .body(containsString("section,subject,measure,value\r\n"));
        given().auth().oauth2(Tokens.hrClient()).get("/api/v1/reports/program").then().statusCode(200);
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() {
        RequestSpecification admin = given().auth().oauth2(Tokens.user("priya"));
        admin.queryParam("from", "2025-02-30").get("/api/v1/reports/program").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("from")));
        given().auth().oauth2(Tokens.user("priya")).queryParam("to", "31/03/2025").get("/api/v1/reports/program")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("to")));
        given().auth().oauth2(Tokens.user("priya")).queryParam("from", "2025-04-01").queryParam("to", "2025-03-31")
                .get("/api/v1/reports/program").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("to")))
                .body("errors.message", hasItem(containsString("before from")));
        given().auth().oauth2(Tokens.user("priya")).queryParam("department", "Finance")
                .queryParam("department", " ").get("/api/v1/reports/program").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("department")));
        given().auth().oauth2(Tokens.user("priya")).queryParam("department", "x".repeat(201))
                .get("/api/v1/reports/program").then().statusCode(400)
                .body("errors.field", equalTo(List.of("department")));
        given().auth().oauth2(Tokens.user("priya")).accept("application/xml").get("/api/v1/reports/program")
                .then().statusCode(406).contentType("application/problem+json");
    }

    // ------------------------------------------------------------------ the scenario's steps

    private static Person started(Person person, String startedAt) {
        person.startedAt = Instant.parse(startedAt);
        person.status = Status.IN_PROGRESS;
        person.statusAt = person.startedAt;
        return person;
    }

    private static List<Trait> withExtra(Trait extra) {
        List<Trait> growth = new ArrayList<>(GROWTH);
        growth.add(extra);
        return growth;
    }

    /** Publishes the completion and returns the proposal it led to. */
    private static String complete(Person person, String completedAt, String language) {
        publishCompletion(person, completedAt, language);
        person.matched = true;
        person.status = Status.MATCHED;
        person.statusAt = null;
        return awaitMatch(person.id, "PROPOSED").getString("id");
    }

    private static void publishCompletion(Person person, String completedAt, String language) {
        person.completedAt = Instant.parse(completedAt);
        person.scores = new EnumMap<>(Trait.class);
        int seed = person.name.hashCode();
        for (Trait trait : Trait.values()) {
            person.scores.put(trait, Math.floorMod(seed + 37 * trait.ordinal(), 101));
        }
        List<GrowthArea> areas = new ArrayList<>();
        for (int i = 0; i < person.growth.size(); i++) {
            Trait trait = person.growth.get(i);
            areas.add(new GrowthArea(i + 1, trait, person.scores.get(trait), "rank " + (i + 1)));
        }
        feed.completed(new AssessmentCompletedV1(UUID.randomUUID(), person.id, null, "Participant " + person.name,
                TestEvents.uniqueEmail(person.name), "2026.1", person.scores, "ADAPTIVE", areas,
                List.of(Goal.CAREER_ADVICE, Goal.NETWORKING),
                new AssessmentCompletedV1.Preferences(Field.TECHNOLOGY, List.of(language), "Europe/Berlin", null),
                person.completedAt));
    }

    private static void invite(Person person, String match, String sentAt) {
        feed.publish(Topics.INVITATIONS, match, InvitationSentV1.TYPE, new InvitationSentV1(UUID.randomUUID(),
                UUID.fromString(match), person.id, "<" + UUID.randomUUID() + "@test>", Instant.parse(sentAt),
                FAR_FUTURE), UUID.randomUUID());
        awaitMatch(person.id, "INVITED");
        person.invitedAt = Instant.parse(sentAt);
    }

    private static void accept(Person person, String match, String sentAt, String acceptedAt) {
        invite(person, match, sentAt);
        feed.publish(Topics.INVITATIONS, match, InvitationRespondedV1.TYPE,
                new InvitationRespondedV1(UUID.randomUUID(), UUID.fromString(match), person.id,
                        InvitationRespondedV1.Answer.ACCEPTED, null, Instant.parse(acceptedAt)), UUID.randomUUID());
        awaitMatch(person.id, "ACCEPTED");
        person.acceptedAt = Instant.parse(acceptedAt);
        person.status = Status.ACCEPTED;
        person.statusAt = person.acceptedAt;
    }

    private static void observeFirstInvitation(Person person) {
        List<String> invited = given().auth().oauth2(Tokens.user("priya")).queryParam("participantId", person.id)
                .queryParam("size", 200).get("/api/v1/matches").then().statusCode(200).extract().jsonPath()
                .getList("items.invitedAt", String.class);
        person.invitedAt = invited.stream().filter(Objects::nonNull).map(Instant::parse).min(Comparator.naturalOrder())
                .orElse(null);
    }

    private static String openMatchOtherThan(Person person, Set<String> seen) {
        return Eventually.until("a new proposal for " + person.name, () -> {
            String id = awaitMatch(person.id, "PROPOSED").getString("id");
            return seen.contains(id) ? null : id;
        }, PATIENCE);
    }

    private static MentorProfileChangedV1 mentor(String language, Field field, int capacity,
            Availability availability, Map<Trait, Integer> strengths) {
        UUID id = UUID.randomUUID();
        return new MentorProfileChangedV1(id, "EXT-" + id, "Mentor " + id.toString().substring(0, 6),
                TestEvents.uniqueEmail("mentor"), field, "senior", List.of(language), "Europe/Berlin", null, strengths,
                List.of(Goal.CAREER_ADVICE, Goal.NETWORKING), capacity, availability,
                availability == Availability.PAUSED ? LocalDate.of(2099, 1, 1) : null,
                availability == Availability.RETIRED, List.of(), 1, Instant.now());
    }

    private static Map<Trait, Integer> strengths(List<Trait> strong, int level) {
        Map<Trait, Integer> strengths = new EnumMap<>(Trait.class);
        for (Trait trait : Trait.values()) {
            strengths.put(trait, strong.contains(trait) ? level : 1);
        }
        return strengths;
    }

    // ------------------------------------------------------------------ what the report must say

    record Filter(String from, String to, List<String> departments) {

        Instant start() {
            return from == null ? null : LocalDate.parse(from).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        Instant end() {
            return to == null ? null : LocalDate.parse(to).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        /** A null time is "now", after the scenario's dates. */
        boolean covers(Instant time) {
            Instant at = time == null ? Instant.now() : time;
            return (start() == null || !at.isBefore(start())) && (end() == null || at.isBefore(end()));
        }

        RequestSpecification request(String accept) {
            RequestSpecification request = given().auth().oauth2(Tokens.user("priya")).accept(accept);
            if (from != null) {
                request.queryParam("from", from);
            }
            if (to != null) {
                request.queryParam("to", to);
            }
            departments.forEach(department -> request.queryParam("department", department));
            return request;
        }
    }

    /** The expected report, by the README's definitions, from the scenario and the other mentors' rows. */
    final class Scenario {
        private final List<Person> people;
        private final List<MentorProfileChangedV1> mine;

        Scenario(List<Person> people, List<MentorProfileChangedV1> mine) {
            this.people = people;
            this.mine = mine;
        }

        /**
         * Compares once the other mentors held still around the request (the same before and after it): while the
         * service catches up with other tests' mentor events, the read model changes under any single reading.
         */
        ProgramReport awaitReport(Filter filter) {
            return Eventually.until("the report for " + filter, () -> {
                Mentors before = mentors();
                ProgramReport actual = read(filter.request("application/json").get("/api/v1/reports/program"));
                Mentors after = mentors();
                if (!before.equals(after)) {
                    return null;
                }
                assertThat(actual).usingRecursiveComparison().ignoringFields("generatedAt")
                        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                        .isEqualTo(expected(filter, after));
                return actual;
            }, CATCH_UP);
        }

        void awaitCsv(Filter filter) {
            Eventually.until("the CSV report for " + filter, () -> {
                Mentors before = mentors();
                Response response = filter.request("text/csv").get("/api/v1/reports/program");
                Mentors after = mentors();
                if (!before.equals(after)) {
                    return null;
                }
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.contentType()).startsWith("text/csv");
                assertThat(response.header("Content-Disposition")).contains("program-report.csv");
                List<String> lines = Arrays.asList(response.asString().split("\r\n", -1));
                assertThat(lines.get(lines.size() - 1)).as("ends with CRLF").isEmpty();
                assertThat(lines.subList(0, lines.size() - 1))
                        .containsExactlyElementsOf(csv(expected(filter, after)));
                return true;
            }, CATCH_UP);
        }

        private ProgramReport read(Response response) {
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            try {
                return JSON.readValue(response.asByteArray(), ProgramReport.class);
            } catch (java.io.IOException e) {
                throw new AssertionError("not a ProgramReport: " + response.asString(), e);
            }
        }

        ProgramReport expected(Filter filter, Mentors mentors) {
            List<Person> inDepartments = people.stream()
                    .filter(p -> filter.departments().contains(p.department)).toList();
            long[] statuses = new long[Status.values().length];
            for (Person person : inDepartments) {
                if (filter.covers(person.statusAt)) {
                    statuses[person.status.ordinal()]++;
                }
            }
            List<Person> cohort = inDepartments.stream()
                    .filter(p -> p.completedAt != null && filter.covers(p.completedAt)).toList();
            long matched = cohort.stream().filter(p -> p.matched).count();
            long accepted = cohort.stream().filter(p -> p.acceptedAt != null).count();
            return new ProgramReport(null,
                    new ProgramReport.Filters(filter.from() == null ? null : LocalDate.parse(filter.from()),
                            filter.to() == null ? null : LocalDate.parse(filter.to()), filter.departments()),
                    new ProgramReport.Participants(Arrays.stream(statuses).sum(), statuses[0], statuses[1],
                            statuses[2], statuses[3], statuses[4], statuses[5], statuses[6]),
                    new ProgramReport.Conversion(cohort.size(), matched, accepted, ratio(matched, cohort.size()),
                            ratio(accepted, matched)),
                    median(cohort.stream().filter(p -> p.invitedAt != null)
                            .map(p -> Duration.between(p.completedAt, p.invitedAt).toSeconds()).toList()),
                    median(cohort.stream().filter(p -> p.acceptedAt != null)
                            .map(p -> Duration.between(p.completedAt, p.acceptedAt).toSeconds()).toList()),
                    mentors.utilisation(), scores(cohort), growthAreas(cohort, mentors.supply()));
        }

        private ProgramReport.Scores scores(List<Person> cohort) {
            Map<Trait, BigDecimal> averages = new EnumMap<>(Trait.class);
            for (Trait trait : Trait.values()) {
                averages.put(trait, cohort.isEmpty() ? null : BigDecimal.valueOf(cohort.stream()
                                .mapToLong(p -> p.scores.get(trait)).sum())
                        .divide(BigDecimal.valueOf(cohort.size()), 2, RoundingMode.HALF_UP));
            }
            return new ProgramReport.Scores(cohort.size(),
                    Arrays.stream(Dimension.values()).map(d -> new ProgramReport.DimensionScores(d,
                            averages.get(Trait.of(d, Side.MANAGEMENT)), averages.get(Trait.of(d, Side.LEADERSHIP))))
                            .toList(),
                    Arrays.stream(Behaviour.values()).map(b -> new ProgramReport.BehaviourScore(b,
                            averages.get(Trait.of(b)))).toList());
        }

        /** The expected mentor figures: utilisation, and per trait [strong, strong with a free place, free places]. */
        record Mentors(ProgramReport.MentorUtilisation utilisation, Map<Trait, List<Long>> supply) {
        }

        /** Which field, or none: a key that also works for mentors without a field. */
        private record FieldKey(Field field) {
        }

        private Mentors mentors() {
            Map<FieldKey, long[]> byField = new LinkedHashMap<>();
            Map<Trait, long[]> supply = new EnumMap<>(Trait.class);
            for (Trait trait : Trait.values()) {
                supply.put(trait, new long[3]);
            }
            Set<UUID> mineIds = mine.stream().map(MentorProfileChangedV1::mentorId).collect(Collectors.toSet());
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            // the other tests' mentors as the read model holds them now
            List<Mentor> others = QuarkusTransaction.requiringNew().call(() -> mentorRepository.listAll()).stream()
                    .filter(m -> !mineIds.contains(m.id)).toList();
            for (Mentor mentor : others) {
                count(byField, supply, mentor.field, mentor.capacity, mentor.reserved, mentor.retired,
                        mentor.accepting(today), mentor.strengths);
            }
            // the scenario's: four of the six alike hold a place (a4, a5, a6, b1); a3's and a7's were given back
            int held = 4;
            for (MentorProfileChangedV1 mentor : mine) {
                boolean alike = mentor.field() == Field.TECHNOLOGY;
                int reserved = alike && held-- > 0 ? 1 : 0;
                Map<String, Integer> strengths = new LinkedHashMap<>();
                mentor.strengths().forEach((trait, level) -> strengths.put(trait.name(), level));
                count(byField, supply, mentor.field(), mentor.capacity(), reserved, mentor.retired(),
                        mentor.availability() == Availability.ACCEPTING, strengths);
            }
            return new Mentors(utilisation(byField), supply.entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, e -> Arrays.stream(e.getValue()).boxed().toList())));
        }

        private static void count(Map<FieldKey, long[]> byField, Map<Trait, long[]> supply, Field field,
                int capacity, int reserved, boolean retired, boolean accepting, Map<String, Integer> strengths) {
            if (retired) {
                return;
            }
            long[] f = byField.computeIfAbsent(new FieldKey(field), k -> new long[4]);
            f[0]++;
            f[1] += capacity;
            f[2] += reserved;
            f[3] += reserved >= capacity ? 1 : 0;
            if (strengths == null) {
                return;
            }
            strengths.forEach((name, level) -> {
                long[] s = Arrays.stream(Trait.values()).anyMatch(t -> t.name().equals(name))
                        ? supply.get(Trait.valueOf(name)) : null;
                if (s != null && level != null && level >= 4) {
                    s[0]++;
                    if (accepting && reserved < capacity) {
                        s[1]++;
                        s[2] += capacity - reserved;
                    }
                }
            });
        }

        private static ProgramReport.MentorUtilisation utilisation(Map<FieldKey, long[]> fields) {
            long[] total = new long[4];
            List<ProgramReport.Utilisation> byField = new ArrayList<>();
            fields.forEach((key, f) -> {
                for (int i = 0; i < 4; i++) {
                    total[i] += f[i];
                }
                byField.add(new ProgramReport.Utilisation(key.field(), f[0], f[1], f[2], f[3], ratio(f[2], f[1])));
            });
            byField.sort(Comparator.comparing(ProgramReport.Utilisation::field,
                    Comparator.nullsLast(Comparator.naturalOrder())));
            return new ProgramReport.MentorUtilisation(new ProgramReport.Utilisation(null, total[0], total[1],
                    total[2], total[3], ratio(total[2], total[1])), byField);
        }

        private List<ProgramReport.GrowthAreaSupply> growthAreas(List<Person> cohort,
                Map<Trait, List<Long>> supply) {
            List<ProgramReport.GrowthAreaSupply> areas = new ArrayList<>();
            for (Trait trait : Trait.values()) {
                List<Person> wanting = cohort.stream().filter(p -> p.growth.contains(trait)).toList();
                long unmet = wanting.stream().filter(p -> p.status == Status.COMPLETED || p.status == Status.WAITING
                        || p.status == Status.DECLINED).count();
                List<Long> s = supply.get(trait);
                areas.add(new ProgramReport.GrowthAreaSupply(trait, wanting.size(), unmet, s.get(0), s.get(1),
                        s.get(2), unmet - s.get(2)));
            }
            areas.sort(Comparator.comparingLong(ProgramReport.GrowthAreaSupply::gap).reversed()
                    .thenComparing(Comparator.comparingLong(ProgramReport.GrowthAreaSupply::demand).reversed())
                    .thenComparing(ProgramReport.GrowthAreaSupply::trait));
            return areas;
        }
    }

    private static ProgramReport.TimeTo median(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return new ProgramReport.TimeTo(0, null, null);
        }
        List<Long> sorted = seconds.stream().sorted().toList();
        int n = sorted.size();
        double middle = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        long rounded = Math.round(middle);
        return new ProgramReport.TimeTo(n, rounded, Duration.ofSeconds(rounded).toString());
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** The CSV the README documents, written out independently of the service's writer. */
    private static List<String> csv(ProgramReport r) {
        List<String> rows = new ArrayList<>();
        rows.add("section,subject,measure,value");
        rows.add("filter,from,date," + text(r.filters().from()));
        rows.add("filter,to,date," + text(r.filters().to()));
        r.filters().departments().forEach(d -> rows.add("filter,department,name," + quoted(d)));
        ProgramReport.Participants p = r.participants();
        Map<String, Long> statuses = new LinkedHashMap<>();
        statuses.put("total", p.total());
        statuses.put("invitedToAssess", p.invitedToAssess());
        statuses.put("inProgress", p.inProgress());
        statuses.put("completed", p.completed());
        statuses.put("matched", p.matched());
        statuses.put("waiting", p.waiting());
        statuses.put("accepted", p.accepted());
        statuses.put("declined", p.declined());
        statuses.forEach((name, count) -> rows.add("participants," + name + ",participants," + count));
        ProgramReport.Conversion c = r.conversion();
        rows.add("conversion,completed,participants," + c.completed());
        rows.add("conversion,matched,participants," + c.matched());
        rows.add("conversion,accepted,participants," + c.accepted());
        rows.add("conversion,matchRate,ratio," + text(c.matchRate()));
        rows.add("conversion,acceptanceRate,ratio," + text(c.acceptanceRate()));
        rows.add("timeToInvitation,participants,participants," + r.timeToInvitation().participants());
        rows.add("timeToInvitation,median,seconds," + text(r.timeToInvitation().medianSeconds()));
        rows.add("timeToAcceptance,participants,participants," + r.timeToAcceptance().participants());
        rows.add("timeToAcceptance,median,seconds," + text(r.timeToAcceptance().medianSeconds()));
        List<ProgramReport.Utilisation> utilisations = new ArrayList<>();
        utilisations.add(r.mentorUtilisation().overall());
        utilisations.addAll(r.mentorUtilisation().byField());
        for (int i = 0; i < utilisations.size(); i++) {
            ProgramReport.Utilisation u = utilisations.get(i);
            String subject = i == 0 ? "all" : u.field() == null ? "none" : u.field().name();
            rows.add("mentorUtilisation," + subject + ",mentors," + u.mentors());
            rows.add("mentorUtilisation," + subject + ",capacity," + u.capacity());
            rows.add("mentorUtilisation," + subject + ",reserved," + u.reserved());
            rows.add("mentorUtilisation," + subject + ",atCapacity," + u.atCapacity());
            rows.add("mentorUtilisation," + subject + ",utilisation," + text(u.utilisation()));
        }
        rows.add("scores,all,participants," + r.scores().participants());
        Map<Trait, BigDecimal> averages = new EnumMap<>(Trait.class);
        r.scores().dimensions().forEach(d -> {
            averages.put(Trait.of(d.dimension(), Side.MANAGEMENT), d.management());
            averages.put(Trait.of(d.dimension(), Side.LEADERSHIP), d.leadership());
        });
        r.scores().behaviours().forEach(b -> averages.put(Trait.of(b.behaviour()), b.average()));
        averages.forEach((trait, average) -> rows.add("scores," + trait.name() + ",average," + text(average)));
        for (ProgramReport.GrowthAreaSupply a : r.growthAreas()) {
            String prefix = "growthArea," + a.trait().name() + ",";
            rows.add(prefix + "demand," + a.demand());
            rows.add(prefix + "unmetDemand," + a.unmetDemand());
            rows.add(prefix + "strongMentors," + a.strongMentors());
            rows.add(prefix + "strongMentorsWithFreeCapacity," + a.strongMentorsWithFreeCapacity());
            rows.add(prefix + "freePlaces," + a.freePlaces());
            rows.add(prefix + "gap," + a.gap());
        }
        return rows;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    private static String quoted(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
