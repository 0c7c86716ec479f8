package dev.sparks.common.security;

/** The realm roles of the sparks realm (deploy/local/realm/sparks-realm.json). */
public final class Roles {
    public static final String PARTICIPANT = "participant";
    public static final String MENTOR = "mentor";
    public static final String PROGRAM_ADMIN = "program-admin";
    public static final String HR_INTEGRATION = "hr-integration";

    private Roles() {
    }
}
