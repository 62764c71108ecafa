package org.carbonsink.gateway;

import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers every request with its trace id in {@code X-Correlation-Id}, the header users quote to
 * find a request in the logs. The trace is Micrometer Tracing's: the server observation continues
 * the caller's W3C {@code traceparent} or starts a trace, and the gateway passes it on to the
 * services, which answer with and log the same id. A web filter ahead of security, so that a 401
 * or 429 carries the id too.
 */
@Component
class CorrelationIdFilter implements WebFilter, Ordered {

    static final String HEADER = "X-Correlation-Id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(observation -> observation.<TracingContext>get(TracingContext.class))
                .filter(tracing -> tracing.getSpan() != null)
                .map(tracing -> tracing.getSpan().context().traceId())
                .ifPresent(traceId -> exchange.getResponse().beforeCommit(() -> {
                    exchange.getResponse().getHeaders().set(HEADER, traceId);
                    return Mono.empty();
                }));
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
