package dev.sparks.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from the verified bearer token: subject, name, email and roles. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The token's subject: stable for a person or client across logins. */
    public String subject() {
        return token.getSubject();
    }

    /** Lower-cased, or null for clients without one. */
    public String email() {
        String email = token.getClaim("email");
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public String name() {
        String name = token.getClaim("name");
        if (name == null || name.isBlank()) {
            name = token.getClaim("preferred_username");
        }
        return name;
    }

    public String username() {
        return token.getClaim("preferred_username");
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }
}
