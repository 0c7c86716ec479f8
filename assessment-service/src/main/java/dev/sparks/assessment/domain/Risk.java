package dev.sparks.assessment.domain;

import dev.sparks.common.model.Dimension;
import dev.sparks.common.model.Side;
import java.util.EnumSet;
import java.util.Set;

/**
 * What tends to go wrong when one side far outweighs the other. Each risk belongs to the side that is too strong
 * and to the dimensions whose imbalance produces it; {@link Profile} decides when it applies.
 */
public enum Risk {
    RIGID_PROCESSES(Side.MANAGEMENT, "Rigid processes",
            "Procedures and precedent can harden into rules followed for their own sake, even when they no longer fit.",
            EnumSet.of(Dimension.FOCUS_AND_VISION, Dimension.DECISION_MAKING)),
    COMPLIANCE_WITHOUT_ENGAGEMENT(Side.MANAGEMENT, "Compliance without engagement",
            "People may do what is asked without believing in it, so effort stops at the minimum.",
            EnumSet.of(Dimension.FOCUS_AND_VISION, Dimension.DEVELOPING_PEOPLE)),
    TROUBLE_ADAPTING_TO_CHANGE(Side.MANAGEMENT, "Trouble adapting to change",
            "A focus on stability and today's tasks can leave the team unprepared when circumstances shift.",
            EnumSet.of(Dimension.APPROACH_TO_CHANGE, Dimension.RELATIONSHIP_WITH_RISK, Dimension.TIME_ORIENTATION)),
    TALENT_TURNOVER(Side.MANAGEMENT, "Turnover of talented people",
            "Capable people who see no room to grow or no future worth working toward tend to leave.",
            EnumSet.of(Dimension.DEVELOPING_PEOPLE, Dimension.TIME_ORIENTATION)),
    IDEAS_WITHOUT_EXECUTION(Side.LEADERSHIP, "Big ideas without an execution plan",
            "Vision and calls for change can outrun the plans, owners and milestones needed to deliver them.",
            EnumSet.of(Dimension.FOCUS_AND_VISION, Dimension.APPROACH_TO_CHANGE)),
    FADING_ENTHUSIASM(Side.LEADERSHIP, "Enthusiasm that fades for lack of structure",
            "Inspiration without practical training, routines and short-term goals loses momentum once the first "
                    + "excitement wears off.",
            EnumSet.of(Dimension.DEVELOPING_PEOPLE, Dimension.TIME_ORIENTATION)),
    MISSED_DETAILS_AND_WASTE(Side.LEADERSHIP, "Missed details and waste",
            "Decisions taken on instinct and risks taken without safeguards let errors and costs slip through.",
            EnumSet.of(Dimension.RELATIONSHIP_WITH_RISK, Dimension.DECISION_MAKING)),
    BURNOUT(Side.LEADERSHIP, "Burnout",
            "Constant change with no stable routine, and long-term ambitions on top of unmanaged daily work, "
                    + "wear people out, the leader included.",
            EnumSet.of(Dimension.APPROACH_TO_CHANGE, Dimension.TIME_ORIENTATION));

    private final Side overdevelopedSide;
    private final String title;
    private final String description;
    private final Set<Dimension> dimensions;

    Risk(Side overdevelopedSide, String title, String description, Set<Dimension> dimensions) {
        this.overdevelopedSide = overdevelopedSide;
        this.title = title;
        this.description = description;
        this.dimensions = dimensions;
    }

    /** The side whose strength, without the other, produces this risk. */
    public Side overdevelopedSide() {
        return overdevelopedSide;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** The dimensions whose imbalance produces this risk. */
    public Set<Dimension> dimensions() {
        return EnumSet.copyOf(dimensions);
    }
}
