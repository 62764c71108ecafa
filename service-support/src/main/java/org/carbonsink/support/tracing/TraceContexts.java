package org.carbonsink.support.tracing;

import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries the W3C trace context of a request over the outbox: the event is written in the
 * request's transaction but sent later by the relay on its own thread, where the request's span is
 * no longer current. {@link #current()} is stored with the outbox row; {@link #continueIn} makes
 * it the parent of the relay's span, so the Kafka producer and consumer spans join the request's
 * trace.
 */
public class TraceContexts {

    /** The W3C header name, {@code traceparent}. */
    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContexts(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Without tracing: nothing is stored and nothing continued. */
    public static TraceContexts none() {
        return new TraceContexts(Tracer.NOOP, Propagator.NOOP);
    }

    /** The current span's {@code traceparent}, or null when there is none. */
    public String current() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * The current span's context as it is, for work that another thread does later on the current
     * request's behalf (a writer that commits the request's command in a batch); null when there is
     * none. Nothing is formatted or copied: a hot path that captures a context per command holds one
     * reference, and pays for the {@code traceparent} only where {@link #runIn} writes an event.
     */
    public TraceContext capture() {
        return tracer.currentTraceContext().context();
    }

    /**
     * Runs {@code work} with {@code captured} (from {@link #capture}) as the current trace context, so
     * that the outbox rows it writes carry that context and their events continue its trace. No span
     * is started: the work belongs to the span that was current when the context was captured. With
     * {@code captured} null, {@code work} runs in the caller's context.
     */
    public void runIn(TraceContext captured, Runnable work) {
        if (captured == null) {
            work.run();
            return;
        }
        try (CurrentTraceContext.Scope scope = tracer.currentTraceContext().newScope(captured)) {
            work.run();
        }
    }

    /** The current trace id, or null when there is no current span. */
    public String currentTraceId() {
        TraceContext context = tracer.currentTraceContext().context();
        return context == null ? null : context.traceId();
    }

    /**
     * Runs {@code work} inside a span named {@code name}, a child of {@code traceparent} (a new
     * trace when it is null), so that what {@code work} starts (a Kafka send) belongs to it. Without
     * a {@code traceparent} (an event written outside any request) {@code work} starts its own trace.
     */
    public <T> T continueIn(String traceparent, String name, Supplier<T> work) {
        if (traceparent == null) {
            return work.get();
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get).name(name).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } finally {
            span.end();
        }
    }
}
