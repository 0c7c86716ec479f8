package dev.sparks.common.contract;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.DiffContext;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * The breaking-change rule for the committed OpenAPI documents, judged by openapi-diff: a change from the released
 * baseline ({@code deploy/openapi/baseline/<service>.yaml}) that would break an existing client (an operation
 * removed, a response field removed or retyped, a parameter made required, a security requirement added, ...) is
 * refused; openapi-diff decides, plus two rules of ours (any removed response field breaks, not only required ones;
 * a response header declared without a schema may gain one; a property or parameter whose type changed breaks,
 * which openapi-diff does not see in OpenAPI 3.1 documents). A planned breaking change goes to a new path version:
 * new {@code /api/v2} paths are additions, and the old version may only disappear as a whole (no path of it left
 * while a newer version is served).
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class OpenApiCompatibility {

    public static final String RELEASE = "deploy/openapi/refresh --baseline";

    private static final Pattern VERSION = Pattern.compile("^/api/v(\\d+)(/|$)");

    private OpenApiCompatibility() {
    }

    /** The breaking changes from {@code baseline} to {@code current}, one line each; empty when compatible. */
    public static List<String> breakingChanges(String baseline, String current) {
        OpenAPI released = read(baseline);
        OpenAPI served = read(current);
        schemalessHeadersTakeTheCurrentSchema(released, served);
        ChangedOpenApi diff = OpenApiCompare.fromSpecifications(released, served);
        Set<Integer> servedVersions = new TreeSet<>();
        diff.getNewSpecOpenApi().getPaths().keySet().forEach(path -> version(path).ifPresent(servedVersions::add));
        int newest = servedVersions.stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> breaking = new ArrayList<>();
        for (Endpoint missing : diff.getMissingEndpoints()) {
            if (!retired(missing.getPathUrl(), servedVersions, newest)) {
                breaking.add(missing.getMethod() + " " + missing.getPathUrl() + ": operation removed");
            }
        }
        for (ChangedOperation changed : diff.getChangedOperations()) {
            if (changed.isIncompatible() && !retired(changed.getPathUrl(), servedVersions, newest)) {
                breaking.add(changed.getHttpMethod() + " " + changed.getPathUrl() + ": " + what(changed));
            }
        }
        // openapi-diff counts a removed response field as breaking only when it was required; Sparks' response
        // records list no required fields, yet clients read every one of them, so any removed one breaks.
        for (ChangedSchema schema : diff.getChangedSchemas()) {
            DiffContext context = schema.getContext();
            if (context != null && context.isResponse() && !schema.getMissingProperties().isEmpty()
                    && !retired(String.valueOf(context.getUrl()), servedVersions, newest)) {
                breaking.add(context.getMethod() + " " + context.getUrl() + ": response field(s) "
                        + new TreeSet<>(schema.getMissingProperties().keySet()) + " removed");
            }
        }
        breaking.addAll(retyped(released, served, servedVersions, newest));
        return breaking.stream().distinct().toList();
    }

    /**
     * Properties of a component schema and operation parameters whose type, format, reference or item type changed.
     * openapi-diff compares a schema's {@code type} only, which OpenAPI 3.1 documents leave empty (their types are a
     * list), so it misses these; any of them breaks a client: one that sends the old type, or reads it.
     */
    private static List<String> retyped(OpenAPI baseline, OpenAPI current, Set<Integer> servedVersions, int newest) {
        List<String> breaking = new ArrayList<>();
        Map<String, Schema> before = baseline.getComponents() == null || baseline.getComponents().getSchemas() == null
                ? Map.of() : baseline.getComponents().getSchemas();
        Map<String, Schema> after = current.getComponents() == null || current.getComponents().getSchemas() == null
                ? Map.of() : current.getComponents().getSchemas();
        before.forEach((name, schema) -> {
            Schema<?> now = after.get(name);
            if (now == null || schema.getProperties() == null || now.getProperties() == null) {
                return;
            }
            Map<String, Schema> nowProperties = now.getProperties();
            ((Map<String, Schema>) schema.getProperties()).forEach((property, was) -> {
                Schema<?> is = nowProperties.get(property);
                if (is != null && !shape(was).equals(shape(is))) {
                    breaking.add("schema " + name + ": property " + property + " changed from " + shape(was) + " to "
                            + shape(is));
                }
            });
        });
        if (baseline.getPaths() != null && current.getPaths() != null) {
            baseline.getPaths().forEach((path, item) -> {
                PathItem now = current.getPaths().get(path);
                if (now == null || retired(path, servedVersions, newest)) {
                    return;
                }
                item.readOperationsMap().forEach((method, operation) -> {
                    Operation nowOperation = now.readOperationsMap().get(method);
                    if (nowOperation == null || operation.getParameters() == null
                            || nowOperation.getParameters() == null) {
                        return;
                    }
                    for (Parameter was : operation.getParameters()) {
                        nowOperation.getParameters().stream()
                                .filter(is -> is.getName().equals(was.getName()) && is.getIn().equals(was.getIn()))
                                .filter(is -> !shape(was.getSchema()).equals(shape(is.getSchema())))
                                .forEach(is -> breaking.add(method + " " + path + ": parameter " + was.getName()
                                        + " changed from " + shape(was.getSchema()) + " to " + shape(is.getSchema())));
                    }
                });
            });
        }
        return breaking;
    }

    /** A schema's type in one line: its reference, or its types, format and item type. */
    private static String shape(Schema<?> schema) {
        if (schema == null) {
            return "any";
        }
        if (schema.get$ref() != null) {
            return schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        }
        Set<String> types = new TreeSet<>();
        if (schema.getTypes() != null) {
            types.addAll(schema.getTypes());
        } else if (schema.getType() != null) {
            types.add(schema.getType());
        }
        StringBuilder shape = new StringBuilder(types.isEmpty() ? "any" : String.join("|", types));
        if (schema.getFormat() != null) {
            shape.append(" (").append(schema.getFormat()).append(')');
        }
        if (schema.getItems() != null) {
            shape.append(" of ").append(shape(schema.getItems()));
        }
        if (schema.getAllOf() != null) {
            shape.append(" all of ").append(schema.getAllOf().stream().map(OpenApiCompatibility::shape).toList());
        }
        return shape.toString();
    }

    /** Parsed as openapi-diff parses contents itself: references resolved. */
    private static OpenAPI read(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI spec = new OpenAPIParser().readContents(document, null, options).getOpenAPI();
        if (spec == null) {
            throw new IllegalArgumentException("Not an OpenAPI document");
        }
        return spec;
    }

    /**
     * A response header the baseline declared without a schema (or content) promised no particular value, so the
     * schema it gains later only documents what was always sent; openapi-diff would count it as a changed type. The
     * baseline's header takes the current schema, so only headers that already had one are judged.
     */
    private static void schemalessHeadersTakeTheCurrentSchema(OpenAPI baseline, OpenAPI current) {
        if (baseline.getPaths() == null || current.getPaths() == null) {
            return;
        }
        baseline.getPaths().forEach((path, item) -> {
            PathItem now = current.getPaths().get(path);
            if (now == null) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> {
                Operation nowOperation = now.readOperationsMap().get(method);
                if (nowOperation == null || operation.getResponses() == null || nowOperation.getResponses() == null) {
                    return;
                }
                operation.getResponses().forEach((status, response) -> {
                    ApiResponse nowResponse = nowOperation.getResponses().get(status);
                    if (nowResponse == null || response.getHeaders() == null || nowResponse.getHeaders() == null) {
                        return;
                    }
                    response.getHeaders().forEach((name, header) -> {
                        Header nowHeader = nowResponse.getHeaders().get(name);
                        if (nowHeader != null && header.getSchema() == null && header.getContent() == null
                                && header.get$ref() == null) {
                            header.setSchema(nowHeader.getSchema());
                        }
                    });
                });
            });
        });
    }

    /** A whole path version that is no longer served while a newer one is: a deliberate, versioned break. */
    private static boolean retired(String path, Set<Integer> servedVersions, int newest) {
        return version(path).map(v -> !servedVersions.contains(v) && newest > v).orElse(false);
    }

    private static Optional<Integer> version(String path) {
        Matcher m = VERSION.matcher(path);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    private static String what(ChangedOperation changed) {
        List<String> parts = new ArrayList<>();
        add(parts, "parameters", changed.getParameters());
        add(parts, "request body", changed.getRequestBody());
        add(parts, "responses", changed.getApiResponses());
        add(parts, "security", changed.getSecurityRequirements());
        return (parts.isEmpty() ? "incompatible change" : String.join(", ", parts) + " changed incompatibly");
    }

    private static void add(List<String> parts, String name, Changed element) {
        if (element != null && element.isIncompatible()) {
            parts.add(name);
        }
    }
}
