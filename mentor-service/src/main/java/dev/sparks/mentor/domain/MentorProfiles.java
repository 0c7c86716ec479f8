package dev.sparks.mentor.domain;

import dev.sparks.common.events.ParticipantErasedV1;
import dev.sparks.common.model.Availability;
import dev.sparks.common.problem.Problem.FieldError;
import dev.sparks.common.problem.ProblemException;
import dev.sparks.mentor.messaging.MentorFeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Creating, editing, pausing and retiring mentors one at a time. Every change that alters a profile writes its
 * {@code mentor.profile-changed.v1} event in the same transaction; an edit that changes nothing writes nothing.
 */
@ApplicationScoped
public class MentorProfiles {

    private final MentorRepository mentors;
    private final MentorFeed feed;
    private final Clock clock = Clock.systemUTC();

    public MentorProfiles(MentorRepository mentors, MentorFeed feed) {
        this.mentors = mentors;
        this.feed = feed;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    @Transactional
    public Mentor get(UUID id) {
        return mentors.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Mentor", id));
    }

    /** The mentor profile linked to a mentor's token by email. */
    @Transactional
    public Mentor own(String email) {
        return ownOptional(email).orElseThrow(() -> new ProblemException(
                dev.sparks.common.problem.ProblemType.NOT_FOUND,
                "No mentor profile is linked to your email " + email));
    }

    @Transactional
    public Optional<Mentor> ownOptional(String email) {
        return email == null ? Optional.empty() : mentors.findByEmail(email);
    }

    @Transactional
    public MentorRepository.SearchPage search(MentorSearch search, int offset, int limit) {
        return mentors.search(search, offset, limit);
    }

    @Transactional
    public Mentor create(ProfileDraft draft) {
        MentorProfile profile = normalised(draft);
        mentors.find("externalId", profile.externalId()).firstResultOptional().ifPresent(existing -> {
            throw ProblemException.conflict("A mentor with externalId " + profile.externalId() + " exists: "
                    + existing.id);
        });
        mentors.findByEmail(profile.email()).ifPresent(existing -> {
            throw ProblemException.conflict("A mentor with email " + profile.email() + " exists: " + existing.id);
        });
        Instant now = clock.instant();
        Mentor mentor = Mentor.create(profile.resolvedAgainst(null), now);
        mentors.persist(mentor);
        feed.changed(mentor, 0, now);
        flush();
        return mentor;
    }

    /**
     * Replaces the profile. An absent availability keeps the mentor's; a retired mentor changes only when the
     * draft brings them back (availability given) and only by a program-admin.
     *
     * @param expectedVersion from If-Match, or null to skip the check
     */
    @Transactional
    public Mentor replace(UUID id, ProfileDraft draft, Long expectedVersion, Editor editor) {
        Mentor mentor = editable(get(id), expectedVersion, editor);
        MentorProfile profile = normalised(draft);
        if (!editor.admin()) {
            List<FieldError> keys = new ArrayList<>();
            if (!profile.externalId().equals(mentor.externalId)) {
                keys.add(new FieldError("externalId", "only a program-admin may change it"));
            }
            if (!profile.email().equals(mentor.email)) {
                keys.add(new FieldError("email", "only a program-admin may change it"));
            }
            if (!keys.isEmpty()) {
                throw new ProblemException(dev.sparks.common.problem.ProblemType.FORBIDDEN,
                        "A mentor may not change the keys that link the profile to HR and to their login", keys);
            }
        }
        MentorProfile current = mentor.profile();
        if (ProfileChange.refusedForRetired(current, profile)) {
            throw ProblemException.conflict("Mentor " + id + " is retired; a program-admin reactivates them by "
                    + "setting availability to ACCEPTING or PAUSED");
        }
        if (!profile.externalId().equals(mentor.externalId)) {
            mentors.find("externalId", profile.externalId()).firstResultOptional().ifPresent(other -> {
                throw ProblemException.conflict("externalId " + profile.externalId() + " belongs to mentor "
                        + other.id);
            });
        }
        if (!profile.email().equals(mentor.email)) {
            mentors.findByEmail(profile.email()).ifPresent(other -> {
                throw ProblemException.conflict("email " + profile.email() + " belongs to mentor " + other.id);
            });
        }
        return store(mentor, profile.resolvedAgainst(current));
    }

    /** A mentor pauses (optionally until a date) or resumes themselves. */
    @Transactional
    public Mentor setOwnAvailability(String email, String availability, LocalDate pausedUntil,
            Long expectedVersion) {
        Mentor mentor = own(email);
        editable(mentor, expectedVersion, new Editor(false, email));
        ProfileDraft draft = ProfileDraft.of(mentor.profile()).withAvailability(availability,
                pausedUntil == null ? null : pausedUntil.toString());
        return store(mentor, normalised(draft));
    }

    /** Retires the mentor: kept for history, never matched again. Retiring a retired mentor changes nothing. */
    @Transactional
    public Mentor retire(UUID id, Long expectedVersion) {
        Mentor mentor = get(id);
        checkVersion(mentor, expectedVersion);
        if (mentor.retired()) {
            return mentor;
        }
        return store(mentor, mentor.profile().withAvailability(Availability.RETIRED, null));
    }

    /**
     * participant.erased.v1: removes the erased participant from every mentor's exclusions (entries are emails or
     * external ids, recognised by the event's digests) and announces each changed profile, so matching's copy and
     * the compacted topic's latest record no longer name them. Returns how many mentors changed.
     */
    @Transactional
    public int forgetErasedParticipant(ParticipantErasedV1 erased) {
        List<Mentor> excluding = mentors.excluding(erased.participantId(), erased.identifierDigests());
        for (Mentor mentor : excluding) {
            MentorProfile current = mentor.profile();
            store(mentor, current.withExclusions(current.exclusions().stream()
                    .filter(entry -> !erased.identifies(entry)).toList()));
        }
        return excluding.size();
    }

    /** Stores as accepting the paused mentors whose pause ended, announcing each; returns how many. */
    @Transactional
    public int resumeExpiredPauses(LocalDate today) {
        List<Mentor> expired = mentors.findExpiredPauses(today);
        for (Mentor mentor : expired) {
            store(mentor, mentor.profile().withAvailability(Availability.ACCEPTING, null));
        }
        return expired.size();
    }

    private Mentor store(Mentor mentor, MentorProfile resolved) {
        if (ProfileChange.of(mentor.profile(), resolved) == ProfileChange.UNCHANGED) {
            return mentor;
        }
        Instant now = clock.instant();
        long next = mentor.version + 1;
        mentor.apply(resolved, now);
        feed.changed(mentor, next, now);
        flush();
        return mentor;
    }

    private Mentor editable(Mentor mentor, Long expectedVersion, Editor editor) {
        if (!editor.mayEdit(mentor)) {
            throw ProblemException.forbidden("A mentor may edit only their own profile");
        }
        checkVersion(mentor, expectedVersion);
        if (mentor.retired() && !editor.admin()) {
            throw ProblemException.conflict("This mentor profile is retired; only a program-admin can reactivate it");
        }
        return mentor;
    }

    private static void checkVersion(Mentor mentor, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != mentor.version) {
            throw ProblemException.conflict("The mentor was changed since you read it: If-Match names version "
                    + expectedVersion + ", the current version is " + mentor.version + "; read it again and retry");
        }
    }

    private MentorProfile normalised(ProfileDraft draft) {
        ProfileNormaliser.Result result = ProfileNormaliser.normalise(draft, today());
        if (!result.valid()) {
            throw ProblemException.invalid(result.errors());
        }
        return result.profile();
    }

    /** Sends the change now, so a unique key taken concurrently is a 409 and the ETag is the stored version. */
    private void flush() {
        try {
            mentors.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw ProblemException.conflict("Another mentor took this externalId or email at the same time");
            }
            throw e;
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
