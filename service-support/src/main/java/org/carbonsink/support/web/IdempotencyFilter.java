package org.carbonsink.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.carbonsink.support.security.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes POST commands safe to retry: a request with an {@code Idempotency-Key} header runs once per
 * caller and key; a repeat with the same body gets the first response again (with
 * {@code Idempotent-Replayed: true}), a repeat with another body is refused (422), and one that
 * arrives while the first still runs is told so (409). Responses of 5xx are not kept, so such a
 * request may be retried. Keys are kept for {@code carbonsink.idempotency.retention} (24 h).
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private final JdbcClient jdbc;
    private final Duration retention;

    public IdempotencyFilter(JdbcClient jdbc, Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    /** Commands are small JSON documents; a larger body is refused before it is read into memory. */
    static final int MAX_BODY_BYTES = 1 << 20;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > 255) {
            ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    HEADER + " must be 1 to 255 characters");
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                    "a command body may have at most " + MAX_BODY_BYTES + " bytes");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                    "a command body may have at most " + MAX_BODY_BYTES + " bytes");
            return;
        }
        String caller = SecurityContextHolder.getContext().getAuthentication().getName();
        String hash = hash(request.getMethod(), request.getRequestURI(), request.getQueryString(), body);

        boolean first = jdbc.sql("""
                insert into idempotent_request (caller, idempotency_key, request_hash) values (:caller, :key, :hash)
                on conflict do nothing
                """).param("caller", caller).param("key", key).param("hash", hash).update() == 1;
        if (!first) {
            replay(response, caller, key, hash);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new CachedBody(request, body), recorded);
            if (recorded.getStatus() < 500) {
                // kept even if storing the response fails: the command ran, and must not run again
                kept = true;
                jdbc.sql("""
                        update idempotent_request set status = :status, content_type = :type, response_body = :body,
                            location = :location
                        where caller = :caller and idempotency_key = :key
                        """).param("status", recorded.getStatus()).param("type", recorded.getContentType())
                        .param("location", recorded.getHeader("Location"))
                        .param("body", new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8))
                        .param("caller", caller).param("key", key).update();
            }
        } finally {
            if (!kept) {
                jdbc.sql("delete from idempotent_request where caller = :caller and idempotency_key = :key")
                        .param("caller", caller).param("key", key).update();
            }
            recorded.copyBodyToResponse();
        }
    }

    @Scheduled(fixedDelayString = "${carbonsink.idempotency.cleanup-interval:1h}", initialDelayString = "1m")
    public void forgetOldKeys() {
        jdbc.sql("delete from idempotent_request where created_at < now() - make_interval(secs => :secs)")
                .param("secs", retention.toSeconds()).update();
        // a request whose process died left no response: after ten minutes its key may be used again
        jdbc.sql("delete from idempotent_request where status is null and created_at < now() - interval '10 minutes'")
                .update();
    }

    private void replay(HttpServletResponse response, String caller, String key, String hash) throws IOException {
        Optional<Stored> stored = jdbc.sql("""
                select request_hash, status, content_type, response_body, location from idempotent_request
                where caller = :caller and idempotency_key = :key
                """).param("caller", caller).param("key", key).query(Stored.class).optional();
        if (stored.isEmpty() || stored.get().status() == null) {
            ProblemResponses.write(response, HttpStatus.CONFLICT, "request-in-progress", "Request in progress",
                    "a request with this " + HEADER + " is still running; retry later");
        } else if (!stored.get().requestHash().equals(hash)) {
            ProblemResponses.write(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused",
                    "this " + HEADER + " was used for a different request");
        } else {
            response.setStatus(stored.get().status());
            if (stored.get().contentType() != null) {
                response.setContentType(stored.get().contentType());
            }
            if (stored.get().location() != null) {
                response.setHeader("Location", stored.get().location());
            }
            response.setHeader(REPLAYED, "true");
            response.getOutputStream().write(stored.get().responseBody().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String hash(String method, String path, String query, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + path + "?" + (query == null ? "" : query) + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Stored(String requestHash, Integer status, String contentType, String responseBody, String location) {
    }

    /** The request with its body read once, so the key's hash and the handler see the same bytes. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
