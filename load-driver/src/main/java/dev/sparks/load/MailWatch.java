package dev.sparks.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches GreenMail (the SMTP server) through its HTTP API while the run goes on.
 *
 * <p>GreenMail makes a mailbox for every new recipient, so the user list shows who has received mail. Every
 * {@link #POLL_MILLIS} ms the watch lists the users; a run participant who appears has their inbox read (each
 * message's Message-ID and GreenMail's Received time) and their mailbox is deleted. Deleting keeps GreenMail's
 * memory bounded (it holds every message in a 128 MB heap, and a run sends tens of thousands), and it makes a
 * second mail to the same participant visible: their mailbox appears again.
 * Load mentors' mailboxes (one notice per match) are deleted every ten seconds unread; those notices are counted
 * from notification-service's database instead.
 */
final class MailWatch implements AutoCloseable {

    static final long POLL_MILLIS = 250;
    private static final long MENTOR_SWEEP_MILLIS = 10_000;
    private static final Pattern RECEIVED = Pattern.compile("Received: [^\\r\\n]*; ([^\\r\\n]+)");
    private static final DateTimeFormatter DATE_TO_STRING = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy",
            Locale.ENGLISH);

    /**
     * The mail GreenMail held for one participant, by Message-ID: when the watch first saw each message (an upper
     * bound of its arrival) and GreenMail's own Received second. A Message-ID seen twice was delivered twice.
     */
    static final class Sighting {
        private final Map<String, Long> seenAt = new LinkedHashMap<>();
        private final Map<String, Long> receivedSecond = new LinkedHashMap<>();
        private final Map<String, Integer> copies = new LinkedHashMap<>();

        synchronized void add(String messageId, long seen, long received) {
            copies.merge(messageId, 1, Integer::sum);
            seenAt.putIfAbsent(messageId, seen);
            receivedSecond.putIfAbsent(messageId, received);
        }

        synchronized boolean has(String messageId) {
            return seenAt.containsKey(messageId);
        }

        /** When the message was first seen, or 0. */
        synchronized long seenAt(String messageId) {
            return seenAt.getOrDefault(messageId, 0L);
        }

        synchronized long receivedSecond(String messageId) {
            return receivedSecond.getOrDefault(messageId, 0L);
        }

        synchronized List<String> messageIds() {
            return new ArrayList<>(seenAt.keySet());
        }

        /** How many times GreenMail held a message with this Message-ID. */
        synchronized int copies(String messageId) {
            return copies.getOrDefault(messageId, 0);
        }
    }

    private final LocalHttp http;
    private final String api;
    private final String participantPrefix;
    private final Map<String, Sighting> sightings = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong mentorMailboxesDeleted = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String failure;
    private long lastMentorSweep;

    MailWatch(LocalHttp http, String api, String runId) {
        this.http = http;
        this.api = api;
        this.participantPrefix = runId + "-p";
        this.thread = new Thread(this::loop, "mail-watch");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    Map<String, Sighting> sightings() {
        return sightings;
    }

    long requests() {
        return requests.get();
    }

    long mentorMailboxesDeleted() {
        return mentorMailboxesDeleted.get();
    }

    String failure() {
        return failure;
    }

    private void loop() {
        int failures = 0;
        while (running) {
            long began = System.currentTimeMillis();
            try {
                poll();
                failures = 0;
            } catch (RuntimeException e) {
                // GreenMail is busy or briefly away: the next poll sees the same mailboxes, nothing is missed
                if (++failures >= 50) {
                    failure = "GreenMail API failing: " + e;
                }
            }
            long rest = POLL_MILLIS - (System.currentTimeMillis() - began);
            if (rest > 0) {
                try {
                    Thread.sleep(rest);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void poll() {
        requests.incrementAndGet();
        JsonNode users = LocalHttp.expect(http.send(LocalHttp.request(api + "/api/user").GET().build()), 200,
                "GreenMail users");
        long seenAt = System.currentTimeMillis();
        List<String> participants = new ArrayList<>();
        List<String> mentors = new ArrayList<>();
        for (JsonNode user : users) {
            String email = user.path("email").asText("").toLowerCase(Locale.ROOT);
            if (email.startsWith(participantPrefix) && email.endsWith("@" + ParticipantAccounts.EMAIL_DOMAIN)) {
                participants.add(email);
            } else if (email.endsWith("@" + MentorSupply.EMAIL_DOMAIN)) {
                mentors.add(email);
            }
        }
        LocalHttp.all(participants.size(), 8, i -> collect(participants.get(i), seenAt));
        if (seenAt - lastMentorSweep >= MENTOR_SWEEP_MILLIS) {
            lastMentorSweep = seenAt;
            LocalHttp.all(mentors.size(), 8, i -> deleteMailbox(mentors.get(i))
                    .thenAccept(status -> mentorMailboxesDeleted.incrementAndGet()));
        }
    }

    private CompletableFuture<Void> collect(String email, long seenAt) {
        requests.incrementAndGet();
        return http.sendAsync(LocalHttp.request(api + "/api/user/" + encode(email) + "/messages/INBOX").GET().build())
                .thenCompose(inbox -> {
                    JsonNode messages = LocalHttp.expect(inbox, 200, "GreenMail inbox of " + email);
                    Sighting sighting = sightings.computeIfAbsent(email, key -> new Sighting());
                    for (JsonNode message : messages) {
                        String mime = message.path("mimeMessage").asText("");
                        sighting.add(message.path("Message-ID").asText(), seenAt, receivedSecond(mime));
                    }
                    return deleteMailbox(email);
                })
                .thenApply(status -> null);
    }

    private CompletableFuture<Integer> deleteMailbox(String email) {
        requests.incrementAndGet();
        return http.sendAsync(LocalHttp.request(api + "/api/user/" + encode(email)).DELETE().build())
                .thenApply(HttpResponse::statusCode);
    }

    /** GreenMail's Received header carries its arrival time to the second (java.util.Date#toString). */
    static long receivedSecond(String mime) {
        Matcher matcher = RECEIVED.matcher(mime);
        if (!matcher.find()) {
            return 0;
        }
        try {
            return ZonedDateTime.parse(matcher.group(1).strip(), DATE_TO_STRING).toEpochSecond();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static String encode(String email) {
        return URLEncoder.encode(email, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
