package org.carbonsink.support;

import io.micrometer.core.instrument.Gauge;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.carbonsink.support.inbox.Inbox;
import org.carbonsink.support.messaging.EventRefused;
import org.carbonsink.support.messaging.IncomingEvents;
import org.carbonsink.support.messaging.UnreadableEvent;
import org.carbonsink.support.outbox.Outbox;
import org.carbonsink.support.outbox.OutboxRelay;
import org.carbonsink.support.web.CallerResolver;
import org.carbonsink.support.web.CorrelationId;
import org.carbonsink.support.web.CsvMessageConverter;
import org.carbonsink.support.web.IdempotencyFilter;
import org.carbonsink.support.web.ProblemHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** The outbox and inbox, problem details, correlation ids and the caller placeholder for every service. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
@EnableScheduling
public class SupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The OpenAPI description names the service it describes. */
    @Bean
    @ConditionalOnMissingBean
    OpenAPI openApi(@Value("${spring.application.name}") String service) {
        return new OpenAPI().info(new Info().title(service).version("v1")
                .description("Carbon sink credit registry and exchange: " + service
                        + ". Bearer tokens from the authorization server; see docs/identity.md."));
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, JsonMapper json) {
        return new Outbox(jdbc, json);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager transactions, KafkaTemplate<String, String> kafka,
            @Value("${carbonsink.outbox.batch-size:100}") int batchSize,
            @Value("${carbonsink.outbox.send-timeout:15s}") Duration sendTimeout,
            @Value("${carbonsink.outbox.retention:7d}") Duration retention, MeterRegistry meters) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        OutboxRelay relay = new OutboxRelay(jdbc, tx, kafka, batchSize, sendTimeout, retention);
        Gauge.builder("outbox.pending", relay, OutboxRelay::pendingCount)
                .description("events written to the outbox and not yet sent to Kafka").register(meters);
        return relay;
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

    /** Retries a failing record twice, then sends it to {@code <topic>-dlt}; unreadable ones go at once. */
    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka) {
        DefaultErrorHandler handler = new DefaultErrorHandler(new DeadLetterPublishingRecoverer(kafka),
                new FixedBackOff(500, 2));
        handler.addNotRetryableExceptions(UnreadableEvent.class, EventRefused.class);
        return handler;
    }

    @Bean
    FilterRegistrationBean<CorrelationId> correlationIdFilter() {
        FilterRegistrationBean<CorrelationId> registration = new FilterRegistrationBean<>(new CorrelationId());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** After Spring Security's filters (order -100), so the caller is known. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcClient jdbc,
            @Value("${carbonsink.idempotency.retention:24h}") Duration retention) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(jdbc, retention));
        registration.setOrder(0);
        return registration;
    }

    @Bean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    @Bean
    WebMvcConfigurer callerResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerResolver());
            }

            /** Public lists answer {@code Accept: text/csv} too. */
            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
                converters.addCustomConverter(new CsvMessageConverter());
            }
        };
    }
}
