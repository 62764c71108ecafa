package org.carbonsink.support.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long keys are kept, and the commands for which a service declares {@code Idempotency-Key}
 * rules ({@code carbonsink.idempotency.rules}): {@code required} answers 428 to a request without
 * the header; {@code transactional} stores the key in the command's own database transaction (the
 * controller's {@code @Transactional} joins the filter's), so the key and the effect commit or
 * roll back together. A command whose effect commits elsewhere (another thread, a group-commit
 * sequencer) must not be declared transactional. {@code recorded-by-command} leaves the key to the
 * command itself: the filter checks the header and hashes the request
 * ({@link IdempotencyFilter#REQUEST_HASH}), and the command records key and hash with its own effect,
 * in its own transaction, and answers a repeat itself (trading's orders: the book writer's group
 * commit). The filter then writes nothing and keeps no response.
 *
 * <p>{@code claim-lease} (30 s) is how long a request that is not transactional holds its key while
 * it runs: a retry that finds the key still in progress after that takes it over and runs the
 * command again (the command must find its own earlier effect). It must be longer than such a
 * request ever runs.
 */
@ConfigurationProperties("carbonsink.idempotency")
public record IdempotencyProperties(Duration retention, Duration claimLease, List<Rule> rules) {

    public IdempotencyProperties {
        retention = retention == null ? Duration.ofHours(24) : retention;
        claimLease = claimLease == null ? Duration.ofSeconds(30) : claimLease;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** Requests of {@code method} to {@code path} (a path pattern) and what they need. */
    public record Rule(String method, String path, boolean required, boolean transactional, boolean recordedByCommand) {
    }
}
