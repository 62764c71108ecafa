package org.carbonsink.gateway;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.carbonsink.gateway.asyncapi.AsyncApiConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway as an OAuth2 resource server: every request but a public disclosure GET or a public
 * comment needs a valid bearer token, checked before routing. A token that is present must be valid, on public paths too.
 * The token itself goes on to the services unchanged; they check it again.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    /** The public explorer (module explorer): its page, its own assets and the vendored libraries (WebJars). */
    static final String[] EXPLORER_PATHS = { "/", "/index.html", "/assets/**", "/webjars/**" };

    /** Swagger UI (its page and assets are under /swagger-ui/) and the configuration it reads. */
    static final String[] SWAGGER_UI_PATHS = { "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/swagger-config" };

    /** The AsyncAPI document of the Kafka events (asyncapi/). */
    static final String[] ASYNCAPI_PATHS = { AsyncApiConfiguration.PATH };

    static final String[] PUBLIC_GET_PATHS = {
            "/api/registry/projects/**", "/api/registry/methodologies/**", "/api/registry/issuances/**",
            "/api/registry/retirements/**", "/api/registry/ledger/**",
            "/api/registry/cancellations/**", "/api/registry/reversals/**", "/api/registry/audit/status",
            // the public register of encumbrances (docs/pledges.md)
            "/api/registry/pledges/**",
            "/api/verification/projects/**", "/api/verification/reports/**", "/api/verification/species",
            "/api/verification/uncertainty-bands", "/api/verification/parameters",
            "/api/trading/instruments/**", "/api/trading/trades/**", "/api/trading/market/**",
            "/api/trading/block-trade-rules/**",
            // each service's OpenAPI description
            "/api/registry/v3/api-docs/**", "/api/verification/v3/api-docs/**", "/api/trading/v3/api-docs/**",
            // probes on the public port; the rest of the actuator is on the management port only
            "/livez", "/readyz", "/actuator/health/**", "/actuator/prometheus" };

    static final int KEY_SET_CONNECT_TIMEOUT_MS = 2_000;
    static final int KEY_SET_READ_TIMEOUT_MS = 5_000;

    /** Public comments on a disclosed project (CCER: anyone may comment); the registry limits them per address. */
    static final String[] PUBLIC_POST_PATHS = { "/api/registry/projects/*/comments" };

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties properties) {
        // Keys come from a cached, rate-limited JWK source: a token naming an unknown key id must not
        // make the gateway fetch the key set again on every request (the reactive default does). The
        // fetch waits longer than Nimbus's 500 ms and is tried twice: a first fetch that timed out on a
        // busy machine turned valid tokens away (401) until the rate limit let the next one through.
        // whether the last fetch of the key set failed: a request the rate limit then keeps from fetching
        // again (RateLimitReachedException) meets the same unreachable key set, not an unknown key id
        AtomicBoolean unreachable = new AtomicBoolean();
        JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(url(properties.jwksUri()),
                        new DefaultResourceRetriever(KEY_SET_CONNECT_TIMEOUT_MS, KEY_SET_READ_TIMEOUT_MS,
                                JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT))
                .cache(true).retrying(true).rateLimited(true).build();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt -> Flux.defer(() -> {
            // The lookup may fetch the key set (blocking I/O), so it runs on boundedElastic; the request
            // then goes on on its connection's event loop, not on boundedElastic. A response completed off
            // that loop can finish terminating only after the client's next keep-alive request was read,
            // and Reactor Netty (1.3.6, reactor/reactor-netty#4361) then never reads another request on
            // the connection: the client waits until it gives up.
            // Netty's record of the loop the calling thread runs (null off a loop: nothing to go back to)
            EventExecutor loop = ThreadExecutorMap.currentExecutor();
            Mono<List<JWK>> found = Mono
                    .fromCallable(() -> {
                        List<JWK> matching = keys.get(new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())), null);
                        unreachable.set(false);
                        return matching;
                    })
                    .subscribeOn(Schedulers.boundedElastic())
                    // the key set out of reach: the token cannot be checked (503, KeySetUnavailable); an
                    // unknown key id inside the refresh interval: no key, so the token is refused (401)
                    .onErrorResume(KeySourceException.class, e -> {
                        if (e instanceof JWKSetUnavailableException) {
                            unreachable.set(true);
                        }
                        return unreachable.get() ? Mono.error(new KeySetUnavailable(e)) : Mono.just(List.of());
                    });
            return (loop == null ? found : found.publishOn(Schedulers.fromExecutor(loop))).flatMapMany(Flux::fromIterable);
        })).build();
        // expiry is required, not only checked when present; issuer and audience are ours
        JwtTimestampValidator expiry = new JwtTimestampValidator();
        expiry.setAllowEmptyExpiryClaim(false);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiry,
                new JwtIssuerValidator(properties.issuer()), new JwtAudienceValidator(properties.audience())));
        // Spring Security wraps a key source's error in an IllegalStateException, which it lets through as a
        // 500: the key set out of reach leaves as the JwtException it is (an AuthenticationServiceException, 503)
        ReactiveJwtDecoder keySetOutOfReach = token -> decoder.decode(token)
                .onErrorMap(e -> e.getCause() instanceof KeySetUnavailable, Throwable::getCause);
        return new VerifiedTokens(keySetOutOfReach, Clock.systemUTC());
    }

    private static URL url(String uri) {
        try {
            return URI.create(uri).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("carbonsink.security.jwks-uri is not a URL: " + uri, e);
        }
    }

    /**
     * What {@code pathMatchers(method, paths)} matches, with the method looked at once before the paths:
     * a request of another method (every command, for the public GET paths) skips them. Spring
     * Security's matcher of several paths tries each in turn, and formats a debug line for each even
     * with debug logging off (commons-logging 1.3 renders the message before it checks the level).
     */
    static ServerWebExchangeMatcher paths(HttpMethod method, String... paths) {
        ServerWebExchangeMatcher matcher = ServerWebExchangeMatchers.pathMatchers(method, paths);
        return exchange -> method.equals(exchange.getRequest().getMethod()) ? matcher.matches(exchange)
                : MatchResult.notMatch();
    }

    /**
     * The firewall's rule for header values ({@link StrictServerWebExchangeFirewall#ALLOWED_HEADER_VALUES}:
     * assigned characters, no control character but tab), with printable ASCII accepted without its regular
     * expression, which the firewall runs on a value each time it is read: an order's bearer token of some
     * 850 characters several times (docs/benchmarks.md, "Single orders").
     */
    static final Predicate<String> ALLOWED_HEADER_VALUES = SecurityConfiguration::allowedHeaderValue;

    private static boolean allowedHeaderValue(String value) {
        // a header that is absent reaches the rule as null
        return value != null && isPrintableAscii(value) || StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(value);
    }

    private static boolean isPrintableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 || c > 0x7e) && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Spring Security's default firewall with {@link #ALLOWED_HEADER_VALUES}: the same values pass and are refused. */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderValues(ALLOWED_HEADER_VALUES);
        return firewall;
    }

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, JsonMapper json) {
        ProblemAuthenticationEntryPoint unauthenticated = new ProblemAuthenticationEntryPoint(json);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(exchanges -> exchanges
                        .matchers(paths(HttpMethod.GET, EXPLORER_PATHS)).permitAll()
                        .matchers(paths(HttpMethod.GET, SWAGGER_UI_PATHS)).permitAll()
                        .matchers(paths(HttpMethod.GET, ASYNCAPI_PATHS)).permitAll()
                        // the services' metrics are for operators on the services' own ports, not for API clients
                        .pathMatchers("/api/*/actuator/**").denyAll()
                        .matchers(paths(HttpMethod.GET, PUBLIC_GET_PATHS)).permitAll()
                        .matchers(paths(HttpMethod.POST, PUBLIC_POST_PATHS)).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new BearerTokenConverter())
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder))
                        .authenticationEntryPoint(unauthenticated)
                        .authenticationFailureHandler(KeySetUnavailable.failureHandler(unauthenticated, json)))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated))
                .build();
    }
}
