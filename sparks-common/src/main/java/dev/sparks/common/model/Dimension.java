package dev.sparks.common.model;

/**
 * The six dimensions of the instrument. Each has a management side and a leadership side;
 * the program measures both and never sets one against the other.
 */
public enum Dimension {
    FOCUS_AND_VISION("Focus and vision",
            "structure, processes and measurable results",
            "people, innovation and long-term vision"),
    APPROACH_TO_CHANGE("Approach to change",
            "implementing change within existing systems",
            "driving change and challenging the status quo"),
    RELATIONSHIP_WITH_RISK("Relationship with risk",
            "minimising risk and keeping stability",
            "taking calculated risks to open opportunities"),
    DEVELOPING_PEOPLE("Developing people",
            "training people for efficiency and performance",
            "mentoring and inspiring growth beyond current roles"),
    DECISION_MAKING("Decision-making",
            "deciding from data, policy and precedent",
            "deciding from vision, values and intuition alongside data"),
    TIME_ORIENTATION("Time orientation",
            "short-term goals and immediate tasks",
            "balancing present needs with long-term strategy");

    private final String title;
    private final String managementSide;
    private final String leadershipSide;

    Dimension(String title, String managementSide, String leadershipSide) {
        this.title = title;
        this.managementSide = managementSide;
        this.leadershipSide = leadershipSide;
    }

    public String title() {
        return title;
    }

    /** What the given side of this dimension is about, in words a participant reads. */
    public String describe(Side side) {
        return side == Side.MANAGEMENT ? managementSide : leadershipSide;
    }
}
