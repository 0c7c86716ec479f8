package dev.sparks.matching.domain;

/**
 * Who asks for a change or a listing, as the token says: program-admins see and may do everything, participants
 * and mentors only what concerns them (matched by the email in their token).
 */
public record Actor(String name, String email, boolean admin, boolean participant, boolean mentor) {

    public boolean isParticipantOf(Participant who) {
        return participant && email != null && who != null && email.equalsIgnoreCase(who.email);
    }

    public boolean isMentorOf(Mentor who) {
        return mentor && email != null && who != null && email.equalsIgnoreCase(who.email);
    }
}
