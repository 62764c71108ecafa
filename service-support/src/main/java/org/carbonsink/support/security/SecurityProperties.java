package org.carbonsink.support.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from and what they must say, which GET paths are public disclosures that need
 * no token, which POST paths the public may use without one (e.g. comments on a disclosed project;
 * the service limits them itself), and which requests need a role whatever their body says
 * ({@code roleRules}): those are refused (403) before the body is read.
 */
@ConfigurationProperties("carbonsink.security")
public record SecurityProperties(String issuer, String jwksUri, String audience, List<String> publicGetPaths,
        List<String> publicPostPaths, List<RoleRule> roleRules) {

    public SecurityProperties {
        publicGetPaths = publicGetPaths == null ? List.of() : List.copyOf(publicGetPaths);
        publicPostPaths = publicPostPaths == null ? List.of() : List.copyOf(publicPostPaths);
        roleRules = roleRules == null ? List.of() : List.copyOf(roleRules);
    }

    /** Requests of {@code method} to {@code path} (a path pattern) need a token granting {@code role}. */
    public record RoleRule(String method, String path, String role) {
    }
}
