package org.carbonsink.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.carbonsink.support.messaging.Failures.Kind;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

class FailuresTest {

    @Test
    void aPoolThatCannotConnectIsTransient() {
        var failure = new ListenerExecutionFailedException("listener failed", new CannotCreateTransactionException(
                "no connection", new SQLTransientConnectionException("pool timed out", "08001")));
        assertThat(Failures.of(failure)).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void deadlocksSerializationFailuresAndShutdownsAreTransientBySqlState() {
        assertThat(Failures.of(sql("40P01"))).isEqualTo(Kind.TRANSIENT);
        assertThat(Failures.of(sql("40001"))).isEqualTo(Kind.TRANSIENT);
        assertThat(Failures.of(sql("57P01"))).isEqualTo(Kind.TRANSIENT);
        assertThat(Failures.of(sql("53300"))).isEqualTo(Kind.TRANSIENT);
        assertThat(Failures.of(new PessimisticLockingFailureException("deadlock"))).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void anUnreadableOrRefusedEventIsDeterministicEvenWhenATransientFailureCausedIt() {
        assertThat(Failures.of(new ListenerExecutionFailedException("x", new EventRefused("never")))).isEqualTo(Kind.DETERMINISTIC);
        assertThat(Failures.of(new UnreadableEvent("bad json", sql("08006")))).isEqualTo(Kind.DETERMINISTIC);
    }

    @Test
    void aBrokenConstraintOrABugIsNeither() {
        assertThat(Failures.of(new DataIntegrityViolationException("duplicate key", sql("23505")))).isEqualTo(Kind.UNKNOWN);
        assertThat(Failures.of(new NullPointerException())).isEqualTo(Kind.UNKNOWN);
        assertThat(Failures.of(sql("42P01"))).isEqualTo(Kind.UNKNOWN);
    }

    private static UncategorizedSQLException sql(String state) {
        return new UncategorizedSQLException("task", "select 1", new SQLException("failed", state));
    }
}
