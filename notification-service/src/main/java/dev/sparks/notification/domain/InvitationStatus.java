package dev.sparks.notification.domain;

/** OPEN until answered; then exactly one of the final states, never changed again. */
public enum InvitationStatus {
    OPEN,
    ACCEPTED,
    DECLINED,
    EXPIRED,
    /** The match ended before it was answered (e.g. the participant's data was erased). */
    WITHDRAWN;

    public boolean isOpen() {
        return this == OPEN;
    }
}
