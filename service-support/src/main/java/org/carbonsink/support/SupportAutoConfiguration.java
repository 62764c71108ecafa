package org.carbonsink.support;

import jakarta.validation.Validator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import org.carbonsink.contracts.Topics;
import io.swagger.v3.oas.models.OpenAPI;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.carbonsink.support.deadletter.DeadLetters;
import org.carbonsink.support.deadletter.web.DeadLetterController;
import org.carbonsink.support.health.KafkaHealth;
import org.carbonsink.support.jdbc.DatabaseClock;
import org.carbonsink.support.inbox.Inbox;
import org.carbonsink.support.messaging.EventRefused;
import org.carbonsink.support.messaging.Failures;
import org.carbonsink.support.messaging.IncomingEvents;
import org.carbonsink.support.messaging.UnreadableEvent;
import org.carbonsink.support.outbox.Outbox;
import org.carbonsink.support.outbox.OutboxNotifications;
import org.carbonsink.support.outbox.OutboxRelay;
import org.carbonsink.support.outbox.ParkedEvents;
import org.carbonsink.support.outbox.web.ParkedEventController;
import org.carbonsink.support.web.ApiDescription;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.tracing.TraceContexts;
import org.carbonsink.support.web.CallerResolver;
import org.carbonsink.support.web.CorrelationId;
import org.carbonsink.support.web.CsvMessageConverter;
import org.carbonsink.support.web.IdempotencyFilter;
import org.carbonsink.support.web.IdempotencyProperties;
import org.carbonsink.support.web.IdempotencyProblems;
import org.carbonsink.support.web.OperationIds;
import org.carbonsink.support.web.OperationProblems;
import org.carbonsink.support.web.BadValuesInBody;
import org.carbonsink.support.web.ProblemHandler;
import org.carbonsink.support.web.RecordCreators;
import org.carbonsink.support.web.QueryParameters;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service shares: the outbox and its relay (woken by commits, parking what can never be
 * sent), the inbox and the consumers' retry and dead-letter policy, the administrator's endpoints
 * for dead letters and parked events, Idempotency-Key, problem details, correlation ids and the
 * caller. See docs/service-conventions.md, "Reliability".
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
@EnableScheduling
@EnableConfigurationProperties(IdempotencyProperties.class)
public class SupportAutoConfiguration {

    /** In microseconds, as the database stores time: an instant a command answers is the one read back later. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return DatabaseClock.system(ZoneOffset.UTC);
    }

    /** The OpenAPI description names the service it describes, its path at the gateway and the login. */
    @Bean
    @ConditionalOnMissingBean
    OpenAPI openApi(@Value("${spring.application.name}") String service,
            @Value("${carbonsink.security.issuer}") String issuer) {
        // the caller comes from the token (CallerResolver), not from a request parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        return ApiDescription.of(service, issuer);
    }

    @Bean
    OperationIds operationIds(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlers) {
        return new OperationIds(() -> handlers.getObject().getHandlerMethods());
    }

    /** The problems each handler may answer (400, 404, and those its {@code @Refuses} names). */
    @Bean
    OperationProblems operationProblems() {
        return new OperationProblems();
    }

    /** The problems the Idempotency-Key filter answers, by its own rules. */
    @Bean
    IdempotencyProblems idempotencyProblems(FilterRegistrationBean<IdempotencyFilter> idempotencyFilter) {
        return new IdempotencyProblems(idempotencyFilter.getFilter());
    }

    /**
     * With {@code carbonsink.outbox.wake-up} (the default) each commit that wrote an event wakes the
     * relay; without it the relay only polls, as it did before (kept for the latency benchmark).
     */
    @Bean
    Outbox outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay,
            @Value("${carbonsink.outbox.wake-up:true}") boolean wakeUp, TraceContexts traces) {
        return new Outbox(jdbc, json, wakeUp ? relay::wakeUp : () -> { }, wakeUp, relay.id(), traces);
    }

    /** Micrometer Tracing's, when tracing is on (spring-boot-starter-opentelemetry). */
    @Bean
    TraceContexts traceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null ? TraceContexts.none() : new TraceContexts(t, p);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, JdbcOperations template, PlatformTransactionManager transactions, KafkaTemplate<String, String> kafka,
            @Value("${carbonsink.outbox.batch-size:100}") int batchSize,
            @Value("${carbonsink.outbox.send-timeout:15s}") Duration sendTimeout,
            @Value("${carbonsink.outbox.retention:7d}") Duration retention,
            @Value("${carbonsink.outbox.poll-interval:5s}") Duration pollInterval,
            @Value("${carbonsink.outbox.retry-interval:1s}") Duration retryInterval, MeterRegistry meters,
            TraceContexts traces) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        OutboxRelay relay = new OutboxRelay(jdbc, template, tx, kafka, batchSize, sendTimeout, retention, pollInterval,
                retryInterval, traces);
        Gauge.builder("outbox.pending", relay, OutboxRelay::pendingCount)
                .description("events written to the outbox, not yet sent to Kafka and free to go").register(meters);
        Gauge.builder("outbox.parked", relay, OutboxRelay::parkedCount)
                .description("events that can never be sent as they are; each holds back the later events of its key")
                .register(meters);
        return relay;
    }

    @Bean
    @ConditionalOnProperty(name = "carbonsink.outbox.wake-up", havingValue = "true", matchIfMissing = true)
    OutboxNotifications outboxNotifications(DataSource dataSource, OutboxRelay relay) {
        return new OutboxNotifications(dataSource, relay, Duration.ofSeconds(30));
    }

    /** The health component {@code kafka}, part of the readiness group (carbonsink-service-defaults.yml). */
    @Bean
    KafkaHealth kafkaHealthIndicator(KafkaAdmin admin,
            @Value("${carbonsink.health.kafka-timeout:3s}") Duration timeout) {
        return new KafkaHealth(admin.getConfigurationProperties(), timeout);
    }

    @Bean
    DeadLetters deadLetters(ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> kafka,
            KafkaListenerEndpointRegistry listeners, JdbcClient jdbc) {
        return new DeadLetters(consumers, kafka, listeners, jdbc);
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetters deadLetters) {
        return new DeadLetterController(deadLetters);
    }

    @Bean
    ParkedEvents parkedEvents(JdbcClient jdbc, OutboxRelay relay) {
        return new ParkedEvents(jdbc, relay);
    }

    @Bean
    ParkedEventController parkedEventController(ParkedEvents parked) {
        return new ParkedEventController(parked);
    }

    /** Kafka keeps messages 7 days by default; the inbox remembers event ids four times as long. */
    @Bean
    Inbox inbox(JdbcClient jdbc, @Value("${carbonsink.inbox.retention:28d}") Duration retention) {
        return new Inbox(jdbc, retention);
    }

    @Bean
    IncomingEvents incomingEvents(JsonMapper json, Inbox inbox, PlatformTransactionManager transactions) {
        return new IncomingEvents(json, inbox, new TransactionTemplate(transactions));
    }

    /**
     * A record whose handling failed for a transient reason ({@link Failures}) is retried with
     * exponential back-off, from {@code initial-interval} doubling to {@code max-interval}, for as
     * long as it takes; an unreadable or refused one goes to {@code <topic>-dlt} at once; any other
     * failure gets {@code unexplained-retries} retries first. Each retry seeks the partition back and
     * polls again, so the consumer stays in its group as long as {@code max-interval} plus one
     * attempt stays below {@code max.poll.interval.ms} (5 minutes by default).
     */
    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka, MeterRegistry meters,
            @Value("${carbonsink.consumer.retry.initial-interval:100ms}") Duration initial,
            @Value("${carbonsink.consumer.retry.max-interval:30s}") Duration max,
            @Value("${carbonsink.consumer.retry.unexplained-retries:3}") int unexplainedRetries) {
        ExponentialBackOff untilItWorks = new ExponentialBackOff(initial.toMillis(), 2.0);
        untilItWorks.setMaxInterval(max.toMillis());
        ExponentialBackOff unexplained = new ExponentialBackOff(Math.max(initial.toMillis(), 500), 2.0);
        unexplained.setMaxInterval(max.toMillis());
        unexplained.setMaxAttempts(unexplainedRetries);
        DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(kafka);
        // every topic's counter exists from the start, so that an alert on its increase has a base
        Topics.ALL.forEach(topic -> deadLetters(meters, topic));
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            toDeadLetters.accept(record, failure);
            deadLetters(meters, record.topic()).increment();
        }, unexplained);
        handler.addNotRetryableExceptions(UnreadableEvent.class, EventRefused.class);
        handler.setBackOffFunction((record, failure) -> failure != null
                && Failures.of(failure) == Failures.Kind.TRANSIENT ? untilItWorks : null);
        return handler;
    }

    private static Counter deadLetters(MeterRegistry meters, String topic) {
        return Counter.builder("carbonsink.dead.letters").tag("topic", topic)
                .description("records this service's consumers gave up on and sent to <topic>-dlt").register(meters);
    }

    /** Just after Boot's server observation filter (highest precedence + 1), whose span it reads. */
    @Bean
    FilterRegistrationBean<CorrelationId> correlationIdFilter(TraceContexts traces) {
        FilterRegistrationBean<CorrelationId> registration = new FilterRegistrationBean<>(new CorrelationId(traces));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** After Spring Security's filters (order -100), so the caller is known. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcClient jdbc, IdempotencyProperties properties,
            PlatformTransactionManager transactions) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(jdbc, properties, new TransactionTemplate(transactions)));
        registration.setOrder(0);
        return registration;
    }

    @Bean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    @Bean
    BadValuesInBody badValuesInBody(Validator validator) {
        return new BadValuesInBody(validator);
    }

    @Bean
    JsonMapperBuilderCustomizer badValuesInBodyReadOn() {
        return builder -> builder.addHandler(BadValuesInBody.HANDLER);
    }

    @Bean
    JsonMapperBuilderCustomizer recordCreators() {
        return builder -> builder.addModule(new RecordCreators());
    }

    @Bean
    WebMvcConfigurer callerResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerResolver());
            }

            /** A read naming a query parameter its endpoint does not take is refused, never taken for a filter. */
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new QueryParameters());
            }

            /**
             * Public lists answer {@code Accept: text/csv} too. Last in the list, after JSON: a client that
             * accepts anything (curl's {@code *}{@code /*}) gets JSON, which is what the API documents.
             */
            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
                converters.configureMessageConvertersList(list -> list.add(new CsvMessageConverter()));
            }
        };
    }
}
