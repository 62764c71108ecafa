package org.carbonsink.auth;

/** The roles a token can carry (docs/identity.md); one per person or machine. */
public enum Role {
    PROJECT_OWNER, VERIFIER, REGISTRY_ADMINISTRATOR, TRADER, EXCHANGE_OPERATOR, LENDER
}
