package org.carbonsink.verification.parameters.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.carbonsink.verification.parameters.ParameterTables;
import org.carbonsink.verification.parameters.SpeciesDefaults;
import org.carbonsink.verification.parameters.SpeciesParameters;
import org.carbonsink.verification.parameters.UncertaintyBands;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public: the parameters every report is calculated with, and their sources. */
@RestController
class ParametersController {

    private final SpeciesDefaults species;
    private final UncertaintyBands bands;
    private final ParameterTables tables;

    ParametersController(SpeciesDefaults species, UncertaintyBands bands, ParameterTables tables) {
        this.species = species;
        this.bands = bands;
        this.tables = tables;
    }

    /** Every parameter table in force, each row with the document and table it comes from. */
    @GetMapping("/parameters")
    Map<String, Object> parameters() {
        return tables.listing();
    }

    @GetMapping("/species")
    List<SpeciesView> species() {
        return species.all().stream().map(SpeciesView::of).toList();
    }

    @GetMapping("/uncertainty-bands")
    List<UncertaintyBandView> uncertaintyBands() {
        return bands.all().stream()
                .map(b -> new UncertaintyBandView(b.upperPercent(), b.deductionRate(), b.source())).toList();
    }

    record SpeciesView(String code, String name, BigDecimal woodDensity, BigDecimal expansionFactor,
            BigDecimal rootShootRatio, BigDecimal carbonFraction, String source) {

        static SpeciesView of(SpeciesParameters s) {
            return new SpeciesView(s.code(), s.name(), s.factors().woodDensity(), s.factors().expansionFactor(),
                    s.factors().rootShootRatio(), s.factors().carbonFraction(), s.source());
        }
    }

    /** Reports with a relative uncertainty up to {@code upperPercent} lose {@code deductionRate}; above the last band none is accepted. */
    record UncertaintyBandView(BigDecimal upperPercent, BigDecimal deductionRate, String source) {
    }
}
