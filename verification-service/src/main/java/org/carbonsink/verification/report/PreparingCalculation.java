package org.carbonsink.verification.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.support.web.ProblemException.FieldProblem;
import org.carbonsink.verification.calculation.CalculationInput;
import org.carbonsink.verification.calculation.CalculationMethod;
import org.carbonsink.verification.calculation.Parameter;
import org.carbonsink.verification.calculation.SoilAccumulationStratum;
import org.carbonsink.verification.calculation.SoilCarbonStratum;
import org.carbonsink.verification.calculation.SoilCarbonStratum.SoilFactors;
import org.carbonsink.verification.calculation.TreeSpecies;
import org.carbonsink.verification.calculation.TreeStratum;
import org.carbonsink.verification.calculation.TreeStratum.Plot;
import org.carbonsink.verification.calculation.TreeStratum.PlotMeasure;
import org.carbonsink.verification.calculation.TreeStratum.PlotTrees;
import org.carbonsink.verification.calculation.TreeStratum.PlotVolume;
import org.carbonsink.verification.calculation.TreeStratum.SamplePlots;
import org.carbonsink.verification.calculation.TreeStratum.StandVolumes;
import org.carbonsink.verification.calculation.TreeStratum.Tree;
import org.carbonsink.verification.calculation.UncertaintyBand;
import org.carbonsink.verification.calculation.VolumeEquation;
import org.carbonsink.verification.parameters.ParameterTables;
import org.carbonsink.verification.parameters.UncertaintyBands;
import org.carbonsink.verification.project.Project;
import org.springframework.stereotype.Component;

/**
 * Turns the owner's field data into a calculation input: looks every code up in the parameter tables
 * in force and refuses, naming each field, the codes that are unknown.
 */
@Component
class PreparingCalculation {

    static final String CARBON_DENSITY_BOUND = "TREE_CARBON_DENSITY_BOUND";

    private final ParameterTables tables;
    private final UncertaintyBands bands;

    PreparingCalculation(ParameterTables tables, UncertaintyBands bands) {
        this.tables = tables;
        this.bands = bands;
    }

    /** The input, and the parameter table version its values come from. */
    record Prepared(CalculationInput input, String parameterVersion) {
    }

    Prepared prepare(SubmitReport command, Project project, CalculationMethod method) {
        List<FieldProblem> unknown = new ArrayList<>();
        Map<String, TreeSpecies> species = tables.species(command.strata().stream()
                .map(SubmitReport.MeasuredStratum::species).distinct().toList(), project.province());
        Map<String, VolumeEquation> equations = tables.volumeEquations(command.strata().stream()
                .map(SubmitReport.MeasuredStratum::volumeEquation).filter(Objects::nonNull).distinct().toList());
        Map<String, Parameter> rates = tables.accumulationRates(command.soilAccumulation().stream()
                .map(SubmitReport.AccumulationClaim::landType).distinct().toList());
        Map<String, Parameter> stocks = tables.referenceStocks(command.soilCarbon().stream()
                .map(SubmitReport.SoilClaim::referenceStock).distinct().toList());

        List<TreeStratum> trees = new ArrayList<>();
        for (int i = 0; i < command.strata().size(); i++) {
            SubmitReport.MeasuredStratum s = command.strata().get(i);
            TreeSpecies known = species.get(s.species());
            if (known == null) {
                unknown.add(new FieldProblem("strata[" + i + "].species", "known-species",
                        "'" + s.species() + "' is not a species with parameters (see GET /species)"));
                continue;
            }
            VolumeEquation equation = null;
            if (s.volumeEquation() != null) {
                equation = equations.get(s.volumeEquation());
                if (equation == null) {
                    unknown.add(new FieldProblem("strata[" + i + "].volumeEquation", "known-volume-equation",
                            "'" + s.volumeEquation() + "' is not a volume equation (see GET /parameters)"));
                    continue;
                }
            }
            trees.add(new TreeStratum(known, s.areaHectares(), s.plots() == null
                    ? new StandVolumes(s.volumeStartPerHectare(), s.volumeEndPerHectare())
                    : new SamplePlots(s.plots().stream().map(PreparingCalculation::plot).toList(), equation)));
        }
        List<SoilAccumulationStratum> accumulations = new ArrayList<>();
        for (int i = 0; i < command.soilAccumulation().size(); i++) {
            SubmitReport.AccumulationClaim claim = command.soilAccumulation().get(i);
            Parameter rate = rates.get(claim.landType());
            if (rate == null) {
                unknown.add(new FieldProblem("soilAccumulation[" + i + "].landType", "known-land-type",
                        "'" + claim.landType() + "' has no soil accumulation rate (see GET /parameters)"));
                continue;
            }
            accumulations.add(new SoilAccumulationStratum(claim.landType(), claim.areaHectares(), rate));
        }
        List<SoilCarbonStratum> soils = new ArrayList<>();
        String landClass = method == CalculationMethod.FARMLAND_SOIL_TIER1 ? "FARMLAND" : "GRASSLAND";
        for (int i = 0; i < command.soilCarbon().size(); i++) {
            SubmitReport.SoilClaim claim = command.soilCarbon().get(i);
            String path = "soilCarbon[" + i + "]";
            Parameter stock = stocks.get(claim.referenceStock());
            if (stock == null) {
                unknown.add(new FieldProblem(path + ".referenceStock", "known-reference-stock",
                        "'" + claim.referenceStock() + "' is not a reference soil stock (see GET /parameters)"));
            }
            SoilFactors before = factors(landClass, claim.before(), path + ".before", unknown);
            SoilFactors after = factors(landClass, claim.after(), path + ".after", unknown);
            if (stock != null && before != null && after != null) {
                soils.add(new SoilCarbonStratum(landClass, claim.areaHectares(), stock, before, after));
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.rule("unknown-parameter", "Unknown parameter code",
                    "no parameters for " + unknown.size() + " code(s) of the field data; see GET /parameters")
                    .with("errors", unknown);
        }
        List<UncertaintyBand> uncertaintyBands = bands.all().stream()
                .map(b -> new UncertaintyBand(b.upperPercent(), b.deductionRate())).toList();
        CalculationInput input = new CalculationInput(method, command.periodStart(), command.periodEnd(), trees,
                accumulations, soils, orZero(command.baselineRemovals()), orZero(command.leakage()),
                orZero(command.projectEmissions()), command.relativeUncertaintyPercent(), uncertaintyBands,
                project.bufferRate(), tables.referenceFigure(CARBON_DENSITY_BOUND).orElse(null));
        return new Prepared(input, tables.currentVersion());
    }

    private SoilFactors factors(String landClass, SubmitReport.Practice practice, String path,
            List<FieldProblem> unknown) {
        Parameter landUse = factor(landClass, "LAND_USE", practice.landUse(), path + ".landUse", unknown);
        Parameter management = factor(landClass, "MANAGEMENT", practice.management(), path + ".management", unknown);
        Parameter input = factor(landClass, "INPUT", practice.input(), path + ".input", unknown);
        return landUse == null || management == null || input == null ? null
                : new SoilFactors(landUse, management, input);
    }

    private Parameter factor(String landClass, String kind, String code, String path, List<FieldProblem> unknown) {
        return tables.soilFactor(landClass, kind, code).orElseGet(() -> {
            unknown.add(new FieldProblem(path, "known-soil-factor", "'" + code + "' is not a " + kind
                    + " factor of " + landClass + " land (see GET /parameters)"));
            return null;
        });
    }

    private static Plot plot(SubmitReport.MeasuredPlot plot) {
        return new Plot(plot.areaHectares(), measure(plot.volumeStart(), plot.treesStart()),
                measure(plot.volumeEnd(), plot.treesEnd()));
    }

    private static PlotMeasure measure(BigDecimal volume, List<SubmitReport.MeasuredTree> trees) {
        return volume != null ? new PlotVolume(volume)
                : new PlotTrees(trees.stream().map(t -> new Tree(t.dbhCm(), t.heightM())).toList());
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
