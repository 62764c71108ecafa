package org.carbonsink.registry.methodology;

import java.math.BigDecimal;
import java.util.UUID;

/** The administrator sets a methodology's status and buffer rate. */
public record EditMethodology(String code, Methodology.Status status, BigDecimal bufferRate, UUID administratorId) {
}
