package dev.sparks.mentor.domain;

/**
 * Who asks for a change: a program-admin may edit any mentor; a mentor only the profile whose email is the one in
 * their token, and not its HR keys (external id and email).
 */
public record Editor(boolean admin, String email) {

    public boolean mayEdit(Mentor mentor) {
        return admin || (email != null && email.equals(mentor.email));
    }
}
