package dev.sparks.mentor.messaging;

import dev.sparks.common.events.MentorProfileChangedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.Trait;
import dev.sparks.common.outbox.OutboxWriter;
import dev.sparks.mentor.domain.Mentor;
import dev.sparks.mentor.domain.MentorProfile;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The mentor profile feed: every change of a mentor writes the whole current profile to the outbox, in the
 * transaction of the change, for the compacted {@link Topics#MENTORS} topic keyed by mentor id.
 */
@ApplicationScoped
public class MentorFeed {

    private final OutboxWriter outbox;

    public MentorFeed(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /**
     * @param version the version the mentor has once the transaction commits: Hibernate raises {@code @Version} at
     *        flush, so a changed mentor's event carries the loaded version + 1 and a new mentor's carries 0
     */
    public void changed(Mentor mentor, long version, Instant changedAt) {
        MentorProfileChangedV1 event = event(mentor, version, changedAt);
        String key = mentor.id.toString();
        outbox.write(Topics.MENTORS, key, MentorProfileChangedV1.TYPE, key, event);
    }

    /** A mentor and the version it has once the transaction commits (see {@link #changed}). */
    public record Change(Mentor mentor, long version) {
    }

    /** Many changes at once, as an import batch makes them: one multi-row outbox insert instead of one per mentor. */
    public void changedAll(List<Change> changes, Instant changedAt) {
        List<OutboxWriter.Outgoing> events = new ArrayList<>(changes.size());
        for (Change change : changes) {
            String key = change.mentor().id.toString();
            events.add(new OutboxWriter.Outgoing(Topics.MENTORS, key, MentorProfileChangedV1.TYPE, key,
                    event(change.mentor(), change.version(), changedAt)));
        }
        outbox.writeAll(events);
    }

    private static MentorProfileChangedV1 event(Mentor mentor, long version, Instant changedAt) {
        MentorProfile profile = mentor.profile();
        Map<Trait, Integer> strengths = new EnumMap<>(profile.strengths());
        List<Goal> offerings = profile.offerings();
        MentorProfileChangedV1 event = new MentorProfileChangedV1(mentor.id, profile.externalId(), profile.name(),
                profile.email(), profile.field(), profile.seniority(), profile.languages(), profile.timeZone(),
                profile.bio(), strengths, offerings, profile.capacity(), profile.availability(),
                profile.pausedUntil(), mentor.retired(), profile.exclusions(), version, changedAt);
        return event;
    }
}
