package org.carbonsink.support.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from and what they must say, and which GET paths are public disclosures
 * that need no token.
 */
@ConfigurationProperties("carbonsink.security")
public record SecurityProperties(String issuer, String jwksUri, String audience, List<String> publicGetPaths) {

    public SecurityProperties {
        publicGetPaths = publicGetPaths == null ? List.of() : List.copyOf(publicGetPaths);
    }
}
