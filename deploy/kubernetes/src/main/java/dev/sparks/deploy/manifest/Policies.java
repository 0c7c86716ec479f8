package dev.sparks.deploy.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The project's own rules for what may run, beyond what the schemas say: every workload has its probes, its
 * resources and a restricted securityContext, pins its image, is autoscaled, has a disruption budget, is closed by a
 * default-deny NetworkPolicy and scraped by Prometheus; ConfigMaps hold nothing secret; and a production render
 * carries no Secret at all (those are created in the cluster).
 */
public final class Policies {

    static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|passwd|secret|token|credential|private[_-]?key|api[_-]?key).*");
    static final Pattern SECRET_VALUE = Pattern.compile("(?is).*(-----BEGIN [A-Z ]*PRIVATE KEY|password\\s*[=:]).*");

    private Policies() {
    }

    public static List<Finding> check(List<ObjectNode> objects, boolean production) {
        List<Finding> findings = new ArrayList<>();
        List<ObjectNode> deployments = ofKind(objects, "Deployment");
        for (ObjectNode object : objects) {
            String id = id(object);
            switch (object.path("kind").asText()) {
                case "Deployment", "StatefulSet", "DaemonSet" -> workload(id, object.path("spec").path("template"), production, findings);
                case "ConfigMap" -> configMap(id, object, findings);
                case "Secret" -> {
                    if (production) {
                        findings.add(new Finding(id, "committed-secret", "a production render carries no Secret: create it in the cluster (deploy/README.md, Secrets)"));
                    }
                }
                default -> { }
            }
        }
        for (ObjectNode deployment : deployments) {
            String id = id(deployment);
            String name = deployment.path("metadata").path("name").asText();
            JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
            boolean autoscaled = ofKind(objects, "HorizontalPodAutoscaler").stream().anyMatch(h ->
                    h.path("spec").path("scaleTargetRef").path("kind").asText().equals("Deployment")
                            && h.path("spec").path("scaleTargetRef").path("name").asText().equals(name));
            if (!autoscaled) {
                findings.add(new Finding(id, "autoscaling", "no HorizontalPodAutoscaler scales it"));
            }
            boolean budgeted = ofKind(objects, "PodDisruptionBudget").stream().anyMatch(p -> selects(p.path("spec").path("selector").path("matchLabels"), podLabels));
            if (!budgeted) {
                findings.add(new Finding(id, "disruption-budget", "no PodDisruptionBudget covers its pods"));
            }
            boolean closed = ofKind(objects, "NetworkPolicy").stream().anyMatch(n -> {
                JsonNode spec = n.path("spec");
                return selects(spec.path("podSelector").path("matchLabels"), podLabels) && types(spec).contains("Ingress")
                        && types(spec).contains("Egress") && spec.path("ingress").isEmpty() && spec.path("egress").isEmpty();
            });
            if (!closed) {
                findings.add(new Finding(id, "network-policy", "no default-deny NetworkPolicy (Ingress and Egress, no rules) selects its pods"));
            }
            List<ObjectNode> services = ofKind(objects, "Service").stream()
                    .filter(s -> selects(s.path("spec").path("selector"), podLabels)).toList();
            boolean scraped = services.stream().anyMatch(s -> ofKind(objects, "ServiceMonitor").stream()
                    .anyMatch(m -> selects(m.path("spec").path("selector").path("matchLabels"), s.path("metadata").path("labels"))));
            if (!scraped) {
                findings.add(new Finding(id, "prometheus", "no ServiceMonitor selects a Service of its pods"));
            }
        }
        for (ObjectNode service : ofKind(objects, "Service")) {
            JsonNode selector = service.path("spec").path("selector");
            if (!selector.isEmpty() && deployments.stream().noneMatch(d ->
                    selects(selector, d.path("spec").path("template").path("metadata").path("labels")))) {
                findings.add(new Finding(id(service), "service-selector", "its selector " + selector + " matches no Deployment's pods"));
            }
        }
        return findings;
    }

    private static void workload(String id, JsonNode template, boolean production, List<Finding> findings) {
        JsonNode pod = template.path("spec");
        JsonNode podSecurity = pod.path("securityContext");
        for (JsonNode container : pod.path("containers")) {
            String where = id + " container " + container.path("name").asText();
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                if (container.path(probe).isMissingNode()) {
                    findings.add(new Finding(where, "probes", "has no " + probe));
                }
            }
            JsonNode resources = container.path("resources");
            for (String required : List.of("requests/cpu", "requests/memory", "limits/memory")) {
                String[] path = required.split("/");
                if (resources.path(path[0]).path(path[1]).isMissingNode()) {
                    findings.add(new Finding(where, "resources", "sets no " + required.replace('/', '.')));
                }
            }
            JsonNode security = container.path("securityContext");
            if (!(security.path("runAsNonRoot").asBoolean(false) || podSecurity.path("runAsNonRoot").asBoolean(false))
                    || security.path("runAsUser").asLong(podSecurity.path("runAsUser").asLong(-1)) == 0) {
                findings.add(new Finding(where, "security-context", "may run as root: set runAsNonRoot: true"));
            }
            if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                findings.add(new Finding(where, "security-context", "root filesystem is writable: set readOnlyRootFilesystem: true"));
            }
            if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                findings.add(new Finding(where, "security-context", "may escalate privileges: set allowPrivilegeEscalation: false"));
            }
            if (security.path("privileged").asBoolean(false)) {
                findings.add(new Finding(where, "security-context", "is privileged"));
            }
            boolean dropsAll = false;
            for (JsonNode cap : security.path("capabilities").path("drop")) {
                dropsAll |= cap.asText().equals("ALL");
            }
            if (!dropsAll) {
                findings.add(new Finding(where, "security-context", "keeps Linux capabilities: drop ALL"));
            }
            image(where, container.path("image").asText(), production, findings);
        }
    }

    static void image(String where, String image, boolean production, List<Finding> findings) {
        if (image.contains("@sha256:")) {
            return;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        String tag = colon > slash ? image.substring(colon + 1) : "";
        if (tag.isEmpty() || tag.equals("latest")) {
            findings.add(new Finding(where, "image-tag", image + " is not pinned: use a version tag or a digest, never latest"));
        } else if (production && tag.endsWith("SNAPSHOT")) {
            findings.add(new Finding(where, "image-tag", image + " is a snapshot in production: use a release tag or a digest"));
        }
    }

    private static void configMap(String id, JsonNode configMap, List<Finding> findings) {
        Iterator<Map.Entry<String, JsonNode>> data = configMap.path("data").fields();
        while (data.hasNext()) {
            Map.Entry<String, JsonNode> entry = data.next();
            if (SECRET_KEY.matcher(entry.getKey()).matches()) {
                findings.add(new Finding(id, "configmap-secrets", "key " + entry.getKey() + " looks secret: put it in a Secret"));
            } else if (SECRET_VALUE.matcher(entry.getValue().asText()).matches()) {
                findings.add(new Finding(id, "configmap-secrets", "the value of " + entry.getKey() + " holds a password or a private key: put it in a Secret"));
            }
        }
    }

    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector == null || !selector.isObject() || selector.isEmpty()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> required = selector.fields();
        while (required.hasNext()) {
            Map.Entry<String, JsonNode> label = required.next();
            if (!label.getValue().asText().equals(labels.path(label.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> types(JsonNode networkPolicySpec) {
        List<String> types = new ArrayList<>();
        networkPolicySpec.path("policyTypes").forEach(t -> types.add(t.asText()));
        return types;
    }

    static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    static String id(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }
}
