package org.carbonsink.support;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.carbonsink.support.security.BearerTokenHeader;
import org.carbonsink.support.security.HeaderValues;
import org.carbonsink.support.security.ProblemResponses;
import org.carbonsink.support.security.SecurityProperties;
import org.carbonsink.support.security.TokenRoles;
import org.carbonsink.support.security.VerifiedTokens;
import org.carbonsink.support.web.OperationSecurity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.client.RestTemplate;

/**
 * Makes a service an OAuth2 resource server (docs/identity.md): tokens must be signed by the
 * authorization server's key, name its issuer and the API's audience, and be unexpired. Public
 * disclosure GETs ({@code carbonsink.security.public-get-paths}) and public POSTs
 * ({@code public-post-paths}) need no token; everything else does. What a caller may do with which object is decided by the use cases.
 */
@AutoConfiguration
@EnableConfigurationProperties(SecurityProperties.class)
public class ResourceServerAutoConfiguration {

    static final Duration KEY_SET_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration KEY_SET_READ_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        // Nimbus's timeouts (500 ms) were too short for the key set's first fetch on a busy machine: the
        // request then failed (a 500 in ApiDescriptionIT under load); these match the gateway's
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(KEY_SET_CONNECT_TIMEOUT);
        requests.setReadTimeout(KEY_SET_READ_TIMEOUT);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri())
                .restOperations(new RestTemplate(requests)).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(properties.audience()));
        JwtTimestampValidator expiry = new JwtTimestampValidator();
        expiry.setAllowEmptyExpiryClaim(false);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiry, new JwtIssuerValidator(properties.issuer()),
                audience));
        return new VerifiedTokens(decoder, Clock.systemUTC());
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties,
            @Value("${carbonsink.admin.role:REGISTRY_ADMINISTRATOR}") String adminRole) throws Exception {
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(ResourceServerAutoConfiguration::roles);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    // /livez and /readyz: the health groups on the service port, for probes without a token
                    auth.requestMatchers(HttpMethod.GET, "/actuator/health/**", "/actuator/info",
                            "/actuator/prometheus", "/livez", "/readyz", "/v3/api-docs/**", "/error").permitAll();
                    // role rules first: a role-only read inside a public tree (GET /projects/overdue under
                    // /projects/**) still needs its token
                    properties.roleRules().forEach(rule -> auth
                            .requestMatchers(HttpMethod.valueOf(rule.method()), rule.path()).hasRole(rule.role()));
                    // dead letters and parked outbox events: service-support's administrator endpoints
                    auth.requestMatchers(SecurityProperties.ADMIN_PATHS.toArray(String[]::new)).hasRole(adminRole);
                    properties.publicGetPaths().forEach(path -> auth.requestMatchers(HttpMethod.GET, path).permitAll());
                    properties.publicPostPaths().forEach(path -> auth.requestMatchers(HttpMethod.POST, path).permitAll());
                    auth.anyRequest().authenticated();
                })
                .oauth2ResourceServer(rs -> rs.bearerTokenResolver(new BearerTokenHeader())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roles))
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden())
                        // the configurer sets no failure handler of its own: the key set out of reach is a 503
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(ProblemResponses.bearerTokenFailures());
                                return filter;
                            }
                        }))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()));
        return http.build();
    }

    /**
     * Spring Security's default firewall, whose check of each header value skips its regular expression for
     * printable ASCII ({@link HeaderValues}): the same values pass and are refused.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(HeaderValues.ALLOWED);
        return firewall;
    }

    /**
     * Spring Security observes each request's filter chain and authorization, and each authentication.
     * The authentication of a bearer token is, after the token's first request, a look-up in
     * {@link VerifiedTokens}; its observation (a span, a timer and a scope per request with a token) cost
     * more than what it measured (docs/benchmarks.md, "Single orders: where an order's CPU goes"). A
     * refused token still shows as a 401 in {@code http.server.requests} and its trace; requests and
     * authorizations stay observed.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        // withDefaults() would stop observing requests too: Spring Security observes all three without this bean
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(true).shouldObserveAuthentications(false)
                .shouldObserveAuthorizations(true).build();
    }

    /** The API description says which operations need no token, by the rules {@link #apiSecurity} applies. */
    @Bean
    OperationSecurity operationSecurity(SecurityProperties properties) {
        return new OperationSecurity(properties);
    }

    /** The {@code roles} claim as authorities {@code ROLE_<role>}. */
    static Collection<GrantedAuthority> roles(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        List<String> roles = TokenRoles.of(jwt);
        if (roles != null) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        return authorities;
    }
}
