package org.carbonsink.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.carbonsink.support.security.SecurityProperties.RoleRule;
import org.junit.jupiter.api.Test;

class SecurityPropertiesTest {

    private final SecurityProperties rules = new SecurityProperties("http://issuer", "http://issuer/jwks", "api",
            List.of("/projects", "/projects/**", "/admin/outbox/**"), List.of("/projects/*/comments"),
            List.of(new RoleRule("GET", "/projects/overdue", "REGISTRY_ADMINISTRATOR")));

    @Test
    void publicReadsAndPublicCommandsNeedNoToken() {
        assertThat(rules.needsNoToken("GET", "/projects")).isTrue();
        assertThat(rules.needsNoToken("GET", "/projects/{id}/documents")).isTrue();
        assertThat(rules.needsNoToken("POST", "/projects/{id}/comments")).isTrue();
    }

    @Test
    void everythingElseNeedsAToken() {
        assertThat(rules.needsNoToken("POST", "/projects")).isFalse();
        assertThat(rules.needsNoToken("PUT", "/projects/{id}")).isFalse();
        assertThat(rules.needsNoToken("GET", "/accounts/{id}")).isFalse();
    }

    @Test
    void roleRulesAndAdministratorPathsWinOverThePublicLists() {
        assertThat(rules.needsNoToken("GET", "/projects/overdue")).isFalse();
        assertThat(rules.needsNoToken("GET", "/admin/outbox/parked")).isFalse();
    }
}
