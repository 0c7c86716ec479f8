package dev.sparks.matching.api;

import dev.sparks.common.security.Caller;
import dev.sparks.common.security.Roles;
import dev.sparks.matching.domain.Actor;
import jakarta.enterprise.context.RequestScoped;

/** The caller of this request in the terms matching decides by. */
@RequestScoped
public class CurrentActor {

    private final Caller caller;

    public CurrentActor(Caller caller) {
        this.caller = caller;
    }

    public Actor get() {
        String name = caller.username() != null ? caller.username() : caller.subject();
        return new Actor(name, caller.email(), caller.hasRole(Roles.PROGRAM_ADMIN),
                caller.hasRole(Roles.HR_INTEGRATION), caller.hasRole(Roles.PARTICIPANT), caller.hasRole(Roles.MENTOR));
    }
}
