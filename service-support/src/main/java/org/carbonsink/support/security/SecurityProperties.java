package org.carbonsink.support.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Where tokens come from and what they must say, which GET paths are public disclosures that need
 * no token, which POST paths the public may use without one (e.g. comments on a disclosed project;
 * the service limits them itself), and which requests need a role whatever their body says
 * ({@code roleRules}): those are refused (403) before the body is read.
 */
@ConfigurationProperties("carbonsink.security")
public record SecurityProperties(String issuer, String jwksUri, String audience, List<String> publicGetPaths,
        List<String> publicPostPaths, List<RoleRule> roleRules) {

    /** service-support's administrator endpoints (dead letters, parked outbox events): never public. */
    public static final List<String> ADMIN_PATHS = List.of("/admin/dead-letters/**", "/admin/outbox/**");

    public SecurityProperties {
        publicGetPaths = publicGetPaths == null ? List.of() : List.copyOf(publicGetPaths);
        publicPostPaths = publicPostPaths == null ? List.of() : List.copyOf(publicPostPaths);
        roleRules = roleRules == null ? List.of() : List.copyOf(roleRules);
    }

    /**
     * Whether a {@code method} request to {@code path} gets through without a token: the resource
     * server's rules in their order (role rules and administrator paths before the public lists), so
     * that the API description (OperationSecurity) says what the filters do.
     */
    public boolean needsNoToken(String method, String path) {
        if (needsRole(method, path)) {
            return false;
        }
        List<String> open = "GET".equalsIgnoreCase(method) ? publicGetPaths
                : "POST".equalsIgnoreCase(method) ? publicPostPaths : List.of();
        return open.stream().anyMatch(pattern -> matches(pattern, path));
    }

    /** Whether a {@code method} request to {@code path} needs a role (a role rule or an administrator path). */
    public boolean needsRole(String method, String path) {
        return roleRules.stream().anyMatch(rule -> rule.method().equalsIgnoreCase(method) && matches(rule.path(), path))
                || ADMIN_PATHS.stream().anyMatch(admin -> matches(admin, path));
    }

    private static boolean matches(String pattern, String path) {
        return PathPatternParser.defaultInstance.parse(pattern).matches(PathContainer.parsePath(path));
    }

    /** Requests of {@code method} to {@code path} (a path pattern) need a token granting {@code role}. */
    public record RoleRule(String method, String path, String role) {
    }
}
