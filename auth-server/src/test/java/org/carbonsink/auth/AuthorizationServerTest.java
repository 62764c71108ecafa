package org.carbonsink.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TokenClient;
import org.carbonsink.testsupport.TokenClient.TokenRequestRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The authorization server over real HTTP: people log in through the code flow with PKCE, machines use
 * client credentials, and the tokens carry the claims of docs/identity.md, signed with the key the
 * server publishes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + AuthServerApplication.CONFIG_NAME, "AUTH_ISSUER=" + AuthorizationServerTest.ISSUER })
class AuthorizationServerTest {

    // deliberately not the host the tests call: iss is the configured issuer, whatever host a request used
    static final String ISSUER = "http://auth.carbonsink.test:9000";

    @LocalServerPort
    int port;

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @ParameterizedTest
    @CsvSource({
            "owner,    owner-password,    10000000-0000-0000-0000-000000000001, PROJECT_OWNER",
            "verifier, verifier-password, 10000000-0000-0000-0000-000000000002, VERIFIER",
            "validator, validator-password, 10000000-0000-0000-0000-000000000003, VERIFIER",
            "admin,    admin-password,    00000000-0000-0000-0000-00000000a001, REGISTRY_ADMINISTRATOR",
            "trader,   trader-password,   10000000-0000-0000-0000-000000000004, TRADER",
            "operator, operator-password, 10000000-0000-0000-0000-000000000005, EXCHANGE_OPERATOR",
            "lender,   lender-password,   10000000-0000-0000-0000-000000000007, LENDER" })
    void aSeededUserLogsInAndGetsASignedTokenOfItsParticipant(String username, String password, String subject,
            String role) throws Exception {
        JWTClaimsSet claims = verifiedClaims(TokenClient.login(url(), username, password));

        assertThat(claims.getSubject()).isEqualTo(subject);
        assertThat(claims.getStringListClaim("roles")).containsExactly(role);
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo(username);
        assertThat(claims.getStringListClaim("scope")).containsExactlyInAnyOrder("openid", "api");
        assertDesignedClaims(claims);
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> TokenClient.login(url(), "owner", "not-the-password"))
                .isInstanceOf(TokenRequestRefused.class)
                .hasMessageContaining("wrong username or password");
    }

    @Test
    void theMachineClientGetsATokenOfItsParticipant() throws Exception {
        JWTClaimsSet claims = verifiedClaims(TokenClient.clientCredentials(url(), "market-monitor", "market-monitor-secret"));

        assertThat(claims.getSubject()).isEqualTo("10000000-0000-0000-0000-000000000006");
        assertThat(claims.getStringListClaim("roles")).containsExactly("EXCHANGE_OPERATOR");
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("market-monitor");
        assertThat(claims.getStringListClaim("scope")).containsExactly("api");
        assertDesignedClaims(claims);
    }

    @Test
    void aClientWithAWrongSecretGets401() {
        assertThatThrownBy(() -> TokenClient.clientCredentials(url(), "market-monitor", "not-the-secret"))
                .isInstanceOfSatisfying(TokenRequestRefused.class, refused -> assertThat(refused.status()).isEqualTo(401));
    }

    @Test
    void thePublicLoginClientCannotUseClientCredentials() {
        // a public client has no secret to present: the request is malformed, not merely unauthenticated
        assertThatThrownBy(() -> TokenClient.clientCredentials(url(), TokenClient.CLI_CLIENT_ID, ""))
                .isInstanceOfSatisfying(TokenRequestRefused.class, refused -> assertThat(refused.status()).isEqualTo(400));
    }

    @Test
    void swaggerUiLogsAPersonInWithPkceAndIsSentBackToItsPageOnAnyLoopbackPort() throws Exception {
        // the local stack's gateway may listen on any port of 127.0.0.1 (RFC 8252, 7.3)
        String redirect = "http://127.0.0.1:18080/swagger-ui/oauth2-redirect.html";

        JWTClaimsSet claims = verifiedClaims(TokenClient.login(url(), "swagger-ui", redirect, "trader", "trader-password"));

        assertThat(claims.getSubject()).isEqualTo("10000000-0000-0000-0000-000000000004");
        assertDesignedClaims(claims);
        // never sent to a page it was not registered with
        assertThatThrownBy(() -> TokenClient.login(url(), "swagger-ui",
                "http://elsewhere.example/swagger-ui/oauth2-redirect.html", "trader", "trader-password"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theGatewaysPagesMayCallTheTokenEndpointAndNoOtherSites() throws Exception {
        HttpResponse<String> gateway = preflight("/oauth2/token", "http://127.0.0.1:8080");
        assertThat(gateway.statusCode()).isEqualTo(200);
        assertThat(gateway.headers().firstValue("Access-Control-Allow-Origin")).contains("http://127.0.0.1:8080");
        HttpResponse<String> foreign = preflight("/oauth2/token", "http://elsewhere.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theDiscoveryDocumentsNameTheIssuerAndItsKeys() {
        for (String path : List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
            JsonNode discovery = new ApiClient(url()).get(path).expect(200);

            assertThat(discovery.get("issuer").asString()).as(path).isEqualTo(ISSUER);
            assertThat(discovery.get("jwks_uri").asString()).as(path).isEqualTo(ISSUER + "/oauth2/jwks");
            assertThat(discovery.get("token_endpoint").asString()).as(path).isEqualTo(ISSUER + "/oauth2/token");
        }
    }

    @Test
    void healthIsPublic() {
        assertThat(new ApiClient(url()).get("/actuator/health").expect(200).get("status").asString()).isEqualTo("UP");
    }

    private HttpResponse<String> preflight(String path, String origin) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url() + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The claims every access token carries, after its RS256 signature is checked against /oauth2/jwks. */
    private JWTClaimsSet verifiedClaims(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        JWKSet keys = JWKSet.parse(new ApiClient(url()).get("/oauth2/jwks").expect(200).toString());
        JWK key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(key).as("the token's key in the JWKS").isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier(key.toRSAKey()))).as("signature").isTrue();
        return jwt.getJWTClaimsSet();
    }

    private static void assertDesignedClaims(JWTClaimsSet claims) {
        assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder(
                "iss", "sub", "aud", "roles", "preferred_username", "scope", "iat", "nbf", "exp", "jti");
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly(AccessTokenClaims.AUDIENCE);
        Instant issuedAt = claims.getIssueTime().toInstant();
        Instant expiresAt = claims.getExpirationTime().toInstant();
        assertThat(issuedAt).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
        assertThat(Duration.between(issuedAt, expiresAt)).isEqualTo(Duration.ofMinutes(15));
    }
}
