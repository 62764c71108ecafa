package org.carbonsink.registry.methodology;

import java.math.BigDecimal;
import java.util.List;

/**
 * A methodology of the catalogue. Only ACTIVE ones accept project registrations; PILOT and DRAFT
 * hold the sink types CCER does not cover yet (grassland, wetland, farmland).
 */
public record Methodology(String code, String name, String nameZh, String sector, List<String> ecosystemTypes,
        Status status, Integer creditingPeriodMinYears, Integer creditingPeriodMaxYears, BigDecimal bufferRate,
        String source) {

    public enum Status {
        ACTIVE, PILOT, DRAFT, WITHDRAWN
    }

    public boolean covers(String ecosystemType) {
        return ecosystemTypes.contains(ecosystemType);
    }
}
