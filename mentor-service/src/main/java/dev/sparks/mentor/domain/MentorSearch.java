package dev.sparks.mentor.domain;

import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.Trait;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters of the mentor listing, turned into a SQL condition with named parameters (never concatenated values).
 *
 * @param strengths each trait with the lowest level that counts (all must hold)
 * @param accepting null for either; true for mentors taking mentees today (a pause that has ended counts)
 */
public record MentorSearch(Map<Trait, Integer> strengths, List<Goal> offerings, Field field, String language,
        Boolean accepting, boolean includeRetired, String email, LocalDate today) {

    public String where() {
        StringBuilder where = new StringBuilder(" where true");
        if (!includeRetired) {
            where.append(" and availability <> 'RETIRED'");
        }
        int i = 0;
        for (Trait ignored : strengths.keySet()) {
            where.append(" and coalesce((strengths ->> :trait").append(i).append(")::int, 1) >= :level").append(i);
            i++;
        }
        for (int o = 0; o < offerings.size(); o++) {
            where.append(" and cast(:offering").append(o).append(" as varchar) = any(offerings)");
        }
        if (field != null) {
            where.append(" and field = :field");
        }
        if (language != null) {
            where.append(" and cast(:language as varchar) = any(languages)");
        }
        if (email != null) {
            where.append(" and email = :email");
        }
        if (accepting != null) {
            String acceptingNow = "(availability = 'ACCEPTING' or (availability = 'PAUSED' and paused_until <= :today))";
            where.append(accepting ? " and " + acceptingNow : " and not " + acceptingNow);
        }
        return where.toString();
    }

    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<Trait, Integer> strength : strengths.entrySet()) {
            parameters.put("trait" + i, strength.getKey().name());
            parameters.put("level" + i, strength.getValue());
            i++;
        }
        for (int o = 0; o < offerings.size(); o++) {
            parameters.put("offering" + o, offerings.get(o).name());
        }
        if (field != null) {
            parameters.put("field", field.name());
        }
        if (language != null) {
            parameters.put("language", language);
        }
        if (email != null) {
            parameters.put("email", email);
        }
        if (accepting != null) {
            parameters.put("today", today);
        }
        return parameters;
    }
}
