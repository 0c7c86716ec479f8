package dev.sparks.matching.domain;

import dev.sparks.matching.config.MatchingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The one row of {@code program_settings}. Completions read the mode {@code for share} and a change locks the row
 * {@code for update}, so a switch and a completion never interleave (a completion cannot enter the pool after the
 * switch to immediate mode emptied it).
 */
@ApplicationScoped
public class ProgramSettingsRepository {

    private final EntityManager entityManager;
    private final MatchingConfig config;

    public ProgramSettingsRepository(EntityManager entityManager, MatchingConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /** The mode, with the row share-locked until the caller's transaction ends. */
    public ProgramMode modeForShare() {
        Object mode = entityManager.createNativeQuery("select mode from program_settings where id = 1 for share")
                .getSingleResult();
        return mode == null ? config.mode() : ProgramMode.valueOf(mode.toString());
    }

    public ProgramSettings current() {
        return read("");
    }

    public ProgramSettings lockForUpdate() {
        return read(" for update");
    }

    public void save(ProgramMode mode, Instant nextRunAt, String objective, int threshold, String updatedBy) {
        entityManager.createNativeQuery("update program_settings set mode = ?1, next_run_at = ?2, objective = ?3,"
                        + " threshold = ?4, updated_at = now(), updated_by = ?5 where id = 1")
                .setParameter(1, mode.name())
                .setParameter(2, nextRunAt == null ? null : Timestamp.from(nextRunAt))
                .setParameter(3, objective)
                .setParameter(4, threshold)
                .setParameter(5, updatedBy)
                .executeUpdate();
    }

    public void clearNextRun() {
        entityManager.createNativeQuery("update program_settings set next_run_at = null where id = 1").executeUpdate();
    }

    private ProgramSettings read(String lock) {
        Object[] row = (Object[]) entityManager.createNativeQuery("select mode, next_run_at, objective, threshold,"
                + " updated_at, updated_by from program_settings where id = 1" + lock).getSingleResult();
        return new ProgramSettings(row[0] == null ? config.mode() : ProgramMode.valueOf(row[0].toString()),
                instant(row[1]), (String) row[2], ((Number) row[3]).intValue(), instant(row[4]), (String) row[5]);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
