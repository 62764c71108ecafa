package org.carbonsink.registry.project;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.carbonsink.registry.project.Project.Status;
import org.carbonsink.support.web.ProblemException;

/**
 * The CCER project state machine (温室气体自愿减排交易管理办法（试行）, Arts. 9-16): which act is allowed
 * in which state and the state it leads to. An act in any other state is refused with 409
 * {@code project-state-conflict}, naming the act, the current state and the states that allow it.
 * The database's trigger {@code project_follows_its_lifecycle} holds the same transitions.
 */
public final class ProjectLifecycle {

    /** What can be done to a project. */
    public enum Act {
        EDIT_DESIGN, OPEN_DISCLOSURE, COMMENT, CLOSE_DISCLOSURE, FILE_VALIDATION_REPORT, APPLY_FOR_REGISTRATION,
        REGISTER, REJECT, SUSPEND, RESUME, CANCEL, REVOKE
    }

    private static final Map<Act, Map<Status, Status>> ALLOWED = new EnumMap<>(Act.class);

    static {
        allow(Act.EDIT_DESIGN, Status.DRAFT, Status.DRAFT);
        allow(Act.OPEN_DISCLOSURE, Status.DRAFT, Status.PUBLIC_DISCLOSURE);
        allow(Act.COMMENT, Status.PUBLIC_DISCLOSURE, Status.PUBLIC_DISCLOSURE);
        allow(Act.CLOSE_DISCLOSURE, Status.PUBLIC_DISCLOSURE, Status.VALIDATION);
        allow(Act.FILE_VALIDATION_REPORT, Status.VALIDATION, Status.VALIDATION);
        allow(Act.APPLY_FOR_REGISTRATION, Status.VALIDATION, Status.REGISTRATION_APPLIED);
        allow(Act.REGISTER, Status.REGISTRATION_APPLIED, Status.REGISTERED);
        allow(Act.REJECT, Status.REGISTRATION_APPLIED, Status.REJECTED);
        allow(Act.SUSPEND, Status.REGISTERED, Status.SUSPENDED);
        allow(Act.RESUME, Status.SUSPENDED, Status.REGISTERED);
        // the owner may withdraw at any point before a decision, or stop a registered project; a
        // suspended project is under investigation and cannot be cancelled out of it
        for (Status from : List.of(Status.DRAFT, Status.PUBLIC_DISCLOSURE, Status.VALIDATION,
                Status.REGISTRATION_APPLIED, Status.REGISTERED)) {
            allow(Act.CANCEL, from, Status.CANCELLED);
        }
        allow(Act.REVOKE, Status.REGISTERED, Status.REVOKED);
        allow(Act.REVOKE, Status.SUSPENDED, Status.REVOKED);
    }

    private ProjectLifecycle() {
    }

    private static void allow(Act act, Status from, Status to) {
        ALLOWED.computeIfAbsent(act, a -> new EnumMap<>(Status.class)).put(from, to);
    }

    /** The state {@code act} leads to from {@code from}, or a 409 problem when it is not allowed there. */
    public static Status next(Status from, Act act, String projectCode) {
        Status to = ALLOWED.get(act).get(from);
        if (to == null) {
            List<Status> allowedIn = List.copyOf(ALLOWED.get(act).keySet());
            throw ProblemException.conflict("project-state-conflict", "Not allowed in the project's state",
                    act + " is not allowed: project " + projectCode + " is " + from + "; allowed only when "
                            + allowedIn)
                    .with("act", act.name()).with("state", from.name()).with("allowedIn", allowedIn);
        }
        return to;
    }

    /** Whether {@code act} is allowed in state {@code from}. */
    public static boolean allows(Status from, Act act) {
        return ALLOWED.get(act).containsKey(from);
    }
}
