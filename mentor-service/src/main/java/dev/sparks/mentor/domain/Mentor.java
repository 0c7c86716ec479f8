package dev.sparks.mentor.domain;

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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A mentor as stored: the profile in normal form, its availability, and the version that guards edits. */
@Entity
@Table(name = "mentor")
public class Mentor {

    /** Assigned in Java, so the inserts of an import batch can go to the database together. */
    @Id
    public UUID id;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Field field;

    public String seniority;

    @Column(nullable = false)
    public String[] languages;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    public String bio;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Integer> strengths;

    @Column(nullable = false)
    public String[] offerings;

    @Column(nullable = false)
    public int capacity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Availability availability;

    @Column(name = "paused_until")
    public LocalDate pausedUntil;

    @Column(nullable = false)
    public String[] exclusions;

    /** 0 when created, one more with every change; the ETag and the event's version. */
    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Mentor create(MentorProfile profile, Instant now) {
        Mentor mentor = new Mentor();
        mentor.id = UUID.randomUUID();
        mentor.createdAt = now;
        mentor.apply(profile, now);
        return mentor;
    }

    public void apply(MentorProfile profile, Instant now) {
        externalId = profile.externalId();
        name = profile.name();
        email = profile.email();
        field = profile.field();
        seniority = profile.seniority();
        languages = profile.languages().toArray(String[]::new);
        timeZone = profile.timeZone();
        bio = profile.bio();
        Map<String, Integer> levels = new LinkedHashMap<>();
        profile.strengths().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> levels.put(entry.getKey().name(), entry.getValue()));
        strengths = levels;
        offerings = profile.offerings().stream().map(Goal::name).toArray(String[]::new);
        capacity = profile.capacity();
        availability = profile.availability();
        pausedUntil = profile.availability() == Availability.PAUSED ? profile.pausedUntil() : null;
        exclusions = profile.exclusions().toArray(String[]::new);
        updatedAt = now;
    }

    public MentorProfile profile() {
        EnumMap<Trait, Integer> levels = new EnumMap<>(Trait.class);
        for (Trait trait : Trait.values()) {
            levels.put(trait, ProfileNormaliser.DEFAULT_LEVEL);
        }
        strengths.forEach((trait, level) -> levels.put(Trait.valueOf(trait), level));
        List<Goal> goals = Arrays.stream(offerings).map(Goal::valueOf).sorted().toList();
        return new MentorProfile(externalId, name, email, field, seniority, List.of(languages), timeZone, bio, levels,
                goals, capacity, availability, pausedUntil, List.of(exclusions));
    }

    public boolean retired() {
        return availability == Availability.RETIRED;
    }

    /** A pause whose end date has come counts as accepting, even before the pause check stores that. */
    public Availability effectiveAvailability(LocalDate today) {
        if (availability == Availability.PAUSED && pausedUntil != null && !pausedUntil.isAfter(today)) {
            return Availability.ACCEPTING;
        }
        return availability;
    }
}
