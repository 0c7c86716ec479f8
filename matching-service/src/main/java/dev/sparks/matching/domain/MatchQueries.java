package dev.sparks.matching.domain;

import dev.sparks.common.api.Page;
import dev.sparks.common.api.PageRequest;
import dev.sparks.common.model.MatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Listings of matches and of the waiting list; the people on a page are loaded in two queries, not per row. */
@ApplicationScoped
public class MatchQueries {

    private final MatchRepository matches;
    private final ParticipantRepository participants;
    private final MentorRepository mentors;
    private final WaitingListRepository waitingList;
    private final MatchLifecycle lifecycle;

    public MatchQueries(MatchRepository matches, ParticipantRepository participants, MentorRepository mentors,
            WaitingListRepository waitingList, MatchLifecycle lifecycle) {
        this.matches = matches;
        this.participants = participants;
        this.mentors = mentors;
        this.waitingList = waitingList;
        this.lifecycle = lifecycle;
    }

    /**
     * Program-admins and HR systems filter freely; participants and mentors get their own matches within the same
     * filters.
     */
    @Transactional
    public Page<MatchDetails> list(UUID participantId, UUID mentorId, MatchStatus status, Actor actor,
            PageRequest paging) {
        var filter = new MatchRepository.MatchFilter(participantId, mentorId, status,
                actor.readsAll() ? null : (actor.email() == null ? "" : actor.email()));
        List<Match> rows = matches.page(filter, paging.offset(), paging.size);
        return new Page<>(withPeople(rows), paging.page, paging.size, matches.count(filter));
    }

    @Transactional
    public MatchDetails get(UUID matchId, Actor actor) {
        return details(lifecycle.visible(matchId, actor));
    }

    @Transactional
    public MatchDetails details(Match match) {
        return new MatchDetails(match, participants.findById(match.participantId), mentors.findById(match.mentorId));
    }

    @Transactional
    public Page<WaitingDetails> waitingList(WaitingEntry.Status status, PageRequest paging) {
        List<WaitingEntry> rows = waitingList.page(status, paging.offset(), paging.size);
        Map<UUID, Participant> people = participants
                .list("id in ?1", rows.stream().map(row -> row.participantId).toList()).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        return new Page<>(rows.stream().map(row -> new WaitingDetails(row, people.get(row.participantId))).toList(),
                paging.page, paging.size, waitingList.count(status));
    }

    /** A waiting-list row with the participant. */
    public record WaitingDetails(WaitingEntry entry, Participant participant) {
    }

    private List<MatchDetails> withPeople(List<Match> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Participant> people = participants
                .list("id in ?1", rows.stream().map(match -> match.participantId).distinct().toList()).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        Map<UUID, Mentor> mentorsById = mentors
                .list("id in ?1", rows.stream().map(match -> match.mentorId).distinct().toList()).stream()
                .collect(Collectors.toMap(m -> m.id, Function.identity()));
        return rows.stream()
                .map(match -> new MatchDetails(match, people.get(match.participantId), mentorsById.get(match.mentorId)))
                .toList();
    }
}
