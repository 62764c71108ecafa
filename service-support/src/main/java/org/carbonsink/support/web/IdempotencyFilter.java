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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carbonsink.support.security.ProblemResponses;
import org.carbonsink.support.web.IdempotencyProperties.Rule;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Makes commands safe to retry: a request with an {@code Idempotency-Key} header runs once per
 * caller and key; a repeat with the same body gets the first response again (with
 * {@code Idempotent-Replayed: true}), a repeat with another body is refused (422). Responses of
 * 5xx are not kept, so such a request may be retried. Keys are kept for
 * {@code carbonsink.idempotency.retention} (24 h). Only callers with a bearer token take part.
 *
 * <p>Without a rule, POST requests that carry the header are covered, and the key is stored
 * beside the command: a duplicate that arrives while the first still runs is told so (409, with
 * {@code Retry-After}). Such a claim on the key is a lease ({@code claim-lease}): a process killed
 * while the command ran cannot store its response, so once the lease has lapsed a retry with the
 * same request takes the claim over and runs the command again. That is safe only for a command
 * that finds its own earlier effect (trading derives an order's id from the key).
 * {@link IdempotencyProperties.Rule Rules} make the header required for a command (428 without
 * it) and, with {@code transactional}, run the whole request inside one database transaction that
 * first inserts the key: the command's own transaction joins it, its effect and the stored response
 * commit together, and a concurrent duplicate waits on the key's row, then gets the stored
 * response. A crash between the commit and the response therefore cannot let a retry run the
 * command twice. A refused request (4xx) is rolled back to a savepoint taken after the key, and its
 * response kept. With {@code recorded-by-command} the filter only checks the key, hashes the request
 * and hands the hash to the command ({@link #REQUEST_HASH}); the command stores both with its effect
 * and answers a repeat (same hash: the first outcome, with {@code Idempotent-Replayed: true}; another
 * hash: 422 {@code idempotency-key-reused}).
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    /** Request attribute: the SHA-256 of method, path, query and body of a request with a key. */
    public static final String REQUEST_HASH = "org.carbonsink.support.web.IdempotencyFilter.requestHash";

    /** Commands are small JSON documents; a larger body is refused before it is read into memory. */
    static final int MAX_BODY_BYTES = 1 << 20;

    /** Request attribute: the rule that covers the request, found by {@link #shouldNotFilter}. */
    private static final String RULE = IdempotencyFilter.class.getName() + ".rule";

    /** Cloned per request: cheaper than looking the algorithm up among the providers each time. */
    private static final MessageDigest SHA_256 = sha256();

    private final JdbcClient jdbc;
    private final Duration retention;
    private final Duration claimLease;
    private final TransactionTemplate tx;
    private final List<MatchingRule> rules;

    public IdempotencyFilter(JdbcClient jdbc, IdempotencyProperties properties, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.retention = properties.retention();
        this.claimLease = properties.claimLease();
        this.tx = tx;
        this.rules = properties.rules().stream()
                .map(rule -> new MatchingRule(rule, PathPatternParser.defaultInstance.parse(rule.path()))).toList();
    }

    private record MatchingRule(Rule rule, PathPattern pattern) {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken)) {
            return true;
        }
        Optional<Rule> rule = ruleFor(request);
        // found once per request: doFilterInternal reads it from here
        request.setAttribute(RULE, rule);
        return rule.isEmpty() && !("POST".equals(request.getMethod()) && request.getHeader(HEADER) != null);
    }

    private Optional<Rule> ruleFor(HttpServletRequest request) {
        return ruleFor(request.getMethod(), request.getRequestURI().substring(request.getContextPath().length()));
    }

    private Optional<Rule> ruleFor(String method, String rawPath) {
        PathContainer path = null;
        for (MatchingRule candidate : rules) {
            if (!candidate.rule().method().equalsIgnoreCase(method)) {
                continue;
            }
            if (path == null) {
                path = PathContainer.parsePath(rawPath);
            }
            if (candidate.pattern().matches(path)) {
                return Optional.of(candidate.rule());
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private Optional<Rule> ruleOf(HttpServletRequest request) {
        Object found = request.getAttribute(RULE);
        return found instanceof Optional<?> rule ? (Optional<Rule>) rule : ruleFor(request);
    }

    /**
     * What this filter may answer instead of running a {@code method} request to {@code path} (an
     * operation's path in the API description, such as {@code /orders/{id}}), by the rules
     * {@link #doFilterInternal} applies: 428 where a rule requires the key; wherever a key is taken (a
     * rule, or any POST that sends one) 400 for a malformed key, 413 for a body too large to hash and
     * 422 for a key reused with another request; and 409 where a duplicate can find the first request
     * still running, which only a request run beside its key can (a transactional one waits for the
     * first to commit, and one recorded by its command answers repeats itself).
     */
    public Set<HttpStatus> refusals(String method, String path) {
        Optional<Rule> rule = ruleFor(method, path);
        if (rule.isEmpty() && !"POST".equalsIgnoreCase(method)) {
            return Set.of();
        }
        Set<HttpStatus> refusals = EnumSet.of(HttpStatus.BAD_REQUEST, HttpStatus.CONTENT_TOO_LARGE,
                HttpStatus.UNPROCESSABLE_CONTENT);
        if (rule.isPresent() && rule.get().required()) {
            refusals.add(HttpStatus.PRECONDITION_REQUIRED);
        }
        if (rule.isEmpty() || !rule.get().transactional() && !rule.get().recordedByCommand()) {
            refusals.add(HttpStatus.CONFLICT);
        }
        return refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Rule> rule = ruleOf(request);
        String header = request.getHeader(HEADER);
        if (header == null) {
            if (rule.isPresent() && rule.get().required()) {
                ProblemResponses.write(request, response, HttpStatus.PRECONDITION_REQUIRED, "idempotency-key-required",
                        "Idempotency-Key required", HEADER, "required", "is required: this command cannot be undone, "
                                + "so send the header (1 to 255 characters, unique per command) and a retry cannot run "
                                + "it twice");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        String key = header.trim();
        if (key.isEmpty() || key.length() > 255) {
            ProblemResponses.write(request, response, HttpStatus.BAD_REQUEST, "validation", "Invalid request", HEADER,
                    "length", "must be 1 to 255 characters");
            return;
        }
        long length = request.getContentLengthLong();
        if (length > MAX_BODY_BYTES) {
            tooLarge(request, response);
            return;
        }
        byte[] body = read(request.getInputStream(), length);
        if (body.length > MAX_BODY_BYTES) {
            tooLarge(request, response);
            return;
        }
        String caller = SecurityContextHolder.getContext().getAuthentication().getName();
        String hash = hash(request.getMethod(), request.getRequestURI(), request.getQueryString(), body);
        Request command = new Request(new CachedBody(request, body), caller, key, hash);
        command.http().setAttribute(REQUEST_HASH, hash);
        if (rule.isPresent() && rule.get().recordedByCommand()) {
            // the command stores the key and hash in its own transaction and answers repeats itself
            chain.doFilter(command.http(), response);
        } else if (rule.isPresent() && rule.get().transactional()) {
            runInOneTransaction(command, response, chain);
        } else {
            runBeside(command, response, chain);
        }
    }

    /**
     * The body, into an array of its declared length where it has one: reading up to the limit instead took
     * a buffer of 8 KB and a copy for a command of a few hundred bytes. The container ends the stream at the
     * declared length; a body sent in chunks (no length) is read up to one byte beyond the limit.
     */
    private static byte[] read(ServletInputStream in, long length) throws IOException {
        if (length < 0) {
            return in.readNBytes(MAX_BODY_BYTES + 1);
        }
        byte[] body = new byte[(int) length];
        int read = in.readNBytes(body, 0, body.length);
        return read == body.length ? body : Arrays.copyOf(body, read);
    }

    private record Request(HttpServletRequest http, String caller, String key, String hash) {
    }

    private void runBeside(Request command, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!insertKey(command) && !takeOverLapsedClaim(command)) {
            replay(response, command);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(command.http(), recorded);
            if (recorded.getStatus() < 500) {
                // kept even if storing the response fails: the command ran, and must not run again
                kept = true;
                storeResponse(command, recorded);
            }
        } finally {
            if (!kept) {
                jdbc.sql("delete from idempotent_request where caller = :caller and idempotency_key = :key")
                        .param("caller", command.caller()).param("key", command.key()).update();
            }
            recorded.copyBodyToResponse();
        }
    }

    private void runInOneTransaction(Request command, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        Boolean ran;
        try {
            ran = tx.execute(status -> {
                // waits while a concurrent request with this key runs, and finds its row once it commits
                if (!insertKey(command)) {
                    return false;
                }
                Object afterKey = status.createSavepoint();
                try {
                    chain.doFilter(command.http(), recorded);
                } catch (IOException | ServletException e) {
                    throw new ChainFailed(e);
                }
                if (recorded.getStatus() >= 500) {
                    status.setRollbackOnly();
                    return true;
                }
                if (recorded.getStatus() >= 400) {
                    status.rollbackToSavepoint(afterKey);
                } else {
                    status.releaseSavepoint(afterKey);
                }
                storeResponse(command, recorded);
                return true;
            });
        } catch (ChainFailed e) {
            if (e.getCause() instanceof ServletException servlet) {
                throw servlet;
            }
            throw (IOException) e.getCause();
        }
        if (Boolean.TRUE.equals(ran)) {
            // only now, after the commit, does the client learn the outcome
            recorded.copyBodyToResponse();
        } else {
            replay(response, command);
        }
    }

    private static final class ChainFailed extends RuntimeException {
        ChainFailed(Exception cause) {
            super(cause);
        }
    }

    /**
     * The one retry whose update finds the claim lapsed wins it: a concurrent one waits on the row,
     * then sees the new lease and replays 409.
     */
    private boolean takeOverLapsedClaim(Request command) {
        return jdbc.sql("""
                update idempotent_request set claimed_until = now() + make_interval(secs => :lease)
                where caller = :caller and idempotency_key = :key and request_hash = :hash
                    and status is null and claimed_until < now()
                """).param("caller", command.caller()).param("key", command.key()).param("hash", command.hash())
                .param("lease", claimLease.toMillis() / 1000.0).update() == 1;
    }

    /**
     * The lease matters only to a request that runs beside its key: a transactional one's row is
     * not seen by others until it commits with its response.
     */
    private boolean insertKey(Request command) {
        return jdbc.sql("""
                insert into idempotent_request (caller, idempotency_key, request_hash, claimed_until)
                values (:caller, :key, :hash, now() + make_interval(secs => :lease))
                on conflict do nothing
                """).param("caller", command.caller()).param("key", command.key()).param("hash", command.hash())
                .param("lease", claimLease.toMillis() / 1000.0).update() == 1;
    }

    private void storeResponse(Request command, ContentCachingResponseWrapper recorded) {
        jdbc.sql("""
                update idempotent_request set status = :status, content_type = :type, response_body = :body,
                    location = :location
                where caller = :caller and idempotency_key = :key
                """).param("status", recorded.getStatus()).param("type", recorded.getContentType())
                .param("location", recorded.getHeader("Location"))
                .param("body", new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8))
                .param("caller", command.caller()).param("key", command.key()).update();
    }

    private static void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemResponses.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                "Request body too large", "a command body may have at most " + MAX_BODY_BYTES + " bytes");
    }

    @Scheduled(fixedDelayString = "${carbonsink.idempotency.cleanup-interval:1h}", initialDelayString = "1m")
    public void forgetOldKeys() {
        jdbc.sql("delete from idempotent_request where created_at < now() - make_interval(secs => :secs)")
                .param("secs", retention.toSeconds()).update();
        // a request whose process died left no response: after ten minutes its key may be used again
        // (a lapsed lease lets a retry take it over sooner; this frees the keys nobody retried)
        jdbc.sql("delete from idempotent_request where status is null and created_at < now() - interval '10 minutes'")
                .update();
    }

    private void replay(HttpServletResponse response, Request command) throws IOException {
        Optional<Stored> stored = jdbc.sql("""
                select request_hash, status, content_type, response_body, location,
                    greatest(1, ceil(extract(epoch from claimed_until - now())))::bigint as lease_seconds_left
                from idempotent_request
                where caller = :caller and idempotency_key = :key
                """).param("caller", command.caller()).param("key", command.key()).query(Stored.class).optional();
        if (stored.isPresent() && !stored.get().requestHash().equals(command.hash())) {
            ProblemResponses.write(command.http(), response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "Idempotency key reused", "this " + HEADER + " was used for a different request");
        } else if (stored.isEmpty() || stored.get().status() == null) {
            if (stored.isPresent() && stored.get().leaseSecondsLeft() != null) {
                response.setHeader("Retry-After", stored.get().leaseSecondsLeft().toString());
            }
            ProblemResponses.write(command.http(), response, HttpStatus.CONFLICT, "request-in-progress",
                    "Request in progress", "a request with this " + HEADER + " is still running; retry later");
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String method, String path, String query, byte[] body) {
        MessageDigest sha;
        try {
            sha = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            sha = sha256();
        }
        sha.update((method + " " + path + "?" + (query == null ? "" : query) + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(body);
        return HexFormat.of().formatHex(sha.digest());
    }

    record Stored(String requestHash, Integer status, String contentType, String responseBody, String location,
            Long leaseSecondsLeft) {
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
