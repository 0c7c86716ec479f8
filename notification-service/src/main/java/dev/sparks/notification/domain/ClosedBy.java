package dev.sparks.notification.domain;

/** How an invitation got its final state. */
public enum ClosedBy {
    /** The participant used the link in the email. */
    EMAIL,
    /** This service's expiry job. */
    EXPIRY,
    /** match.status-changed.v1: answered in a front-end, expired or ended by matching-service, or an admin. */
    MATCH,
    /** participant.erased.v1: the participant's data was erased (the invitation is WITHDRAWN). */
    ERASURE
}
