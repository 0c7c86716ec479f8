package dev.sparks.platform.faults;

import dev.sparks.platform.harness.AssessmentTaker.Answered;
import dev.sparks.platform.harness.Eventually;
import dev.sparks.platform.harness.Mailbox;
import dev.sparks.platform.harness.Mailbox.Mail;
import dev.sparks.platform.harness.Platform;
import dev.sparks.platform.harness.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Follows every completion of a burst through the pipeline and counts what it produced, from what each service
 * stored and what people received:
 * completed assessments (assessment-service) &rarr; one match or one waiting-list entry each (matching-service)
 * &rarr; one invitation email per match (notification-service's record of it, and the mail with that record's
 * Message-ID in the participant's real inbox).
 *
 * <p>Lost: a completion not stored, a completed assessment with neither a match nor a waiting-list entry, a match
 * whose invitation never reached the inbox. Doubled: a participant with more than one match or waiting-list entry,
 * a match whose invitation arrived more than once. Both are counted only after the pipeline settled (every
 * participant decided, every invitation out of the mail queue and in its inbox) or the patience ran out.
 *
 * <p>An invitation mail whose Message-ID belongs to no match of this platform came from outside it (on a
 * development machine, another copy of the services consuming the same topics); it is reported, not counted.
 */
final class PipelineAudit {

    static final String INVITATION = "your Sparks invitation";

    /**
     * What a burst came to. {@code failedMailAttempts}: SMTP attempts of these invitations that failed before one
     * succeeded (evidence that a mail-side fault hit them). {@code findings} describes each lost or doubled item (the
     * first few of them).
     */
    record Figures(int completions, int assessmentsIn, int matches, int waiting, int invitations, int lost,
            int doubled, int foreignMails, int failedMailAttempts, boolean settled, Duration settling,
            Map<String, Integer> waitingReasons, List<String> findings) {
    }

    private record Invitation(UUID matchId, String status, String messageId, int attempts) {
    }

    private final Platform platform;
    private final List<Answered> participants;
    private final Map<UUID, String> emails = new HashMap<>();
    private final List<UUID> assessmentIds = new ArrayList<>();
    private final List<UUID> participantIds = new ArrayList<>();

    private PipelineAudit(Platform platform, List<Answered> participants) {
        this.platform = platform;
        this.participants = participants;
        for (Answered participant : participants) {
            emails.put(participant.participantId(), participant.user().email());
            assessmentIds.add(participant.assessmentId());
            participantIds.add(participant.participantId());
        }
    }

    /**
     * Waits (polling, up to {@code patience}) until the pipeline settled for these participants, then counts.
     * Never throws for lost or doubled items: the caller records the figures first and asserts afterwards.
     */
    static Figures settle(Platform platform, List<Answered> participants, Duration patience) {
        return new PipelineAudit(platform, participants).settle(patience);
    }

    private Figures settle(Duration patience) {
        long start = System.nanoTime();
        long deadline = start + patience.toNanos();
        while (true) {
            try {
                State state = read(false);
                if (state.settledInDatabases()) {
                    state = read(true);
                    if (state.mailsArrived()) {
                        return state.figures(true, Duration.ofNanos(System.nanoTime() - start));
                    }
                }
            } catch (RuntimeException e) {
                // a database or the mail server not answering for a moment (a fault's tail): look again
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                return read(true).figures(false, Duration.ofNanos(System.nanoTime() - start));
            }
            Eventually.pause(Duration.ofSeconds(2));
        }
    }

    private State read(boolean withMail) {
        State state = new State();
        platform.database(Service.ASSESSMENT).rows("select id from assessment where status = 'COMPLETED'"
                + " and id = any(?)", assessmentIds).forEach(row -> state.completed.add((UUID) row.get("id")));
        platform.database(Service.MATCHING).rows("select id, participant_id from match where participant_id = any(?)",
                participantIds).forEach(row -> state.matches.computeIfAbsent((UUID) row.get("participant_id"),
                        p -> new ArrayList<>()).add((UUID) row.get("id")));
        platform.database(Service.MATCHING).rows("select participant_id, reason from waiting_list"
                + " where participant_id = any(?)", participantIds).forEach(row -> {
                    state.waiting.add((UUID) row.get("participant_id"));
                    state.waitingReasons.merge((String) row.get("reason"), 1, Integer::sum);
                });
        List<UUID> matchIds = state.matches.values().stream().flatMap(List::stream).toList();
        platform.database(Service.NOTIFICATION).rows("select match_id, status, message_id, attempts from notification"
                + " where kind = 'INVITATION' and match_id = any(?)", matchIds).forEach(row -> state.invitations
                .put((UUID) row.get("match_id"), new Invitation((UUID) row.get("match_id"),
                        (String) row.get("status"), (String) row.get("message_id"),
                        ((Number) row.get("attempts")).intValue())));
        if (withMail) {
            for (Answered participant : participants) {
                state.mails.put(participant.participantId(), Mailbox.inbox(participant.user().email(),
                        Mailbox.subjectContains(INVITATION)));
            }
        }
        return state;
    }

    private final class State {
        final Set<UUID> completed = new HashSet<>();
        final Map<UUID, List<UUID>> matches = new HashMap<>();
        final Set<UUID> waiting = new HashSet<>();
        final Map<String, Integer> waitingReasons = new TreeMap<>();
        final Map<UUID, Invitation> invitations = new HashMap<>();
        final Map<UUID, List<Mail>> mails = new HashMap<>();

        private int decisions(UUID participantId) {
            return matches.getOrDefault(participantId, List.of()).size() + (waiting.contains(participantId) ? 1 : 0);
        }

        /** Every completion stored and decided, and every invitation out of the mail queue. */
        boolean settledInDatabases() {
            if (completed.size() < assessmentIds.size()) {
                return false;
            }
            for (UUID participantId : participantIds) {
                if (decisions(participantId) == 0) {
                    return false;
                }
                for (UUID matchId : matches.getOrDefault(participantId, List.of())) {
                    Invitation invitation = invitations.get(matchId);
                    if (invitation == null || invitation.status().equals("PENDING")) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Every invitation the SMTP server accepted is in its participant's inbox. */
        boolean mailsArrived() {
            for (UUID participantId : participantIds) {
                for (UUID matchId : matches.getOrDefault(participantId, List.of())) {
                    Invitation invitation = invitations.get(matchId);
                    if (invitation != null && invitation.status().equals("SENT")
                            && received(participantId, invitation) == 0) {
                        return false;
                    }
                }
            }
            return true;
        }

        private long received(UUID participantId, Invitation invitation) {
            return mails.getOrDefault(participantId, List.of()).stream()
                    .filter(mail -> invitation.messageId().equals(mail.messageId())).count();
        }

        Figures figures(boolean settled, Duration settling) {
            List<String> findings = new ArrayList<>();
            int lost = 0;
            int doubled = 0;
            int matchCount = 0;
            int invitationMails = 0;
            int foreign = 0;
            for (Answered participant : participants) {
                UUID id = participant.participantId();
                String who = participant.user().email();
                if (!completed.contains(participant.assessmentId())) {
                    lost++;
                    note(findings, "lost: the completion of " + who + "'s assessment " + participant.assessmentId()
                            + " was answered 200 but is not stored as COMPLETED");
                    continue;
                }
                int decisions = decisions(id);
                if (decisions == 0) {
                    lost++;
                    note(findings, "lost: " + who + " (participant " + id + ") has neither a match nor a waiting-list"
                            + " entry");
                } else if (decisions > 1) {
                    doubled += decisions - 1;
                    note(findings, "doubled: " + who + " has " + matches.getOrDefault(id, List.of()).size()
                            + " match(es) " + matches.getOrDefault(id, List.of())
                            + (waiting.contains(id) ? " and a waiting-list entry" : ""));
                }
                Set<String> ours = new HashSet<>();
                for (UUID matchId : matches.getOrDefault(id, List.of())) {
                    matchCount++;
                    Invitation invitation = invitations.get(matchId);
                    long received = invitation == null ? 0 : received(id, invitation);
                    invitationMails += (int) received;
                    if (invitation != null) {
                        ours.add(invitation.messageId());
                    }
                    if (received == 0) {
                        lost++;
                        note(findings, "lost: no invitation mail to " + who + " for match " + matchId + " ("
                                + (invitation == null ? "notification-service has no invitation for it"
                                        : "its notification is " + invitation.status()) + ")");
                    } else if (received > 1) {
                        doubled += (int) received - 1;
                        note(findings, "doubled: " + received + " invitation mails to " + who + " for match " + matchId
                                + " (all with Message-ID " + invitation.messageId() + ")");
                    }
                }
                foreign += (int) mails.getOrDefault(id, List.of()).stream()
                        .filter(mail -> !ours.contains(mail.messageId())).count();
            }
            if (!settled) {
                findings.add(0, "not settled: "
                        + participantIds.stream().filter(p -> decisions(p) == 0).count() + " participant(s) undecided, "
                        + invitations.values().stream().filter(i -> i.status().equals("PENDING")).count()
                        + " invitation(s) still queued");
            }
            int failedAttempts = invitations.values().stream()
                    .mapToInt(i -> i.status().equals("SENT") ? i.attempts() - 1 : i.attempts()).sum();
            return new Figures(participants.size(), completed.size(), matchCount, waiting.size(), invitationMails,
                    lost, doubled, foreign, failedAttempts, settled, settling,
                    Collections.unmodifiableMap(waitingReasons), List.copyOf(findings));
        }
    }

    private static void note(List<String> findings, String finding) {
        if (findings.size() < 12) {
            findings.add(finding);
        }
    }
}
