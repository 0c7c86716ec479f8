package dev.sparks.matching.domain;

import dev.sparks.common.events.MentorProfileChangedV1;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Keeps the mentor read model: applies mentor.profile-changed.v1 when it is newer than what is held, so replays
 * of the compacted topic and redeliveries change nothing. A changed profile may make a waiting participant
 * matchable, so the waiting list is tried after the commit. A lower capacity keeps the existing matches (the
 * reserved count may then exceed it until they end); no new ones are made until there is room again.
 */
@ApplicationScoped
public class MentorDirectory {

    private static final Logger LOG = Logger.getLogger(MentorDirectory.class);

    private final MentorRepository mentors;
    private final AfterCommit afterCommit;
    private final WaitingListDrain drain;
    private final MentorSnapshot snapshot;

    public MentorDirectory(MentorRepository mentors, AfterCommit afterCommit, WaitingListDrain drain,
            MentorSnapshot snapshot) {
        this.snapshot = snapshot;
        this.mentors = mentors;
        this.afterCommit = afterCommit;
        this.drain = drain;
    }

    @Transactional
    public void apply(MentorProfileChangedV1 event) {
        if (event.mentorId() == null) {
            throw new IllegalArgumentException("mentor.profile-changed.v1 without a mentorId");
        }
        Mentor mentor = mentors.findForUpdate(event.mentorId()).orElse(null);
        if (mentor == null) {
            mentor = new Mentor();
            mentor.apply(event);
            mentors.persist(mentor);
        } else if (event.version() > mentor.profileVersion) {
            mentor.apply(event);
        } else {
            LOG.debugf("Mentor %s version %d is not newer than %d; skipped", event.mentorId(), event.version(),
                    mentor.profileVersion);
            return;
        }
        afterCommit.run(() -> {
            snapshot.invalidate();
            drain.wake();
        });
    }
}
