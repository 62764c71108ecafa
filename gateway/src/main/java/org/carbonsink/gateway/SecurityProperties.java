package org.carbonsink.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where tokens come from and what they must say (docs/identity.md). */
@ConfigurationProperties("carbonsink.security")
record SecurityProperties(String jwksUri, String issuer, String audience) {
}
