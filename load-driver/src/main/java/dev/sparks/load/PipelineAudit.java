package dev.sparks.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the services' own databases say happened to the run's participants, read once the pipeline has drained:
 * matching's matches and waiting list, notification's invitations and the time the SMTP server accepted each one.
 * Read-only, by the participants' e-mail addresses (the run id is in each).
 */
final class PipelineAudit {

    /**
     * One participant across the services; times in epoch milliseconds, 0 when it did not happen. Invitations are
     * only counted for matches that the platform's matching-service made: tests of other modules publish their own
     * match events to the same topics, and the platform's notification-service invites for those too.
     */
    static final class Trace {
        UUID participantId;
        final Set<UUID> matchIds = new HashSet<>();
        long proposedAt;
        String waiting;
        int invitations;
        int foreignInvitations;
        long invitationCreatedAt;
        String invitationMailStatus;
        int invitationMails;
        int attempts;
        long sentAt;
        String messageId;
        final Set<String> foreignMessageIds = new HashSet<>();

        int matches() {
            return matchIds.size();
        }
    }

    private final LoadOptions.Endpoints endpoints;

    PipelineAudit(LoadOptions.Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(endpoints.jdbcUrl(database), endpoints.dbUser(), endpoints.dbPassword());
    }

    /** Participants of the run on the waiting list, while draining. */
    int waiting(String runId) throws SQLException {
        try (Connection db = connect(endpoints.matchingDb());
                PreparedStatement query = db.prepareStatement("select count(*) from waiting_list w"
                        + " join participant p on p.id = w.participant_id where p.email like ?")) {
            query.setString(1, runId + "-p%");
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    /** Everything known of each participant of the run, by e-mail address. */
    Map<String, Trace> traces(String runId) throws SQLException {
        Map<String, Trace> traces = new HashMap<>();
        String pattern = runId + "-p%";
        try (Connection db = connect(endpoints.matchingDb());
                PreparedStatement query = db.prepareStatement("""
                        select p.email, p.id, m.id, m.proposed_at, w.status
                        from participant p
                        left join match m on m.participant_id = p.id
                        left join waiting_list w on w.participant_id = p.id
                        where p.email like ?
                        order by m.proposed_at""")) {
            query.setString(1, pattern);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Trace trace = traces.computeIfAbsent(result.getString(1), email -> new Trace());
                    trace.participantId = (UUID) result.getObject(2);
                    UUID matchId = (UUID) result.getObject(3);
                    if (matchId != null && trace.matchIds.add(matchId) && trace.proposedAt == 0) {
                        trace.proposedAt = millis(result.getTimestamp(4));
                    }
                    trace.waiting = result.getString(5);
                }
            }
        }
        try (Connection db = connect(endpoints.notificationDb());
                PreparedStatement query = db.prepareStatement("""
                        select i.participant_email, i.match_id, i.created_at, n.status, n.attempts, n.sent_at,
                               n.message_id,
                               (select count(*) from notification x where x.match_id = i.match_id
                                and x.kind = 'INVITATION')
                        from invitation i
                        left join notification n on n.match_id = i.match_id and n.kind = 'INVITATION'
                        where i.participant_email like ?
                        order by i.created_at""")) {
            query.setString(1, pattern);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Trace trace = traces.computeIfAbsent(result.getString(1), email -> new Trace());
                    if (!trace.matchIds.contains((UUID) result.getObject(2))) {
                        trace.foreignInvitations++;
                        if (result.getString(7) != null) {
                            trace.foreignMessageIds.add(result.getString(7));
                        }
                        continue;
                    }
                    trace.invitations++;
                    if (trace.invitations == 1) {
                        trace.invitationCreatedAt = millis(result.getTimestamp(3));
                        trace.invitationMailStatus = result.getString(4);
                        trace.attempts = result.getInt(5);
                        trace.sentAt = millis(result.getTimestamp(6));
                        trace.messageId = result.getString(7);
                    }
                    trace.invitationMails += result.getInt(8);
                }
            }
        }
        return traces;
    }

    /** The mentor notices of the given (the platform's own) matches, by delivery status; not read from GreenMail. */
    Map<String, Integer> mentorNotices(Collection<UUID> matchIds) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection db = connect(endpoints.notificationDb());
                PreparedStatement query = db.prepareStatement("""
                        select status, count(*) from notification
                        where kind = 'MENTOR_NOTICE' and match_id = any(?)
                        group by status order by status""")) {
            query.setArray(1, db.createArrayOf("uuid", matchIds.toArray()));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    counts.put(result.getString(1), result.getInt(2));
                }
            }
        }
        return counts;
    }

    private static long millis(Timestamp timestamp) {
        return timestamp == null ? 0 : timestamp.getTime();
    }
}
