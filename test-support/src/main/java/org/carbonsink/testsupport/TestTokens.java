package org.carbonsink.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * Signed JWTs for tests of one service, shaped like the authorization server's (see
 * docs/identity.md), from a key of the test JVM whose JWKS this class serves on a loopback port.
 * Besides valid tokens it makes the bad ones a resource server must refuse: expired, for another
 * audience, from another issuer, signed by another key, and tampered with after signing.
 */
public final class TestTokens {

    public static final String ISSUER = "http://test-issuer.carbonsink.local";
    public static final String AUDIENCE = "carbonsink-api";

    private static final RSAKey KEY = generate("test-key");
    private static final RSAKey OTHER_KEY = generate("someone-elses-key");
    private static HttpServer jwks;
    /** How long {@link #slowJwksUri()} takes to answer: longer than Nimbus's default timeouts (500 ms). */
    public static final Duration SLOW_KEY_SET = Duration.ofMillis(1_500);

    private TestTokens() {
    }

    /** A valid token for the participant with the given roles (none is fine). */
    public static String forParticipant(UUID participantId, String... roles) {
        return sign(KEY, claims(participantId, roles, AUDIENCE, ISSUER, Instant.now().plus(Duration.ofMinutes(10))));
    }

    public static String expired(UUID participantId, String... roles) {
        return sign(KEY, claims(participantId, roles, AUDIENCE, ISSUER, Instant.now().minus(Duration.ofMinutes(5))));
    }

    public static String forAnotherAudience(UUID participantId, String... roles) {
        return sign(KEY, claims(participantId, roles, "some-other-api", ISSUER,
                Instant.now().plus(Duration.ofMinutes(10))));
    }

    public static String fromAnotherIssuer(UUID participantId, String... roles) {
        return sign(KEY, claims(participantId, roles, AUDIENCE, "http://evil.example",
                Instant.now().plus(Duration.ofMinutes(10))));
    }

    public static String signedByAnotherKey(UUID participantId, String... roles) {
        return sign(OTHER_KEY, claims(participantId, roles, AUDIENCE, ISSUER, Instant.now().plus(Duration.ofMinutes(10))));
    }

    /** A valid token whose payload was then changed to grant the administrator role: the signature no longer matches. */
    public static String tampered(UUID participantId, String... roles) {
        String[] parts = forParticipant(participantId, roles).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replaceFirst("\"roles\":\\[[^]]*]", "\"roles\":[\"REGISTRY_ADMINISTRATOR\"]");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** Where the test key's JWKS is served; started on first use. */
    public static synchronized String jwksUri() {
        if (jwks == null) {
            try {
                jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            jwks.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            jwks.createContext("/oauth2/slow-jwks", exchange -> {
                try {
                    Thread.sleep(SLOW_KEY_SET.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            // a slow answer must not hold up the others; daemon threads, so they never keep a JVM alive
            jwks.setExecutor(Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "test-jwks");
                thread.setDaemon(true);
                return thread;
            }));
            jwks.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> jwks.stop(0), "stop-test-jwks"));
        }
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/oauth2/jwks";
    }

    /** The same key set, answered only after {@link #SLOW_KEY_SET}: a key server on a busy machine. */
    public static String slowJwksUri() {
        return jwksUri().replace("/oauth2/jwks", "/oauth2/slow-jwks");
    }

    /**
     * A key set URL on a loopback port that nothing listens on (taken free, then closed): the authorization
     * server is down, every fetch is refused at once.
     */
    public static String unreachableJwksUri() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/oauth2/jwks";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Properties pointing a resource server at this test issuer. */
    public static Map<String, Object> springProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("carbonsink.security.issuer", ISSUER);
        p.put("carbonsink.security.jwks-uri", jwksUri());
        p.put("carbonsink.security.audience", AUDIENCE);
        return p;
    }

    private static JWTClaimsSet claims(UUID subject, String[] roles, String audience, String issuer, Instant expiry) {
        Instant issued = expiry.minus(Duration.ofMinutes(15));
        return new JWTClaimsSet.Builder()
                .subject(subject.toString())
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(expiry))
                .claim("roles", List.of(roles))
                .claim("preferred_username", "test-" + subject)
                .jwtID(UUID.randomUUID().toString())
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
