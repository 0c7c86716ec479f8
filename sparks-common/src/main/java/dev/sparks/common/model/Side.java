package dev.sparks.common.model;

/** The two sides of every dimension. */
public enum Side {
    MANAGEMENT,
    LEADERSHIP
}
