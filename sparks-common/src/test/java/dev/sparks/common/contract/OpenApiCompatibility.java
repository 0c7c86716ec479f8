package dev.sparks.common.contract;

import java.util.ArrayList;
import java.util.List;
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
 * refused; openapi-diff decides, plus one rule of ours (any removed response field breaks, not only required ones). A planned breaking change goes to a new path version: new {@code /api/v2} paths are additions, and the
 * old version may only disappear as a whole (no path of it left while a newer version is served).
 */
public final class OpenApiCompatibility {

    public static final String RELEASE = "deploy/openapi/refresh --baseline";

    private static final Pattern VERSION = Pattern.compile("^/api/v(\\d+)(/|$)");

    private OpenApiCompatibility() {
    }

    /** The breaking changes from {@code baseline} to {@code current}, one line each; empty when compatible. */
    public static List<String> breakingChanges(String baseline, String current) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(baseline, current);
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
        return breaking.stream().distinct().toList();
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
