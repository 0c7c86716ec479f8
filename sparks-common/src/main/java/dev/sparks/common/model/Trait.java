package dev.sparks.common.model;

import java.util.Objects;

/**
 * One thing a person can be strong or growing in: a side of a dimension, or a behaviour.
 * Participants' scores, growth areas and mentors' strengths are all keyed by trait,
 * so the assessment and the mentor profiles speak the same model.
 */
public enum Trait {
    FOCUS_AND_VISION_MANAGEMENT(Dimension.FOCUS_AND_VISION, Side.MANAGEMENT),
    FOCUS_AND_VISION_LEADERSHIP(Dimension.FOCUS_AND_VISION, Side.LEADERSHIP),
    APPROACH_TO_CHANGE_MANAGEMENT(Dimension.APPROACH_TO_CHANGE, Side.MANAGEMENT),
    APPROACH_TO_CHANGE_LEADERSHIP(Dimension.APPROACH_TO_CHANGE, Side.LEADERSHIP),
    RELATIONSHIP_WITH_RISK_MANAGEMENT(Dimension.RELATIONSHIP_WITH_RISK, Side.MANAGEMENT),
    RELATIONSHIP_WITH_RISK_LEADERSHIP(Dimension.RELATIONSHIP_WITH_RISK, Side.LEADERSHIP),
    DEVELOPING_PEOPLE_MANAGEMENT(Dimension.DEVELOPING_PEOPLE, Side.MANAGEMENT),
    DEVELOPING_PEOPLE_LEADERSHIP(Dimension.DEVELOPING_PEOPLE, Side.LEADERSHIP),
    DECISION_MAKING_MANAGEMENT(Dimension.DECISION_MAKING, Side.MANAGEMENT),
    DECISION_MAKING_LEADERSHIP(Dimension.DECISION_MAKING, Side.LEADERSHIP),
    TIME_ORIENTATION_MANAGEMENT(Dimension.TIME_ORIENTATION, Side.MANAGEMENT),
    TIME_ORIENTATION_LEADERSHIP(Dimension.TIME_ORIENTATION, Side.LEADERSHIP),
    TAKE_INITIATIVE(Behaviour.TAKE_INITIATIVE),
    SPEAK_UP(Behaviour.SPEAK_UP),
    SUPPORT_OTHERS(Behaviour.SUPPORT_OTHERS),
    STAY_COMPOSED(Behaviour.STAY_COMPOSED),
    TAKE_SMART_RISKS(Behaviour.TAKE_SMART_RISKS),
    MODEL_LEADERSHIP(Behaviour.MODEL_LEADERSHIP);

    private final Dimension dimension;
    private final Side side;
    private final Behaviour behaviour;

    Trait(Dimension dimension, Side side) {
        this.dimension = dimension;
        this.side = side;
        this.behaviour = null;
    }

    Trait(Behaviour behaviour) {
        this.dimension = null;
        this.side = null;
        this.behaviour = behaviour;
    }

    public static Trait of(Dimension dimension, Side side) {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(side, "side");
        return valueOf(dimension.name() + "_" + side.name());
    }

    public static Trait of(Behaviour behaviour) {
        return valueOf(behaviour.name());
    }

    public boolean isBehaviour() {
        return behaviour != null;
    }

    /** The dimension, or null for a behaviour. */
    public Dimension dimension() {
        return dimension;
    }

    /** The side, or null for a behaviour. */
    public Side side() {
        return side;
    }

    /** The behaviour, or null for a dimension side. */
    public Behaviour behaviour() {
        return behaviour;
    }

    /** A short phrase for sentences such as "Strong in driving change and challenging the status quo". */
    public String description() {
        return isBehaviour() ? behaviour.description() : dimension.describe(side);
    }
}
