package dev.sparks.notification.domain;

/** What an email is for; each exists at most once per match. */
public enum NotificationKind {
    /** To the participant: the invitation with Accept and Decline links. */
    INVITATION(true),
    /** To the mentor: a participant was proposed to them. */
    MENTOR_NOTICE(false),
    /** To the participant, once, when the invitation is still unanswered after a while. */
    REMINDER(true),
    /** After acceptance, to the participant: meet your mentor. */
    INTRODUCTION_PARTICIPANT(false),
    /** After acceptance, to the mentor: meet your mentee. */
    INTRODUCTION_MENTOR(false);

    private final boolean needsOpenInvitation;

    NotificationKind(boolean needsOpenInvitation) {
        this.needsOpenInvitation = needsOpenInvitation;
    }

    /** Mail that only makes sense while the invitation can still be answered; cancelled once it closes. */
    public boolean needsOpenInvitation() {
        return needsOpenInvitation;
    }
}
