package dev.sparks.common.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Typed query parameters (ids, enumerations, numbers, booleans) are read strictly, and a value that does not fit is
 * a 400 naming the parameter. Without this, JAX-RS answers a query value it cannot convert with 404, as if the
 * listing did not exist, and reads {@code ?accepting=yes} as false. Path parameters keep their 404: an id that
 * cannot exist is simply not found.
 */
@Provider
public class QueryParameters implements ParamConverterProvider {

    /** A query parameter whose value does not fit its type; mapped to a validation problem naming it. */
    public static class InvalidParameter extends BadRequestException {

        private final String parameter;
        private final String reason;

        InvalidParameter(String parameter, String reason) {
            super(parameter + ": " + reason);
            this.parameter = parameter;
            this.reason = reason;
        }

        public String parameter() {
            return parameter;
        }

        public String reason() {
            return reason;
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = Arrays.stream(annotations).filter(QueryParam.class::isInstance).map(a -> ((QueryParam) a).value())
                .findFirst().orElse(null);
        if (name == null) {
            return null;
        }
        Function<String, Object> parse;
        String expected;
        if (rawType == UUID.class) {
            parse = UUID::fromString;
            expected = "must be an id (UUID)";
        } else if (rawType.isEnum()) {
            parse = value -> Enum.valueOf((Class) rawType, value);
            expected = "must be one of " + Arrays.stream(rawType.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        } else if (rawType == int.class || rawType == Integer.class) {
            parse = Integer::valueOf;
            expected = "must be a whole number";
        } else if (rawType == long.class || rawType == Long.class) {
            parse = Long::valueOf;
            expected = "must be a whole number";
        } else if (rawType == boolean.class || rawType == Boolean.class) {
            // an absent primitive parameter without @DefaultValue arrives as "0" (Quarkus REST's default for
            // primitives): it stays false
            boolean primitive = rawType == boolean.class;
            parse = value -> switch (value) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> {
                    if (primitive && value.equals("0")) {
                        yield Boolean.FALSE;
                    }
                    throw new IllegalArgumentException(value);
                }
            };
            expected = "must be true or false";
        } else {
            return null;
        }
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return (T) parse.apply(value);
                } catch (RuntimeException e) {
                    throw new InvalidParameter(name, expected);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
