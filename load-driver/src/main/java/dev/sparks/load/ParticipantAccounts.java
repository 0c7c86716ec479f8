package dev.sparks.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The run's participants as real Keycloak users of the sparks realm, each with their own access token, made before
 * the measured window.
 *
 * <p>Users are created in bulk through the admin API's partial import (role participant, no password). Tokens come
 * from the front-end's own flow, authorization code with PKCE on client {@code sparks-frontend}, in a browser
 * session that the master admin opens for the user by impersonation. That skips only the password check: a
 * password grant costs Keycloak about 110 ms of CPU for the hash on this machine, so 45,000 of them would take
 * some 40 minutes of both cores, longer than the realm's 900 s token lifetime. The token is the same as a
 * participant's after logging in to the front-end (issuer, audience, roles, email); the realm, its clients and
 * the services' checks are not changed at all.
 */
final class ParticipantAccounts {

    static final String EMAIL_DOMAIN = "load.sparks.test";
    private static final String REALM = "sparks";
    private static final String CLIENT = "sparks-frontend";
    private static final String REDIRECT = "http://127.0.0.1/load-driver";
    private static final int IMPORT_BATCH = 500;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One participant of the run with their token. */
    record Account(int index, String username, String email, String keycloakId, String token, String refreshToken,
            long tokenIssuedAt) {
    }

    private final LocalHttp http;
    private final String keycloak;
    private final AdminToken admin;

    ParticipantAccounts(LocalHttp http, String keycloak) {
        this.http = http;
        this.keycloak = keycloak;
        this.admin = new AdminToken(http, keycloak);
    }

    static String username(String runId, int index) {
        return runId + "-p" + index;
    }

    /** Creates the users in batches; returns their Keycloak ids in index order. */
    List<String> createUsers(String runId, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int from = 0; from < count; from += IMPORT_BATCH) {
            int to = Math.min(count, from + IMPORT_BATCH);
            List<Map<String, Object>> users = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                String username = username(runId, i);
                Map<String, Object> user = new LinkedHashMap<>();
                user.put("username", username);
                user.put("email", username + "@" + EMAIL_DOMAIN);
                user.put("firstName", "Load");
                user.put("lastName", "Participant " + i);
                user.put("enabled", true);
                user.put("emailVerified", true);
                user.put("realmRoles", List.of("participant"));
                users.add(user);
            }
            JsonNode answer = LocalHttp.expect(http.send(LocalHttp.json(keycloak + "/admin/realms/" + REALM
                            + "/partialImport", admin.get(), "POST",
                    Map.of("ifResourceExists", "FAIL", "users", users)).build()), 200, "Keycloak partial import");
            Map<String, String> byName = new LinkedHashMap<>();
            for (JsonNode result : answer.path("results")) {
                byName.put(result.path("resourceName").asText(), result.path("id").asText());
            }
            for (int i = from; i < to; i++) {
                String id = byName.get(username(runId, i));
                if (id == null || id.isBlank()) {
                    throw new IllegalStateException("Keycloak did not report user " + username(runId, i));
                }
                ids.add(id);
            }
        }
        return ids;
    }

    /** A token for every user, {@code concurrency} flows at a time, in index order. */
    List<Account> issueTokens(String runId, List<String> keycloakIds, int concurrency) {
        return LocalHttp.all(keycloakIds.size(), concurrency, i -> token(i, username(runId, i), keycloakIds.get(i)));
    }

    private CompletableFuture<Account> token(int index, String username, String keycloakId) {
        String verifier = randomUrlSafe(48);
        String state = randomUrlSafe(12);
        String authorize = keycloak + "/realms/" + REALM + "/protocol/openid-connect/auth?client_id=" + CLIENT
                + "&response_type=code&scope=openid&redirect_uri=" + encode(REDIRECT) + "&state=" + state
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";
        return http.sendAsync(LocalHttp.json(keycloak + "/admin/realms/" + REALM + "/users/" + keycloakId
                        + "/impersonation", admin.get(), "POST", null).build())
                .thenCompose(impersonation -> {
                    LocalHttp.expect(impersonation, 200, "impersonating " + username);
                    String identity = cookie(impersonation, "KEYCLOAK_IDENTITY");
                    return http.sendAsync(LocalHttp.request(authorize)
                            .header("Cookie", "KEYCLOAK_IDENTITY=" + identity).GET().build());
                })
                .thenCompose(redirect -> {
                    String location = redirect.headers().firstValue("location").orElse("");
                    String code = queryParameter(location, "code");
                    if (redirect.statusCode() != 302 || code == null) {
                        throw new IllegalStateException("no authorization code for " + username + ": HTTP "
                                + redirect.statusCode() + " " + location);
                    }
                    return http.sendAsync(LocalHttp.form(keycloak + "/realms/" + REALM
                            + "/protocol/openid-connect/token", Map.of("grant_type", "authorization_code",
                            "client_id", CLIENT, "code", code, "redirect_uri", REDIRECT, "code_verifier", verifier)));
                })
                .thenApply(tokenResponse -> {
                    JsonNode token = LocalHttp.expect(tokenResponse, 200, "token for " + username);
                    return new Account(index, username, username + "@" + EMAIL_DOMAIN, keycloakId,
                            token.path("access_token").asText(), token.path("refresh_token").asText(),
                            System.currentTimeMillis());
                });
    }

    /**
     * Renews the tokens of the given accounts with their refresh tokens (the front-end's silent renewal), for the
     * participants whose token would otherwise be too old when they arrive; returns the accounts, renewed ones
     * replaced.
     */
    List<Account> renew(List<Account> accounts, Predicate<Account> due, int concurrency) {
        List<Account> renewed = new ArrayList<>(accounts);
        List<Account> old = accounts.stream().filter(due).toList();
        List<Account> fresh = LocalHttp.all(old.size(), concurrency, i -> {
            Account account = old.get(i);
            return http.sendAsync(LocalHttp.form(keycloak + "/realms/" + REALM + "/protocol/openid-connect/token",
                            Map.of("grant_type", "refresh_token", "client_id", CLIENT, "refresh_token",
                                    account.refreshToken())))
                    .thenApply(response -> {
                        JsonNode token = LocalHttp.expect(response, 200, "renewing the token of " + account.username());
                        return new Account(account.index(), account.username(), account.email(),
                                account.keycloakId(), token.path("access_token").asText(),
                                token.path("refresh_token").asText(), System.currentTimeMillis());
                    });
        });
        for (Account account : fresh) {
            renewed.set(account.index(), account);
        }
        return renewed;
    }

    /** Deletes the run's users (and so their sessions); returns how many Keycloak deleted. */
    int deleteUsers(List<String> keycloakIds, int concurrency) {
        List<Integer> statuses = LocalHttp.all(keycloakIds.size(), concurrency, i -> http.sendAsync(
                LocalHttp.json(keycloak + "/admin/realms/" + REALM + "/users/" + keycloakIds.get(i), admin.get(),
                        "DELETE", null).build()).thenApply(HttpResponse::statusCode));
        return (int) statuses.stream().filter(status -> status == 204).count();
    }

    private static String cookie(HttpResponse<String> response, String name) {
        for (String header : response.headers().allValues("set-cookie")) {
            if (header.startsWith(name + "=")) {
                int end = header.indexOf(';');
                return header.substring(name.length() + 1, end < 0 ? header.length() : end);
            }
        }
        throw new IllegalStateException("no " + name + " cookie from " + response.request().uri());
    }

    private static String queryParameter(String url, String name) {
        if (url.isEmpty()) {
            return null;
        }
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The master realm's admin token (admin-cli, bootstrap admin); renewed before its 60 s lifetime ends. */
    static final class AdminToken {
        private final LocalHttp http;
        private final String keycloak;
        private String token;
        private long fetchedAt;

        AdminToken(LocalHttp http, String keycloak) {
            this.http = http;
            this.keycloak = keycloak;
        }

        synchronized String get() {
            long now = System.currentTimeMillis();
            if (token == null || now - fetchedAt > 40_000) {
                String user = System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
                String password = System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
                JsonNode answer = LocalHttp.expect(http.send(LocalHttp.form(keycloak
                                + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                                "client_id", "admin-cli", "username", user, "password", password))), 200,
                        "Keycloak admin token");
                token = answer.path("access_token").asText();
                fetchedAt = now;
            }
            return token;
        }
    }
}
