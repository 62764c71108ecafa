package org.carbonsink.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens from the authorization server (docs/identity.md), obtained over real HTTP: people log in
 * through the authorization code flow with PKCE exactly as a browser would, machines use client
 * credentials. {@code scripts/token.sh} does the same with curl.
 */
public final class TokenClient {

    public static final String CLI_CLIENT_ID = "carbonsink-cli";
    public static final String CLI_REDIRECT_URI = "http://127.0.0.1:8765/callback";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TokenClient() {
    }

    /** The token endpoint or the login refused the request; {@code status} is the HTTP status. */
    public static final class TokenRequestRefused extends RuntimeException {

        private final int status;

        TokenRequestRefused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** A person's access token: the authorization code flow with PKCE, through the login form. */
    public static String login(String authServerUrl, String username, String password) {
        return login(authServerUrl, CLI_CLIENT_ID, CLI_REDIRECT_URI, username, password);
    }

    /** The same through another public client, e.g. Swagger UI's, sent back to {@code redirectUri}. */
    public static String login(String authServerUrl, String clientId, String redirectUri, String username,
            String password) {
        String base = withoutTrailingSlash(authServerUrl);
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String verifier = randomUrlSafe(32);
        String state = randomUrlSafe(16);

        URI loginForm = redirectOf(send(browser, get(URI.create(base + "/oauth2/authorize?" + form(Map.of(
                "response_type", "code",
                "client_id", clientId,
                "redirect_uri", redirectUri,
                "scope", "openid api",
                "state", state,
                "code_challenge", s256(verifier),
                "code_challenge_method", "S256"))))), "the authorization request");
        if (!loginForm.getPath().endsWith("/login")) {
            throw new IllegalStateException("The authorization request did not lead to the login form but to " + loginForm);
        }

        String csrf = csrfToken(send(browser, get(loginForm)), loginForm);
        URI afterLogin = redirectOf(send(browser, post(URI.create(base + "/login"), null, form(Map.of(
                "username", username, "password", password, "_csrf", csrf)))), "the login");
        if (afterLogin.getPath().endsWith("/login") && query(afterLogin).containsKey("error")) {
            throw new TokenRequestRefused(401, "Login refused for '" + username + "': wrong username or password");
        }

        // back to the authorization request, which now redirects to the callback; the callback is not called
        URI callback = redirectOf(send(browser, get(afterLogin)), "the authorization request after login");
        if (!callback.toString().startsWith(redirectUri + "?")) {
            throw new IllegalStateException("After login, expected a redirect to " + redirectUri + " but got " + callback);
        }
        Map<String, String> answer = query(callback);
        if (answer.containsKey("error")) {
            throw new TokenRequestRefused(400, "The authorization request was refused: " + answer);
        }
        if (!state.equals(answer.get("state"))) {
            throw new IllegalStateException("The callback's state does not match the request's: " + callback);
        }

        return accessToken(send(browser, post(URI.create(base + "/oauth2/token"), null, form(Map.of(
                "grant_type", "authorization_code",
                "client_id", clientId,
                "code", answer.get("code"),
                "redirect_uri", redirectUri,
                "code_verifier", verifier)))), "user '" + username + "'");
    }

    /** A machine's access token: client credentials, the secret sent as HTTP Basic. */
    public static String clientCredentials(String authServerUrl, String clientId, String secret) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // client_secret_basic: both parts form-encoded before Base64 (RFC 6749, 2.3.1)
        String basic = Base64.getEncoder().encodeToString(
                (encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
        return accessToken(send(http, post(URI.create(withoutTrailingSlash(authServerUrl) + "/oauth2/token"),
                "Basic " + basic, form(Map.of("grant_type", "client_credentials", "scope", "api")))),
                "client '" + clientId + "'");
    }

    private static String accessToken(HttpResponse<String> response, String who) {
        if (response.statusCode() != 200) {
            throw new TokenRequestRefused(response.statusCode(),
                    "The token request for " + who + " was refused with HTTP " + response.statusCode() + ": " + response.body());
        }
        JsonNode token = JSON.readTree(response.body()).path("access_token");
        if (!token.isString()) {
            throw new IllegalStateException("No access_token in the token response for " + who + ": " + response.body());
        }
        return token.asString();
    }

    private static String csrfToken(HttpResponse<String> loginPage, URI uri) {
        if (loginPage.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + loginPage.statusCode() + ", not the login form");
        }
        Matcher input = CSRF_INPUT.matcher(loginPage.body());
        Matcher value = input.find() ? VALUE.matcher(input.group()) : null;
        if (value == null || !value.find()) {
            throw new IllegalStateException("No CSRF token in the login form at " + uri);
        }
        return value.group(1);
    }

    private static URI redirectOf(HttpResponse<String> response, String step) {
        String location = response.headers().firstValue("Location").orElse(null);
        if (response.statusCode() / 100 != 3 || location == null) {
            throw new IllegalStateException("Expected " + step + " to redirect, but it answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.request().uri().resolve(location);
    }

    private static HttpRequest get(URI uri) {
        // text/html: the authorization server sends browsers, and only browsers, to its login form
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "text/html").GET().build();
    }

    private static HttpRequest post(URI uri, String authorization, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                parameters.put(decode(name), decode(value));
            }
        }
        return parameters;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
