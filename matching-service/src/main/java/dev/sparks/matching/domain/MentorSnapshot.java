package dev.sparks.matching.domain;

import dev.sparks.matching.config.MatchingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every mentor who is not retired, as candidates, read from the database at most once per
 * {@link MatchingConfig#mentorSnapshotTtl()} and shared by the decisions in between: ranking thousands of
 * mentors takes well under a millisecond, reading them for every decision takes far longer.
 *
 * <p>The snapshot may be a moment behind (a reserved count, a change another replica applied). The design allows
 * that: a ranking only proposes, the conditional update in {@link MentorRepository#reserve} decides, and the
 * {@link Matchmaker} checks every "no" from the snapshot against fresh rows. A profile change applied by this
 * replica drops the snapshot once it commits.
 */
@ApplicationScoped
public class MentorSnapshot {

    private record Held(LocalDate day, long readAtNanos, List<MentorCandidate> candidates) {
    }

    private final MentorRepository mentors;
    private final MatchingConfig config;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Held held;

    public MentorSnapshot(MentorRepository mentors, MatchingConfig config) {
        this.mentors = mentors;
        this.config = config;
    }

    /**
     * The candidates who speak one of the languages, in mentor id order. When the snapshot is due, one caller reads
     * it again (in its own transaction) while concurrent callers go on with the one they have, so a slow read never
     * makes every decision read.
     */
    public List<MentorCandidate> speaking(LocalDate today, List<String> languages) {
        if (languages.isEmpty()) {
            return List.of();
        }
        Held current = held;
        if (current == null || !current.day().equals(today)) {
            reading.lock();
            try {
                current = fresh(today, held);
            } finally {
                reading.unlock();
            }
        } else if (due(current) && reading.tryLock()) {
            try {
                current = fresh(today, held);
            } finally {
                reading.unlock();
            }
        }
        List<String> wanted = Languages.normalise(languages);
        List<MentorCandidate> speaking = new ArrayList<>();
        for (MentorCandidate candidate : current.candidates()) {
            for (String language : candidate.languages()) {
                if (wanted.contains(language)) {
                    speaking.add(candidate);
                    break;
                }
            }
        }
        return speaking;
    }

    /** Reads the mentors unless another caller did while this one waited for the lock. */
    private Held fresh(LocalDate today, Held seen) {
        if (seen != null && seen.day().equals(today) && !due(seen)) {
            return seen;
        }
        List<MentorCandidate> candidates = mentors.candidates(today);
        // the age counts from the end of the read, so a read slower than the time to live is not repeated at once
        Held read = new Held(today, System.nanoTime(), candidates);
        held = read;
        return read;
    }

    private boolean due(Held current) {
        return System.nanoTime() - current.readAtNanos() >= config.mentorSnapshotTtl().toNanos();
    }

    /** A mentor changed: the next decision reads them all again (concurrent ones may still use this one). */
    public void invalidate() {
        Held current = held;
        if (current != null) {
            held = new Held(current.day(), System.nanoTime() - config.mentorSnapshotTtl().toNanos() - 1,
                    current.candidates());
        }
    }
}
