package dev.sparks.common.model;

/** What a participant wants from the mentorship, and what a mentor offers. */
public enum Goal {
    CAREER_ADVICE("career advice"),
    NETWORKING("networking"),
    RESUME_HELP("resume help"),
    SUPPORT_AND_INSIGHT("support and insight");

    private final String description;

    Goal(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
