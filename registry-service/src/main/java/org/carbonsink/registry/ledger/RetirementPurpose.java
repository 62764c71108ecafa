package org.carbonsink.registry.ledger;

/**
 * Why credits are retired (注销), the uses the CCER rules name: offsetting a compliance obligation,
 * making an event carbon-neutral, a company's carbon neutrality, or voluntary offsetting.
 */
public enum RetirementPurpose {
    COMPLIANCE_OFFSET, EVENT_NEUTRALITY, CORPORATE_NEUTRALITY, VOLUNTARY_OFFSET
}
