package org.carbonsink.verification.report.web;

import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.carbonsink.verification.calculation.CalculationInput;
import org.carbonsink.verification.calculation.CalculationResult;
import org.carbonsink.verification.calculation.CalculationResult.AccumulationResult;
import org.carbonsink.verification.calculation.CalculationResult.Flag;
import org.carbonsink.verification.calculation.CalculationResult.PlotResult;
import org.carbonsink.verification.calculation.CalculationResult.PlotStatistics;
import org.carbonsink.verification.calculation.CalculationResult.SoilResult;
import org.carbonsink.verification.calculation.CalculationResult.TreeResult;
import org.carbonsink.verification.calculation.Exact;
import org.carbonsink.verification.calculation.Parameter;
import org.carbonsink.verification.calculation.TreeSpecies;
import org.carbonsink.verification.calculation.TreeStratum.SamplePlots;
import org.carbonsink.verification.calculation.UncertaintyBand;
import org.carbonsink.verification.calculation.Vintage;
import org.carbonsink.verification.provenance.Provenance;
import org.carbonsink.verification.report.RecomputingReport.Calculated;
import org.carbonsink.verification.report.web.ReportDocument.Block;
import org.carbonsink.verification.report.web.ReportDocument.Cell;
import org.carbonsink.verification.report.web.ReportDocument.Heading;
import org.carbonsink.verification.report.web.ReportDocument.Preformatted;
import org.carbonsink.verification.report.web.ReportDocument.Table;
import org.carbonsink.verification.report.web.ReportDocument.Text;

/**
 * The calculation report of a report version: every input, every parameter with its source, every
 * intermediate value, the deduction, the vintage split and the credits, so that a reader can check
 * it with a pocket calculator. It is built from the stored provenance alone (recomputed), so it shows
 * exactly what the hash covers. Values are shown to 4 decimals (factors to 6) rounded half-even; the
 * credits are the floor of the exact value, which is shown as a fraction where it is not whole.
 */
final class CalculationReport {

    static final String FORMULAS = """
            trees    C(t) = area · V/ha(t) · SVD · BEF · (1 + R) · CF · 44/12          [tCO2e]
                     V/ha from plots = mean over plots of (plot volume / plot area)
                     plot volume from trees = Σ (b0 + b1 · D² · H)
            soil     ΔC = area · rate · years · 44/12                                (coastal wetlands)
                     ΔC = area · (SOC_after − SOC_before) / 20 · min(years, 20) · 44/12
                     SOC = SOC_ref · F_LU · F_MG · F_I                                (IPCC Tier 1)
            net      = Σ trees + Σ soil − baseline − leakage − project emissions
            credits  = floor(net · (1 − deduction))     nothing rounded before the floor
            vintage  = floor(credits · days in year / days in period), last year the remainder
            buffer   = ceil(vintage credits · buffer rate)""";

    private CalculationReport() {
    }

    static ReportDocument of(Calculated calculated) {
        CalculationInput in = calculated.decoded().input();
        CalculationResult r = calculated.result();
        Provenance.Header h = calculated.decoded().header();
        List<Block> blocks = new ArrayList<>();
        blocks.add(values(
                row("report", calculated.report().id()), row("version", h.version()),
                row("status", calculated.report().status()), row("project", h.projectId()),
                row("methodology", h.methodologyCode() + (h.methodologyVersion() == null ? "" : " " + h.methodologyVersion())),
                row("calculation method", in.method()), row("period", in.periodStart() + " to " + in.periodEnd()),
                row("years (exact)", r.years() + " = " + r.years().decimal(6)),
                row("parameter table version", h.parameterVersion()), row("formula version", h.formulaVersion()),
                row("provenance SHA-256", calculated.version().provenanceHash())));
        blocks.add(new Heading(2, "Formulas"));
        blocks.add(new Preformatted(FORMULAS));

        if (!r.trees().isEmpty()) {
            blocks.add(new Heading(2, "Tree strata"));
            for (int i = 0; i < r.trees().size(); i++) {
                tree(blocks, i, r.trees().get(i));
            }
        }
        if (!r.accumulations().isEmpty()) {
            blocks.add(new Heading(2, "Soil carbon accumulation"));
            List<List<Cell>> rows = new ArrayList<>();
            for (int i = 0; i < r.accumulations().size(); i++) {
                AccumulationResult a = r.accumulations().get(i);
                rows.add(List.of(Cell.of(i), Cell.of(a.stratum().landType()), Cell.of(a.stratum().areaHectares().toPlainString()),
                        Cell.of(a.stratum().rate().value().toPlainString()), Cell.source(a.stratum().rate().source()),
                        Cell.of(num(r.years())), Cell.of(num(a.carbon())), Cell.of(num(a.removals()))));
            }
            blocks.add(new Table(List.of("#", "land type", "area ha", "rate t C/ha/yr", "source", "years", "t C", "tCO2e"),
                    rows));
        }
        if (!r.soils().isEmpty()) {
            blocks.add(new Heading(2, "Soil organic carbon (IPCC Tier 1)"));
            for (int i = 0; i < r.soils().size(); i++) {
                soil(blocks, i, r.soils().get(i));
            }
        }

        blocks.add(new Heading(2, "Net removals (tCO2e)"));
        blocks.add(values(row("trees", num(r.treeRemovals())), row("soil", num(r.soilRemovals())),
                row("gross", num(r.grossRemovals())), row("− baseline removals", in.baselineRemovals().toPlainString()),
                row("− leakage", in.leakage().toPlainString()),
                row("− project emissions", in.projectEmissions().toPlainString()),
                row("net (shown)", num(r.netRemovals())), row("net (exact)", r.netRemovals())));

        blocks.add(new Heading(2, "Uncertainty and deduction"));
        if (r.uncertainty() == null) {
            blocks.add(new Text("No gain: no uncertainty deduction applies; no credits."));
        } else {
            var u = r.uncertainty();
            blocks.add(values(
                    row("source", "PLOTS".equals(u.source()) ? "computed from the sample plots" : "stated by the owner"),
                    row("t (two-sided 90%)", u.tValue() == null ? "–" : u.tValue().toPlainString() + " with "
                            + u.degreesOfFreedom() + " degrees of freedom (plots − strata)"),
                    row("U² (exact)", u.squaredFraction()),
                    row("relative uncertainty U", u.percent().toPlainString() + " %"
                            + ("PLOTS".equals(u.source()) ? " (rounded up)" : "")),
                    row("deduction rate", r.deductionRate().toPlainString())));
            StringBuilder bands = new StringBuilder("Bands: ");
            for (UncertaintyBand band : in.bands()) {
                bands.append("U ≤ ").append(band.upperPercent().toPlainString()).append("% → ")
                        .append(band.deductionRate().toPlainString()).append("; ");
            }
            blocks.add(new Text(bands + "above the last band the report is refused (more plots needed)."));
        }

        blocks.add(new Heading(2, "Credits"));
        blocks.add(new Table(null, List.of(
                List.of(Cell.of("net · (1 − deduction), exact"), Cell.of(r.creditableExact().toString())),
                List.of(Cell.of("shown"), Cell.of(r.creditableExact().decimal(6).toPlainString())),
                List.of(Cell.of("credits = floor"), Cell.strong(r.credits())),
                List.of(Cell.of("buffer rate"), Cell.of(in.bufferRate().toPlainString())),
                List.of(Cell.of("buffer credits (Σ vintages)"), Cell.of(r.bufferCredits())),
                List.of(Cell.of("to the owner"), Cell.of(r.credits() - r.bufferCredits())))));

        if (r.lossCredits() > 0) {
            blocks.add(new Heading(2, "Loss (reversal)"));
            blocks.add(new Table(null, List.of(
                    List.of(Cell.of("net (exact)"), Cell.of(r.netRemovals().toString())),
                    List.of(Cell.of("loss = ceil(−net), no deduction"), Cell.strong(r.lossCredits())))));
            blocks.add(new Text("The carbon stock fell: no credits. Once the report is verified, the registry records "
                    + "the loss as a reversal dated the last day of the period: as many buffer credits are cancelled, "
                    + "and the project gets no new credits until later verified reports make the loss good. The loss "
                    + "is rounded up (conservative) and not reduced by the uncertainty deduction."));
        }

        blocks.add(new Heading(2, "Vintages"));
        long days = r.vintages().stream().mapToLong(Vintage::days).sum();
        List<List<Cell>> vintages = new ArrayList<>();
        for (int i = 0; i < r.vintages().size(); i++) {
            Vintage v = r.vintages().get(i);
            String how = i == r.vintages().size() - 1 ? "remainder: " + r.credits() + " − the other years"
                    : "floor(" + r.credits() + " · " + v.days() + " / " + days + ")";
            vintages.add(List.of(Cell.of(v.year()), Cell.of(v.from()), Cell.of(v.to()), Cell.of(v.days()),
                    Cell.of(v.credits()), Cell.of(how), Cell.of(v.bufferCredits())));
        }
        blocks.add(new Table(List.of("year", "from", "to", "days", "credits", "how", "buffer = ceil(credits · rate)"),
                vintages));

        blocks.add(new Heading(2, "Plausibility flags"));
        if (r.flags().isEmpty()) {
            blocks.add(new Text("None."));
        } else {
            blocks.add(new Table(List.of("field", "rule", "finding", "value", "bound", "source of the bound"),
                    r.flags().stream().map(CalculationReport::flag).toList()));
        }
        blocks.add(new Heading(2, "Provenance"));
        blocks.add(new Text("The canonical JSON below is hashed with SHA-256; GET /reports/{id}/recomputation "
                + "recomputes the credits from it."));
        blocks.add(new Preformatted(calculated.version().provenance()));
        return new ReportDocument("Calculation report", blocks);
    }

    private static void tree(List<Block> blocks, int i, TreeResult t) {
        TreeSpecies s = t.stratum().species();
        blocks.add(new Heading(3, "Stratum " + i + ": " + s.code() + " (" + s.habitat() + "), "
                + t.stratum().areaHectares().toPlainString() + " ha"));
        blocks.add(new Table(List.of("parameter", "value", "source"), List.of(
                List.of(Cell.of("SVD t/m³"), Cell.of(s.factors().woodDensity().toPlainString()), Cell.source(s.source())),
                List.of(Cell.of("BEF"), Cell.of(s.factors().expansionFactor().toPlainString()), Cell.source("as SVD")),
                List.of(Cell.of("R"), Cell.of(s.factors().rootShootRatio().toPlainString()), Cell.source("as SVD")),
                List.of(Cell.of("CF"), Cell.of(s.factors().carbonFraction().toPlainString()), Cell.source("as SVD")),
                List.of(Cell.of("factor tCO2e/m³"), Cell.of(t.factor().decimal(6).toPlainString() + " (exact "
                        + t.factor() + ")"), Cell.source("SVD · BEF · (1 + R) · CF · 44/12")))));
        if (t.plots() != null) {
            SamplePlots plots = (SamplePlots) t.stratum().measurement();
            if (plots.equation() != null) {
                blocks.add(new Text("Volume equation " + plots.equation().code() + ": V = "
                        + plots.equation().b0().toPlainString() + " + " + plots.equation().b1().toPlainString()
                        + " · D² · H. Source: " + plots.equation().source()));
            }
            PlotStatistics st = t.plots();
            List<List<Cell>> rows = new ArrayList<>();
            for (int p = 0; p < st.plots().size(); p++) {
                PlotResult pr = st.plots().get(p);
                rows.add(List.of(Cell.of(p), Cell.of(plots.plots().get(p).areaHectares().toPlainString()),
                        Cell.of(num(pr.volumeStart())), Cell.of(num(pr.volumeEnd())),
                        Cell.of(num(pr.volumeStartPerHectare())), Cell.of(num(pr.volumeEndPerHectare())),
                        Cell.of(num(pr.changePerHectare()))));
            }
            blocks.add(new Table(List.of("plot", "area ha", "V start m³", "V end m³", "start m³/ha", "end m³/ha",
                    "change m³/ha"), rows));
            blocks.add(values(row("plots n", st.plots().size()), row("mean change m³/ha", num(st.meanChange())),
                    row("s² (n − 1)", num(st.variance())), row("s²/n", num(st.varianceOfMean())),
                    row("standard error m³/ha", st.varianceOfMean().decimal(20).sqrt(new MathContext(20))
                            .setScale(4, RoundingMode.HALF_EVEN).toPlainString())));
        }
        blocks.add(new Table(List.of("", "start", "end", "change"), List.of(
                List.of(Cell.of("V m³/ha"), Cell.of(num(t.volumeStartPerHectare())), Cell.of(num(t.volumeEndPerHectare())),
                        Cell.of(num(t.volumeEndPerHectare().minus(t.volumeStartPerHectare())))),
                List.of(Cell.of("C tCO2e"), Cell.of(num(t.stockStart())), Cell.of(num(t.stockEnd())),
                        Cell.of(num(t.removals()))))));
    }

    private static void soil(List<Block> blocks, int i, SoilResult s) {
        var st = s.stratum();
        blocks.add(new Heading(3, "Soil stratum " + i + ": " + st.landClass() + ", " + st.areaHectares().toPlainString()
                + " ha"));
        blocks.add(new Table(List.of("parameter", "code", "value", "source"), List.of(
                param("SOC_ref t C/ha", st.referenceStock()),
                param("F_LU before", st.before().landUse()), param("F_MG before", st.before().management()),
                param("F_I before", st.before().input()), param("F_LU after", st.after().landUse()),
                param("F_MG after", st.after().management()), param("F_I after", st.after().input()))));
        blocks.add(values(row("SOC before t C/ha", num(s.stockBefore())), row("SOC after t C/ha", num(s.stockAfter())),
                row("annual change t C/ha/yr (÷ 20)", num(s.annualChangePerHectare())),
                row("years counted", num(s.yearsCounted())), row("removals tCO2e", num(s.removals()))));
    }

    private static List<Cell> param(String name, Parameter p) {
        return List.of(Cell.of(name), Cell.of(p.code()), Cell.of(p.value().toPlainString()), Cell.source(p.source()));
    }

    private static List<Cell> flag(Flag f) {
        return List.of(Cell.of(f.field()), Cell.of(f.rule()), Cell.of(f.message()), Cell.of(f.value().toPlainString()),
                Cell.of(f.bound().toPlainString()), Cell.source(f.source()));
    }

    private static List<Cell> row(String name, Object value) {
        return List.of(Cell.of(name), Cell.of(value));
    }

    @SafeVarargs
    private static Table values(List<Cell>... rows) {
        return new Table(null, List.of(rows));
    }

    private static String num(Exact value) {
        return value.decimal(4).toPlainString();
    }
}
