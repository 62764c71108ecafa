package org.carbonsink.registry.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.carbonsink.registry.project.Project.Status;
import org.carbonsink.registry.project.ProjectLifecycle.Act;
import org.carbonsink.support.web.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;

/** Every act in every state: the allowed ones lead where the CCER rules say, every other one is a 409. */
class ProjectLifecycleTest {

    /** Written out from the rules (docs/project-lifecycle.md), independently of the class under test. */
    private static final Map<Act, Map<Status, Status>> EXPECTED = Map.ofEntries(
            Map.entry(Act.EDIT_DESIGN, Map.of(Status.DRAFT, Status.DRAFT)),
            Map.entry(Act.OPEN_DISCLOSURE, Map.of(Status.DRAFT, Status.PUBLIC_DISCLOSURE)),
            Map.entry(Act.COMMENT, Map.of(Status.PUBLIC_DISCLOSURE, Status.PUBLIC_DISCLOSURE)),
            Map.entry(Act.CLOSE_DISCLOSURE, Map.of(Status.PUBLIC_DISCLOSURE, Status.VALIDATION)),
            Map.entry(Act.FILE_VALIDATION_REPORT, Map.of(Status.VALIDATION, Status.VALIDATION)),
            Map.entry(Act.APPLY_FOR_REGISTRATION, Map.of(Status.VALIDATION, Status.REGISTRATION_APPLIED)),
            Map.entry(Act.REGISTER, Map.of(Status.REGISTRATION_APPLIED, Status.REGISTERED)),
            Map.entry(Act.REJECT, Map.of(Status.REGISTRATION_APPLIED, Status.REJECTED)),
            Map.entry(Act.SUSPEND, Map.of(Status.REGISTERED, Status.SUSPENDED)),
            Map.entry(Act.RESUME, Map.of(Status.SUSPENDED, Status.REGISTERED)),
            Map.entry(Act.CANCEL, Map.of(Status.DRAFT, Status.CANCELLED, Status.PUBLIC_DISCLOSURE, Status.CANCELLED,
                    Status.VALIDATION, Status.CANCELLED, Status.REGISTRATION_APPLIED, Status.CANCELLED,
                    Status.REGISTERED, Status.CANCELLED)),
            Map.entry(Act.REVOKE, Map.of(Status.REGISTERED, Status.REVOKED, Status.SUSPENDED, Status.REVOKED)));

    static Stream<Arguments> allowed() {
        List<Arguments> cases = new ArrayList<>();
        EXPECTED.forEach((act, moves) -> moves.forEach((from, to) -> cases.add(Arguments.of(act, from, to))));
        return cases.stream();
    }

    static Stream<Arguments> forbidden() {
        List<Arguments> cases = new ArrayList<>();
        for (Act act : Act.values()) {
            for (Status from : Status.values()) {
                if (!EXPECTED.get(act).containsKey(from)) {
                    cases.add(Arguments.of(act, from));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} from {1} -> {2}")
    @MethodSource("allowed")
    void anAllowedActLeadsToItsState(Act act, Status from, Status to) {
        assertThat(ProjectLifecycle.next(from, act, "P000001")).isEqualTo(to);
        assertThat(ProjectLifecycle.allows(from, act)).isTrue();
    }

    @ParameterizedTest(name = "{0} from {1} -> 409")
    @MethodSource("forbidden")
    void aForbiddenActIsAConflictNamingTheActTheStateAndWhereItIsAllowed(Act act, Status from) {
        assertThat(ProjectLifecycle.allows(from, act)).isFalse();
        assertThatThrownBy(() -> ProjectLifecycle.next(from, act, "P000001"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(problem.slug()).isEqualTo("project-state-conflict");
                    assertThat(problem.properties()).containsEntry("act", act.name())
                            .containsEntry("state", from.name());
                    assertThat(problem.getMessage()).contains("P000001", from.name());
                });
    }

    @ParameterizedTest(name = "{0} is final")
    @MethodSource("finalStates")
    void rejectedCancelledAndRevokedProjectsNeverMoveAgain(Status terminal) {
        for (Act act : Act.values()) {
            assertThat(ProjectLifecycle.allows(terminal, act)).as(act + " from " + terminal).isFalse();
        }
    }

    static Stream<Status> finalStates() {
        return Stream.of(Status.REJECTED, Status.CANCELLED, Status.REVOKED);
    }
}
