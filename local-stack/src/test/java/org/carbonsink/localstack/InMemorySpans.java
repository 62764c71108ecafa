package org.carbonsink.localstack;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * One span exporter in memory for every application of the test JVM, when a test asks for it
 * ({@code --carbonsink.test.in-memory-spans=true}), so one test sees the spans of the gateway and
 * of each service together.
 */
@AutoConfiguration
@ConditionalOnProperty("carbonsink.test.in-memory-spans")
public class InMemorySpans {

    static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();

    /** A view that the applications' shutdown does not stop, so the test can still read it. */
    @Bean
    SpanExporter inMemorySpanExporter() {
        return new SpanExporter() {
            @Override
            public io.opentelemetry.sdk.common.CompletableResultCode export(
                    java.util.Collection<io.opentelemetry.sdk.trace.data.SpanData> spans) {
                return EXPORTER.export(spans);
            }

            @Override
            public io.opentelemetry.sdk.common.CompletableResultCode flush() {
                return EXPORTER.flush();
            }

            @Override
            public io.opentelemetry.sdk.common.CompletableResultCode shutdown() {
                return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
            }
        };
    }
}
