package org.carbonsink.testsupport;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.springframework.core.Ordered;

/**
 * A servlet filter a service's tests add to their context ({@code @Import(SimulatedCrash.class)}),
 * just inside the {@code Idempotency-Key} filter (order 0): a request with the header
 * {@value #HEADER} runs its command, then dies before its response leaves, as a process killed at
 * that moment would. A client's retry with the same key must then not run the command a second time.
 */
public final class SimulatedCrash implements Filter, Ordered {

    public static final String HEADER = "X-Test-Crash-After-Command";

    /** Sends a request that crashes: whatever answer or broken connection it gets is not kept. */
    public static void send(Supplier<ApiClient.Response> request) {
        try {
            request.get();
        } catch (UncheckedIOException connectionLost) {
            // the client saw no answer, so it will retry
        }
    }

    @Override
    public int getOrder() {
        return 1;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        if (request instanceof HttpServletRequest http && http.getHeader(HEADER) != null) {
            // a dead process's connection is gone: the client's retry must not reuse it
            if (response instanceof HttpServletResponse answer) {
                answer.setHeader("Connection", "close");
            }
            throw new IllegalStateException("simulated crash: the command ran, its response never left");
        }
    }
}
