package org.carbonsink.verification.provenance;

import java.util.UUID;

/** The canonical text of a calculation's inputs and its SHA-256 (lower-case hex). */
public record Provenance(String text, String hash) {

    /**
     * What the provenance says besides the calculation input: whose calculation it is and by which
     * versions of methodology, parameter tables and formulas.
     */
    public record Header(UUID reportId, int version, UUID projectId, String methodologyCode,
            String methodologyVersion, String parameterVersion, String formulaVersion) {
    }
}
