package dev.sparks.common.model;

/**
 * One of the ranked things a participant most needs to develop (rank 1 first),
 * with the score that made it one and a one-sentence reason.
 */
public record GrowthArea(int rank, Trait trait, int score, String reason) {
}
