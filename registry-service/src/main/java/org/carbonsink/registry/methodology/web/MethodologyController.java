package org.carbonsink.registry.methodology.web;

import java.math.BigDecimal;
import java.util.List;
import org.carbonsink.registry.methodology.Methodologies;
import org.carbonsink.registry.methodology.Methodology;
import org.carbonsink.support.web.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public methodology catalogue. */
@RestController
@RequestMapping("/methodologies")
class MethodologyController {

    private final Methodologies methodologies;

    MethodologyController(Methodologies methodologies) {
        this.methodologies = methodologies;
    }

    record MethodologyView(String code, String name, String nameZh, String sector, List<String> ecosystemTypes,
            Methodology.Status status, Integer creditingPeriodMinYears, Integer creditingPeriodMaxYears,
            BigDecimal bufferRate, String source) {

        static MethodologyView of(Methodology m) {
            return new MethodologyView(m.code(), m.name(), m.nameZh(), m.sector(), m.ecosystemTypes(), m.status(),
                    m.creditingPeriodMinYears(), m.creditingPeriodMaxYears(), m.bufferRate(), m.source());
        }
    }

    @GetMapping
    List<MethodologyView> list(@RequestParam(required = false) Methodology.Status status) {
        return methodologies.all(status).stream().map(MethodologyView::of).toList();
    }

    @GetMapping("/{code}")
    MethodologyView get(@PathVariable String code) {
        return methodologies.find(code).map(MethodologyView::of)
                .orElseThrow(() -> ProblemException.notFound("methodology", code));
    }
}
