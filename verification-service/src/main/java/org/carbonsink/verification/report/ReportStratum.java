package org.carbonsink.verification.report;

import java.math.BigDecimal;
import org.carbonsink.verification.calculation.SpeciesFactors;

/**
 * One stratum of a report: the measurements, the species parameters in force when it was submitted
 * (kept, so a later correction of the table does not change a submitted report) and its results.
 */
public record ReportStratum(String species, BigDecimal areaHectares, BigDecimal volumeStartPerHectare,
        BigDecimal volumeEndPerHectare, SpeciesFactors parameters, BigDecimal factor, BigDecimal carbonStart,
        BigDecimal carbonEnd, BigDecimal removals) {
}
