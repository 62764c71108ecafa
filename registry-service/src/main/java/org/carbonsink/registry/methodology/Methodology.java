package org.carbonsink.registry.methodology;

import java.math.BigDecimal;
import java.util.List;

/**
 * A methodology of the catalogue. Projects apply published ones: ACTIVE (the CCER batch) and PILOT
 * (the sink types CCER does not cover yet, for the pilots the seed paper proposes); DRAFT and
 * WITHDRAWN accept no project. {@code bufferRate} is the methodology's buffer policy: the least
 * share of each issuance a project under it gives to the buffer pool. {@code calculationMethod}
 * names the removal calculation verification applies; {@code overlapToleranceHectares} how much
 * two projects' land may overlap before it counts as claimed twice.
 */
public record Methodology(String code, String version, String name, String nameZh, String sector,
        List<String> ecosystemTypes, Status status, Integer creditingPeriodMinYears, Integer creditingPeriodMaxYears,
        BigDecimal bufferRate, String calculationMethod, BigDecimal overlapToleranceHectares, String source) {

    public enum Status {
        ACTIVE, PILOT, DRAFT, WITHDRAWN
    }

    public boolean isPublished() {
        return status == Status.ACTIVE || status == Status.PILOT;
    }

    public boolean covers(String ecosystemType) {
        return ecosystemTypes.contains(ecosystemType);
    }
}
