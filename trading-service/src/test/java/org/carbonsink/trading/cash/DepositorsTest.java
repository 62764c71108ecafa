package org.carbonsink.trading.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DepositorsTest {

    final UUID participant = UUID.randomUUID();

    @Test
    void theOperatorDepositsForAnyParticipantInEveryProfile() {
        Caller operator = new Caller(UUID.randomUUID(), Set.of("EXCHANGE_OPERATOR"));

        assertThat(depositors().sourceOf(operator, participant)).isEqualTo(CashSource.OPERATOR);
        assertThat(depositors("demo").sourceOf(operator, participant)).isEqualTo(CashSource.OPERATOR);
    }

    @Test
    void aParticipantDepositsIntoItsOwnAccountInTheDemoProfileOnly() {
        Caller self = new Caller(participant, Set.of("TRADER"));

        assertThat(depositors("demo").sourceOf(self, participant)).isEqualTo(CashSource.SELF);
        assertThatThrownBy(() -> depositors().sourceOf(self, participant)).isInstanceOfSatisfying(
                ProblemException.class, p -> assertThat(p.slug()).isEqualTo("self-deposit-disabled"));
        assertThatThrownBy(() -> depositors("local").sourceOf(self, participant)).isInstanceOfSatisfying(
                ProblemException.class, p -> assertThat(p.slug()).isEqualTo("self-deposit-disabled"));
    }

    @Test
    void nobodyButTheOperatorDepositsIntoAnotherParticipantsAccount() {
        Caller other = new Caller(UUID.randomUUID(), Set.of("TRADER", "REGISTRY_ADMINISTRATOR"));

        assertThatThrownBy(() -> depositors("demo").sourceOf(other, participant)).isInstanceOfSatisfying(
                ProblemException.class, p -> assertThat(p.slug()).isEqualTo("forbidden"));
    }

    private static Depositors depositors(String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return new Depositors(environment);
    }
}
