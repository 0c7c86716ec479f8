package dev.sparks.matching.domain;

import dev.sparks.common.events.MentorProfileChangedV1;
import dev.sparks.common.model.Availability;
import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.Trait;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A mentor in matching's read model: the latest profile from mentor.profile-changed.v1 plus {@link #reserved},
 * the capacity this service has handed out. {@code reserved} is never written through the entity (only by the
 * conditional updates in {@link MentorRepository}), so applying a profile cannot overwrite a concurrent
 * reservation with a stale count.
 */
@Entity
@Table(name = "mentor")
public class Mentor {

    @Id
    public UUID id;

    @Column(name = "external_id")
    public String externalId;

    public String name;

    public String email;

    public String bio;

    @Enumerated(EnumType.STRING)
    public Field field;

    public String[] languages;

    @Column(name = "time_zone")
    public String timeZone;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Integer> strengths;

    public String[] offerings;

    public int capacity;

    @Column(updatable = false)
    public int reserved;

    @Enumerated(EnumType.STRING)
    public Availability availability;

    @Column(name = "paused_until")
    public LocalDate pausedUntil;

    public boolean retired;

    public String[] exclusions;

    @Column(name = "profile_version")
    public long profileVersion;

    @Column(name = "changed_at")
    public Instant changedAt;

    /** Copies the profile; {@link #reserved} stays as it is. */
    public void apply(MentorProfileChangedV1 event) {
        id = event.mentorId();
        externalId = event.externalId();
        name = event.name();
        email = event.email() == null ? null : event.email().strip().toLowerCase(java.util.Locale.ROOT);
        bio = event.bio();
        field = event.field();
        languages = strings(event.languages());
        timeZone = event.timeZone();
        Map<String, Integer> levels = new LinkedHashMap<>();
        if (event.strengths() != null) {
            event.strengths().forEach((trait, level) -> {
                if (trait != null && level != null) {
                    levels.put(trait.name(), level);
                }
            });
        }
        strengths = levels;
        offerings = event.offerings() == null ? new String[0]
                : event.offerings().stream().filter(java.util.Objects::nonNull).map(Goal::name).toArray(String[]::new);
        capacity = Math.max(0, event.capacity());
        availability = event.availability() == null ? Availability.ACCEPTING : event.availability();
        pausedUntil = event.pausedUntil();
        retired = event.retired() || availability == Availability.RETIRED;
        exclusions = strings(event.exclusions());
        profileVersion = event.version();
        changedAt = event.changedAt() == null ? Instant.now() : event.changedAt();
    }

    /**
     * Whether the mentor takes new mentees on {@code today}: accepting, or paused until a day that has come.
     * The same rule as the capacity guard's SQL in {@link MentorRepository#reserve}.
     */
    public boolean accepting(LocalDate today) {
        if (retired) {
            return false;
        }
        return availability == Availability.ACCEPTING
                || (availability == Availability.PAUSED && pausedUntil != null && !pausedUntil.isAfter(today));
    }

    public MentorCandidate toCandidate(LocalDate today) {
        Map<Trait, Integer> levels = new EnumMap<>(Trait.class);
        if (strengths != null) {
            strengths.forEach((trait, level) -> {
                try {
                    levels.put(Trait.valueOf(trait), level);
                } catch (IllegalArgumentException unknownTrait) {
                    // a trait a newer mentor-service knows and this one does not: it cannot be scored, so skip it
                }
            });
        }
        Set<Goal> goals = java.util.EnumSet.noneOf(Goal.class);
        for (String offering : offerings == null ? new String[0] : offerings) {
            try {
                goals.add(Goal.valueOf(offering));
            } catch (IllegalArgumentException unknownGoal) {
                // as above: tolerate values added by a newer producer
            }
        }
        return new MentorCandidate(id, name, email, field, list(languages), timeZone, Strengths.of(levels), goals,
                capacity, reserved, accepting(today), Set.copyOf(list(exclusions)));
    }

    private static String[] strings(List<String> values) {
        return values == null ? new String[0]
                : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toArray(String[]::new);
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
