package org.carbonsink.localstack;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.carbonsink.contracts.EventHeaders;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.micrometer.KafkaRecordSenderContext;

/**
 * Where the time of a settlement goes, for {@link SettlementLatencyBenchmark}
 * ({@code --carbonsink.test.settlement-probe=true}): the Kafka observations the services make anyway
 * (the relays' sends, the listeners' handling) stamp the moments of each trade's TradeExecuted and
 * CreditsDelivered with the wall clock of the JVM, which is also the services' clock. A listener's
 * observation stops when its handler returned, that is after its transaction committed. The data
 * sources are wrapped to stamp when a thread takes a connection (the start of a relay's pass) and
 * when it asks for a commit (the end of a listener's work, before the commit's round trip and the
 * write-ahead log's flush).
 */
@AutoConfiguration
@ConditionalOnProperty("carbonsink.test.settlement-probe")
public class SettlementProbe {

    /** The moments of one trade, in microseconds since the epoch; 0 while not seen. */
    static final class Stamps {
        volatile long tradePassStarted;
        volatile long tradeSent;
        volatile long tradeAcked;
        volatile long tradeReceived;
        volatile long tradeCommitStarted;
        volatile long tradeHandled;
        volatile long deliveryPassStarted;
        volatile long deliverySent;
        volatile long deliveryAcked;
        volatile long deliveryReceived;
        volatile long settlementCommitStarted;
        volatile long deliveryHandled;
        /** The statements of the registry's delivery (TradeExecuted's listener), in order. */
        volatile List<Executed> deliveryStatements = List.of();
        /** The statements of the trading service's settlement (CreditsDelivered's listener), in order. */
        volatile List<Executed> settlementStatements = List.of();
        /** Counted down with {@link #deliveryHandled}: the benchmark waits on it instead of polling. */
        final CountDownLatch settled = new CountDownLatch(1);
    }

    /** One round trip of a listener's transaction: its SQL (or "commit") and how long the call took, µs. */
    record Executed(String sql, long micros) {
    }

    static final Map<UUID, Stamps> STAMPS = new ConcurrentHashMap<>();
    /** The statements the current thread runs while it handles an event of the path; null otherwise. */
    private static final ThreadLocal<List<Executed>> STATEMENTS = new ThreadLocal<>();
    private static final Pattern TRADE_ID = Pattern.compile("\"tradeId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    /** When the current thread last took a connection from the pool: the relay's pass begins so. */
    private static final ThreadLocal<long[]> CONNECTED = ThreadLocal.withInitial(() -> new long[1]);
    /** When the current thread last asked its connection to commit. */
    private static final ThreadLocal<long[]> COMMITTING = ThreadLocal.withInitial(() -> new long[1]);

    /** Each service's data source, timing when a connection is taken and when a commit is asked for. */
    @Bean
    static BeanPostProcessor settlementProbeDataSources() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof Timed) ? new Timed(dataSource) : bean;
            }
        };
    }

    private static final class Timed extends DelegatingDataSource {

        Timed(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            CONNECTED.get()[0] = micros(Instant.now());
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                        if (method.getName().equals("commit")) {
                            COMMITTING.get()[0] = micros(Instant.now());
                            return timed("commit", () -> invoke(method, connection, args));
                        }
                        Object result = invoke(method, connection, args);
                        if (result instanceof PreparedStatement statement && args != null
                                && args[0] instanceof String sql) {
                            return timedStatement(statement, sql);
                        }
                        return result;
                    });
        }

        /** The statement, timing its executions when the thread records (a listener of the path). */
        private static PreparedStatement timedStatement(PreparedStatement statement, String sql) {
            return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[] { PreparedStatement.class },
                    (proxy, method, args) -> method.getName().startsWith("execute")
                            ? timed(sql, () -> invoke(method, statement, args))
                            : invoke(method, statement, args));
        }

        private static Object timed(String sql, Invocation invocation) throws Throwable {
            List<Executed> recording = STATEMENTS.get();
            if (recording == null) {
                return invocation.invoke();
            }
            long start = System.nanoTime();
            try {
                return invocation.invoke();
            } finally {
                recording.add(new Executed(sql, (System.nanoTime() - start) / 1000));
            }
        }

        private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        @FunctionalInterface
        private interface Invocation {
            Object invoke() throws Throwable;
        }
    }

    @Bean
    ObservationHandler<Observation.Context> settlementProbeHandler() {
        return new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof KafkaRecordSenderContext || context instanceof KafkaRecordReceiverContext;
            }

            @Override
            public void onStart(Observation.Context context) {
                stamp(context, true);
            }

            @Override
            public void onStop(Observation.Context context) {
                stamp(context, false);
            }
        };
    }

    private static void stamp(Observation.Context context, boolean start) {
        long now = micros(Instant.now());
        if (context instanceof KafkaRecordSenderContext sent) {
            Stamps stamps = stampsOf(sent.getRecord().headers(), sent.getRecord().value());
            if (stamps == null) {
                return;
            }
            boolean trade = type(sent.getRecord().headers()).equals("TradeExecuted");
            if (trade && start) {
                stamps.tradePassStarted = CONNECTED.get()[0];
                stamps.tradeSent = now;
            } else if (trade) {
                stamps.tradeAcked = now;
            } else if (start) {
                stamps.deliveryPassStarted = CONNECTED.get()[0];
                stamps.deliverySent = now;
            } else {
                stamps.deliveryAcked = now;
            }
        } else if (context instanceof KafkaRecordReceiverContext received) {
            Stamps stamps = stampsOf(received.getRecord().headers(), received.getRecord().value());
            if (stamps == null) {
                return;
            }
            boolean trade = type(received.getRecord().headers()).equals("TradeExecuted");
            if (start) {
                STATEMENTS.set(new ArrayList<>());
            }
            if (trade && start) {
                stamps.tradeReceived = now;
            } else if (trade) {
                stamps.tradeCommitStarted = COMMITTING.get()[0];
                stamps.deliveryStatements = recorded();
                stamps.tradeHandled = now;
            } else if (start) {
                stamps.deliveryReceived = now;
            } else {
                stamps.settlementCommitStarted = COMMITTING.get()[0];
                stamps.settlementStatements = recorded();
                stamps.deliveryHandled = now;
                stamps.settled.countDown();
            }
        }
    }

    private static List<Executed> recorded() {
        List<Executed> recorded = STATEMENTS.get();
        STATEMENTS.remove();
        return recorded == null ? List.of() : List.copyOf(recorded);
    }

    /** The trade's stamps for the two events of the path, null for any other event. */
    private static Stamps stampsOf(Headers headers, Object value) {
        String type = type(headers);
        if (!type.equals("TradeExecuted") && !type.equals("CreditsDelivered") || !(value instanceof String json)) {
            return null;
        }
        Matcher m = TRADE_ID.matcher(json);
        return m.find() ? STAMPS.computeIfAbsent(UUID.fromString(m.group(1)), id -> new Stamps()) : null;
    }

    private static String type(Headers headers) {
        Header header = headers.lastHeader(EventHeaders.EVENT_TYPE);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }
}
