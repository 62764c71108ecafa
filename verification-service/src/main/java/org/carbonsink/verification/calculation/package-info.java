/**
 * The stock-difference removal calculation of CCER-14-001 (CDM AR-TOOL14, IPCC 2006) in plain Java:
 * no Spring, no database, {@link java.math.BigDecimal} only. Parameters come in as data.
 */
package org.carbonsink.verification.calculation;
