package dev.sparks.matching.domain;

/**
 * Who asks for a change or a listing, as the token says: program-admins see and may do everything, HR systems see
 * every match, participants and mentors only what concerns them (matched by the email in their token).
 */
public record Actor(String name, String email, boolean admin, boolean hr, boolean participant, boolean mentor) {

    /** Program-admins and HR systems read every match; only program-admins change them. */
    public boolean readsAll() {
        return admin || hr;
    }

    public boolean isParticipantOf(Participant who) {
        return participant && email != null && who != null && email.equalsIgnoreCase(who.email);
    }

    public boolean isMentorOf(Mentor who) {
        return mentor && email != null && who != null && email.equalsIgnoreCase(who.email);
    }
}
