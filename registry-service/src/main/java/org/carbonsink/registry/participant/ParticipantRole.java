package org.carbonsink.registry.participant;

/** What a participant does in the market; see architecture.md, "Who uses it". */
public enum ParticipantRole {
    PROJECT_OWNER, VERIFIER, REGISTRY_ADMINISTRATOR, TRADER, EXCHANGE_OPERATOR, SYSTEM,
    /** A bank or other lender that takes pledges of credits (docs/pledges.md). */
    LENDER
}
