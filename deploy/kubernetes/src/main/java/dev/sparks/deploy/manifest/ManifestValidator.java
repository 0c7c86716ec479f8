package dev.sparks.deploy.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.schema.validator.ValidationMessage;
import io.fabric8.kubernetes.schema.validator.ValidationReport;
import io.fabric8.kubernetes.schema.validator.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks rendered objects against their schemas, then the project's policies. Kubernetes' own kinds (and the
 * Prometheus Operator's) go to fabric8's validator, which holds the Kubernetes OpenAPI document and refuses unknown
 * fields; custom resources go to their CRDs ({@link CrdSchemas}). An object that neither knows is itself a finding:
 * nothing passes unchecked.
 */
public final class ManifestValidator {

    private final Validator kubernetes = Validator.newInstance();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Boolean> kubernetesKinds = new ConcurrentHashMap<>();
    private final CrdSchemas crds;

    private final OpenApiDefinitions definitions;

    public ManifestValidator(CrdSchemas crds) throws java.io.IOException {
        this.crds = crds;
        this.definitions = new OpenApiDefinitions();
    }

    public List<Finding> validate(List<ObjectNode> objects, boolean production) {
        List<Finding> findings = new ArrayList<>(schemas(objects));
        findings.addAll(Policies.check(objects, production));
        return findings;
    }

    public List<Finding> schemas(List<ObjectNode> objects) {
        List<Finding> findings = new ArrayList<>();
        for (ObjectNode object : objects) {
            String id = Policies.id(object);
            String apiVersion = object.path("apiVersion").asText();
            String kind = object.path("kind").asText();
            var custom = crds.validate(object);
            if (custom.isPresent()) {
                custom.get().forEach(m -> findings.add(new Finding(id, "schema " + apiVersion + " " + kind, m)));
            } else if (kubernetesKnows(apiVersion, kind)) {
                ValidationReport report = kubernetes.validate(object);
                for (ValidationMessage message : report.getMessages()) {
                    if (message.getLevel() == ValidationMessage.Level.ERROR && !acceptedByTheApiServer(message)) {
                        findings.add(new Finding(id, "schema " + apiVersion + " " + kind, message.getMessage()));
                    }
                }
            } else {
                var core = definitions.validate(object);
                if (core.isPresent()) {
                    core.get().forEach(m -> findings.add(new Finding(id, "schema " + apiVersion + " " + kind, m)));
                } else {
                    findings.add(new Finding(id, "schema", "no schema for " + apiVersion + " " + kind + ": add its CRD (deploy/kubernetes/schemas)"));
                }
            }
        }
        return findings;
    }

    /**
     * The OpenAPI document types IntOrString and Quantity as strings, but the API server also takes numbers
     * there (a port: 8080, a cpu: 1); only that complaint is dropped, and only on those two types.
     */
    private static boolean acceptedByTheApiServer(ValidationMessage message) {
        String schema = message.getSchema() == null ? "" : message.getSchema();
        boolean numberWhereStringTyped = message.getMessage().contains("Instance type (integer)")
                || message.getMessage().contains("Instance type (number)");
        return numberWhereStringTyped && (schema.endsWith("io.k8s.apimachinery.pkg.util.intstr.IntOrString")
                || schema.endsWith("io.k8s.apimachinery.pkg.api.resource.Quantity"));
    }

    /**
     * Whether fabric8's document has a schema for this kind, asked through the validator's own lookup: a known
     * kind's schema refuses a field it does not define; for an unknown kind the validator says nothing.
     */
    private boolean kubernetesKnows(String apiVersion, String kind) {
        return kubernetesKinds.computeIfAbsent(apiVersion + "/" + kind, key -> {
            ObjectNode probe = JSON.createObjectNode();
            probe.put("apiVersion", apiVersion);
            probe.put("kind", kind);
            probe.putObject("metadata").put("name", "probe");
            probe.put("sparksUnknownField", 1);
            return kubernetes.validate(probe).getMessages().stream().anyMatch(m -> m.getMessage().contains("sparksUnknownField"));
        });
    }

    public CrdSchemas crds() {
        return crds;
    }
}
