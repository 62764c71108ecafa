package org.carbonsink.registry.methodology.web;

import java.math.BigDecimal;
import java.util.List;
import org.carbonsink.registry.methodology.Methodology;

record MethodologyView(String code, String version, String name, String nameZh, String sector,
        List<String> ecosystemTypes, Methodology.Status status, Integer creditingPeriodMinYears,
        Integer creditingPeriodMaxYears, BigDecimal bufferRate, String calculationMethod,
        BigDecimal overlapToleranceHectares, String source) {

    static MethodologyView of(Methodology m) {
        return new MethodologyView(m.code(), m.version(), m.name(), m.nameZh(), m.sector(), m.ecosystemTypes(),
                m.status(), m.creditingPeriodMinYears(), m.creditingPeriodMaxYears(), m.bufferRate(),
                m.calculationMethod(), m.overlapToleranceHectares(), m.source());
    }
}
