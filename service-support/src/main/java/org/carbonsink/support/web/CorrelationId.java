package org.carbonsink.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.carbonsink.support.tracing.TraceContexts;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every request with its trace id in {@code X-Correlation-Id}, the header users have
 * always quoted to find a request in the logs. The trace itself (W3C {@code traceparent}, carried
 * from the gateway) is Micrometer Tracing's; the logs carry its ids. Runs inside the server
 * observation, so the request's span is current.
 */
public class CorrelationId extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";

    private final TraceContexts traces;

    public CorrelationId(TraceContexts traces) {
        this.traces = traces;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceId = traces.currentTraceId();
        if (traceId != null) {
            response.setHeader(HEADER, traceId);
        }
        chain.doFilter(request, response);
    }
}
