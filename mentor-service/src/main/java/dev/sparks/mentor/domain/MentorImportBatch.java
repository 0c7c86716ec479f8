package dev.sparks.mentor.domain;

import dev.sparks.mentor.messaging.MentorFeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies one batch of import rows in one transaction: two queries find the mentors the batch names (by external id
 * and by email), new mentors are inserted and changed ones updated in JDBC batches, and each created or updated
 * mentor writes one event to the outbox. An unchanged row writes nothing.
 */
@ApplicationScoped
public class MentorImportBatch {

    private final MentorRepository mentors;
    private final MentorFeed feed;

    public MentorImportBatch(MentorRepository mentors, MentorFeed feed) {
        this.mentors = mentors;
        this.feed = feed;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ImportRowResult> apply(List<ImportPlan.Ready> rows) {
        Map<String, Mentor> byExternalId = mentors
                .findByExternalIds(rows.stream().map(r -> r.profile().externalId()).toList()).stream()
                .collect(Collectors.toMap(m -> m.externalId, Function.identity()));
        Map<String, Mentor> byEmail = mentors
                .findByEmails(rows.stream().map(r -> r.profile().email()).toList()).stream()
                .collect(Collectors.toMap(m -> m.email, Function.identity()));
        Map<String, Mentor> heldEmails = new HashMap<>(byEmail);
        byExternalId.values().forEach(m -> heldEmails.put(m.email, m));
        Set<String> releasedInBatch = new HashSet<>();
        Instant now = Instant.now();
        List<ImportRowResult> results = new ArrayList<>(rows.size());
        List<MentorFeed.Change> announcements = new ArrayList<>();
        for (ImportPlan.Ready row : rows) {
            MentorProfile incoming = row.profile();
            Mentor mentor = byExternalId.get(incoming.externalId());
            MentorProfile current = mentor == null ? null : mentor.profile();
            if (ProfileChange.refusedForRetired(current, incoming)) {
                results.add(ImportRowResult.rejected(row.row(), incoming.externalId(), "availability",
                        "the mentor is retired; give availability ACCEPTING or PAUSED to reactivate them"));
                continue;
            }
            Mentor holder = heldEmails.get(incoming.email());
            if (holder != null && holder != mentor) {
                results.add(ImportRowResult.rejected(row.row(), incoming.externalId(), "email",
                        "is already the email of another mentor (" + holder.externalId + ")"));
                continue;
            }
            if (holder == null && releasedInBatch.contains(incoming.email())) {
                // Two updates that hand an email on could reach the unique index in either order: one at a time.
                results.add(ImportRowResult.rejected(row.row(), incoming.externalId(), "email",
                        "was given up by another mentor in this import; send this row again"));
                continue;
            }
            MentorProfile resolved = incoming.resolvedAgainst(current);
            switch (ProfileChange.of(current, resolved)) {
                case CREATED -> {
                    Mentor created = Mentor.create(resolved, now);
                    mentors.persist(created);
                    announcements.add(new MentorFeed.Change(created, 0));
                    heldEmails.put(created.email, created);
                    results.add(new ImportRowResult(row.row(), created.externalId, ImportOutcome.CREATED,
                            created.id, List.of()));
                }
                case UPDATED -> {
                    if (!mentor.email.equals(resolved.email())) {
                        heldEmails.remove(mentor.email);
                        releasedInBatch.add(mentor.email);
                        heldEmails.put(resolved.email(), mentor);
                    }
                    long next = mentor.version + 1;
                    mentor.apply(resolved, now);
                    announcements.add(new MentorFeed.Change(mentor, next));
                    results.add(new ImportRowResult(row.row(), mentor.externalId, ImportOutcome.UPDATED, mentor.id,
                            List.of()));
                }
                case UNCHANGED -> results.add(new ImportRowResult(row.row(), mentor.externalId,
                        ImportOutcome.UNCHANGED, mentor.id, List.of()));
            }
        }
        // The mentors' inserts and updates go out in JDBC batches first; the outbox rows follow in one multi-row
        // insert per 500.
        mentors.flush();
        feed.changedAll(announcements, now);
        return results;
    }
}
