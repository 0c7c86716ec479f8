package dev.sparks.common.model;

/** The six leadership behaviours, rated by how often a person shows them. */
public enum Behaviour {
    TAKE_INITIATIVE("taking initiative"),
    SPEAK_UP("speaking up"),
    SUPPORT_OTHERS("supporting others"),
    STAY_COMPOSED("staying composed under pressure"),
    TAKE_SMART_RISKS("taking smart risks"),
    MODEL_LEADERSHIP("modelling leadership behaviours");

    private final String description;

    Behaviour(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
