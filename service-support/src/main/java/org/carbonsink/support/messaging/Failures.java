package org.carbonsink.support.messaging;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Sorts the failure of a consumer into what waiting cures and what it never will: the first is
 * retried for as long as it takes, the second goes to the dead-letter topic at once, and a failure
 * of neither kind (a bug, most likely) gets a few retries before it is dead-lettered.
 */
public final class Failures {

    /** What retrying can do for a failure. */
    public enum Kind {
        /** The database or broker is unreachable, busy or chose this transaction as a victim: wait and retry. */
        TRANSIENT,
        /** The event is unreadable or refused by a rule for ever: no retry can help. */
        DETERMINISTIC,
        /** Neither is known: a few retries, then the dead-letter topic. */
        UNKNOWN
    }

    // SQLState classes: 08 connection exception, 40 transaction rollback (serialization failure,
    // deadlock), 53 insufficient resources, 57P operator intervention (shutdown, cannot connect
    // now); 55P03 lock not available and 57014 statement timeout (query cancelled).
    private static final Set<String> TRANSIENT_STATE_CLASSES = Set.of("08", "40", "53");
    private static final Set<String> TRANSIENT_STATES = Set.of("55P03", "57014");

    private Failures() {
    }

    public static Kind of(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Kind kind = Kind.UNKNOWN;
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (t instanceof UnreadableEvent || t instanceof EventRefused || t instanceof DeserializationException) {
                return Kind.DETERMINISTIC;
            }
            if (isTransient(t)) {
                kind = Kind.TRANSIENT;
            }
        }
        return kind;
    }

    private static boolean isTransient(Throwable t) {
        if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                || t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof org.apache.kafka.common.errors.RetriableException
                || t instanceof ConnectException || t instanceof SocketTimeoutException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() == 5) {
            String state = sql.getSQLState();
            return TRANSIENT_STATE_CLASSES.contains(state.substring(0, 2)) || state.startsWith("57P")
                    || TRANSIENT_STATES.contains(state);
        }
        return false;
    }
}
