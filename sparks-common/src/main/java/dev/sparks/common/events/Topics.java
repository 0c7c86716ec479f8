package dev.sparks.common.events;

/** The Kafka topics, one per aggregate (deploy/local/topics.conf creates them). */
public final class Topics {
    public static final String ASSESSMENTS = "sparks.assessments";
    public static final String MENTORS = "sparks.mentors";
    public static final String MATCHES = "sparks.matches";
    public static final String INVITATIONS = "sparks.invitations";
    public static final String PARTICIPANTS = "sparks.participants";
    public static final String DEAD_LETTERS = "sparks.dlq";

    private Topics() {
    }
}
