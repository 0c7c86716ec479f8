package dev.sparks.mentor.domain;

import dev.sparks.common.model.Availability;
import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.Trait;
import dev.sparks.common.problem.Problem.FieldError;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a {@link ProfileDraft} into a {@link MentorProfile} in normal form, or says field by field what is wrong.
 * The one place the rules of a valid profile live, for the REST API and both import formats alike.
 */
public final class ProfileNormaliser {

    public static final int MAX_EXTERNAL_ID = 100;
    public static final int MAX_NAME = 200;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_SENIORITY = 100;
    public static final int MAX_BIO = 1000;
    public static final int MAX_EXCLUSIONS = 200;
    public static final int MIN_CAPACITY = 1;
    public static final int MAX_CAPACITY = 10;
    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 5;
    /** The level of a trait the input leaves out: "not a strength". */
    public static final int DEFAULT_LEVEL = MIN_LEVEL;

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern EXTERNAL_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:/-]*$");
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    /** A normalised profile, or the reasons there is none. */
    public record Result(MentorProfile profile, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private ProfileNormaliser() {
    }

    /**
     * @param today the date that a {@code pausedUntil} must lie after (UTC)
     */
    public static Result normalise(ProfileDraft draft, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String externalId = trimmed(draft.externalId());
        if (externalId == null) {
            errors.add(new FieldError("externalId", "is required"));
        } else if (externalId.length() > MAX_EXTERNAL_ID) {
            errors.add(new FieldError("externalId", "must be at most " + MAX_EXTERNAL_ID + " characters"));
        } else if (!EXTERNAL_ID.matcher(externalId).matches()) {
            errors.add(new FieldError("externalId", "may hold only letters, digits and . _ : / -"));
        }

        String name = trimmed(draft.name());
        if (name != null) {
            name = name.replaceAll("\\s+", " ");
        }
        required(errors, "name", name, MAX_NAME);

        String email = email(draft.email());
        if (email == null) {
            errors.add(new FieldError("email", "is required"));
        } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "must be a valid email address"));
        }

        Field field = enumValue(errors, "field", draft.field(), Field.class, true);
        String seniority = trimmed(draft.seniority());
        if (seniority != null && seniority.length() > MAX_SENIORITY) {
            errors.add(new FieldError("seniority", "must be at most " + MAX_SENIORITY + " characters"));
        }

        List<String> languages = languages(errors, draft.languages());

        String timeZone = trimmed(draft.timeZone());
        if (timeZone == null) {
            errors.add(new FieldError("timeZone", "is required"));
        } else if (!ZONES.contains(timeZone)) {
            errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin"));
        } else {
            timeZone = ZoneId.of(timeZone).getId();
        }

        String bio = trimmed(draft.bio());
        if (bio != null && bio.length() > MAX_BIO) {
            errors.add(new FieldError("bio", "must be at most " + MAX_BIO + " characters"));
        }

        Map<Trait, Integer> strengths = strengths(errors, draft.strengths());
        List<Goal> offerings = offerings(errors, draft.offerings());

        Integer capacity = draft.capacity();
        if (capacity == null) {
            errors.add(new FieldError("capacity", "is required"));
        } else if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY) {
            errors.add(new FieldError("capacity", "must be between " + MIN_CAPACITY + " and " + MAX_CAPACITY));
        }

        Availability availability = enumValue(errors, "availability", draft.availability(), Availability.class,
                false);
        if (availability == Availability.RETIRED) {
            errors.add(new FieldError("availability", "must be ACCEPTING or PAUSED; retire a mentor with DELETE"));
        }
        LocalDate pausedUntil = null;
        String pausedText = trimmed(draft.pausedUntil());
        if (pausedText != null) {
            try {
                pausedUntil = LocalDate.parse(pausedText);
                if (availability != Availability.PAUSED) {
                    errors.add(new FieldError("pausedUntil", "may only be given with availability PAUSED"));
                } else if (!pausedUntil.isAfter(today)) {
                    errors.add(new FieldError("pausedUntil", "must be a date after today (" + today + ")"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("pausedUntil", "must be a date such as 2030-01-31"));
            }
        }

        List<String> exclusions = exclusions(errors, draft.exclusions());

        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(new MentorProfile(externalId, name, email, field, seniority, languages, timeZone, bio,
                strengths, offerings, capacity, availability, pausedUntil, exclusions), List.of());
    }

    /** Emails compare and are stored in lower case. */
    public static String email(String raw) {
        String email = trimmed(raw);
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    /** A strength filter or key: the trait name in any case. */
    public static Trait trait(String raw) {
        String name = trimmed(raw);
        if (name == null) {
            return null;
        }
        try {
            return Trait.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String trimmed(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        return value.isEmpty() ? null : value;
    }

    private static void required(List<FieldError> errors, String field, String value, int max) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static <E extends Enum<E>> E enumValue(List<FieldError> errors, String field, String raw, Class<E> type,
            boolean required) {
        String value = trimmed(raw);
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + names(type)));
            return null;
        }
    }

    private static List<String> languages(List<FieldError> errors, List<String> raw) {
        LinkedHashSet<String> languages = new LinkedHashSet<>();
        if (raw != null) {
            for (int i = 0; i < raw.size(); i++) {
                String code = trimmed(raw.get(i));
                String lower = code == null ? null : code.toLowerCase(Locale.ROOT);
                if (lower == null || lower.length() != 2 || !LANGUAGES.contains(lower)) {
                    errors.add(new FieldError("languages[" + i + "]", "must be an ISO 639-1 code such as en"));
                } else {
                    languages.add(lower);
                }
            }
        }
        if (languages.isEmpty() && (raw == null || raw.isEmpty())) {
            errors.add(new FieldError("languages", "must name at least one language"));
        }
        return List.copyOf(languages);
    }

    private static Map<Trait, Integer> strengths(List<FieldError> errors, Map<String, Integer> raw) {
        EnumMap<Trait, Integer> strengths = new EnumMap<>(Trait.class);
        for (Trait trait : Trait.values()) {
            strengths.put(trait, DEFAULT_LEVEL);
        }
        if (raw == null) {
            return strengths;
        }
        for (Map.Entry<String, Integer> entry : new java.util.TreeMap<>(raw).entrySet()) {
            Trait trait = trait(entry.getKey());
            String field = "strengths." + entry.getKey();
            if (trait == null) {
                errors.add(new FieldError(field, "is not a trait; traits are " + names(Trait.class)));
            } else if (entry.getValue() == null || entry.getValue() < MIN_LEVEL || entry.getValue() > MAX_LEVEL) {
                errors.add(new FieldError(field, "must be a level from " + MIN_LEVEL + " to " + MAX_LEVEL));
            } else {
                strengths.put(trait, entry.getValue());
            }
        }
        return strengths;
    }

    private static List<Goal> offerings(List<FieldError> errors, List<String> raw) {
        EnumSet<Goal> offerings = EnumSet.noneOf(Goal.class);
        if (raw != null) {
            for (int i = 0; i < raw.size(); i++) {
                Goal goal = enumValue(errors, "offerings[" + i + "]", raw.get(i), Goal.class, true);
                if (goal != null) {
                    offerings.add(goal);
                }
            }
        }
        return List.copyOf(offerings);
    }

    private static List<String> exclusions(List<FieldError> errors, List<String> raw) {
        TreeSet<String> exclusions = new TreeSet<>();
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > MAX_EXCLUSIONS) {
            errors.add(new FieldError("exclusions", "must hold at most " + MAX_EXCLUSIONS + " entries"));
            return List.of();
        }
        for (int i = 0; i < raw.size(); i++) {
            String value = trimmed(raw.get(i));
            String field = "exclusions[" + i + "]";
            if (value == null) {
                errors.add(new FieldError(field, "must be a participant's external id or email"));
                continue;
            }
            value = value.toLowerCase(Locale.ROOT);
            if (value.length() > MAX_EMAIL) {
                errors.add(new FieldError(field, "must be at most " + MAX_EMAIL + " characters"));
            } else if (value.contains("@") && !EMAIL.matcher(value).matches()) {
                errors.add(new FieldError(field, "must be a valid email address or an external id"));
            } else {
                exclusions.add(value);
            }
        }
        return List.copyOf(exclusions);
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
