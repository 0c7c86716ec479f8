package dev.sparks.deploy.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparks.deploy.manifest.Manifests;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;

/** The cluster's realm is the local run's realm (deploy/local/realm/sparks-realm.json). */
class RealmImportTest {

    final GeneratedManifests generated = new GeneratedManifests(Manifests.ROOT);

    @Test
    void devImportsExactlyTheLocalRealm() throws Exception {
        JsonNode realm = realmOf("overlays/dev");
        assertThat(realm).isEqualTo(generated.localRealm());
    }

    @Test
    void prodImportsTheSameRolesAndClientsWithoutTheDemoUsersAndWithTheRealSite() throws Exception {
        ObjectNode realm = (ObjectNode) realmOf("overlays/prod").deepCopy();
        ObjectNode local = (ObjectNode) generated.localRealm().deepCopy();

        assertThat(usernames(realm)).containsExactly("service-account-sparks-hr");
        assertThat(realm.path("clients").get(0).path("redirectUris").get(0).asText()).isEqualTo("https://sparks.example.org/*");
        // Apart from those: identical.
        for (ObjectNode r : List.of(realm, local)) {
            r.remove("users");
            ((ObjectNode) r.path("clients").get(0)).remove(List.of("redirectUris", "webOrigins"));
        }
        assertThat(realm).isEqualTo(local);
    }

    @Test
    void theHrClientSecretComesFromASecretThroughTheOperatorsPlaceholder() {
        for (String overlay : List.of("overlays/dev", "overlays/prod")) {
            ObjectNode resource = Manifests.ofKind(Manifests.render(overlay), "KeycloakRealmImport").get(0);
            JsonNode placeholder = resource.path("spec").path("placeholders").path(GeneratedManifests.HR_SECRET_PLACEHOLDER).path("secret");
            assertThat(placeholder.path("name").asText()).isEqualTo(GeneratedManifests.HR_SECRET);
            assertThat(resource.path("spec").path("keycloakCRName").asText()).isEqualTo(GeneratedManifests.KEYCLOAK);
            JsonNode hr = resource.path("spec").path("realm").path("clients").get(1);
            assertThat(hr.path("clientId").asText()).isEqualTo("sparks-hr");
            assertThat(hr.path("secret").asText()).startsWith("${" + GeneratedManifests.HR_SECRET_PLACEHOLDER);
        }
    }

    @Test
    void theImportedRealmIsAValidKeycloakRealmRepresentation() throws Exception {
        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (String overlay : List.of("overlays/dev", "overlays/prod")) {
            RealmRepresentation realm = strict.treeToValue(realmOf(overlay), RealmRepresentation.class);
            assertThat(realm.getRealm()).isEqualTo("sparks");
            assertThat(realm.getRoles().getRealm()).extracting(r -> r.getName())
                    .contains("participant", "mentor", "program-admin", "hr-integration");
        }
    }

    private static JsonNode realmOf(String overlay) {
        return Manifests.ofKind(Manifests.render(overlay), "KeycloakRealmImport").get(0).path("spec").path("realm");
    }

    private static List<String> usernames(JsonNode realm) {
        List<String> names = new ArrayList<>();
        realm.path("users").forEach(u -> names.add(u.path("username").asText()));
        return names;
    }
}
