package org.carbonsink.verification.report.web;

import java.math.BigDecimal;
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

/**
 * The calculation report of a report version, as one self-contained HTML page: every input, every
 * parameter with its source, every intermediate value, the deduction, the vintage split and the
 * credits, so that a reader can check it with a pocket calculator. It is rendered from the stored
 * provenance alone (recomputed), so it shows exactly what the hash covers. Values are shown to 4
 * decimals (factors to 6) rounded half-even; the credits are the floor of the exact value, which is
 * shown as a fraction where it is not a whole number.
 */
final class CalculationReportPage {

    private CalculationReportPage() {
    }

    static String render(Calculated calculated) {
        CalculationInput in = calculated.decoded().input();
        CalculationResult r = calculated.result();
        Provenance.Header h = calculated.decoded().header();
        StringBuilder html = new StringBuilder();
        html.append("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <title>Calculation report</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}
                table{border-collapse:collapse;margin:.5em 0 1.5em}
                th,td{border:1px solid #bbb;padding:.25em .5em;text-align:left;vertical-align:top}
                td.n{text-align:right;font-variant-numeric:tabular-nums}
                .src{font-size:.85em;color:#555}
                code{font-size:.9em}
                </style></head><body>
                """);
        html.append("<h1>Calculation report · 核算报告</h1>");
        table(html, List.of("", ""), List.of(
                row("report", calculated.report().id()), row("version", h.version()),
                row("status", calculated.report().status()), row("project", h.projectId()),
                row("methodology", h.methodologyCode() + (h.methodologyVersion() == null ? "" : " " + h.methodologyVersion())),
                row("calculation method", in.method()), row("period", in.periodStart() + " to " + in.periodEnd()),
                row("years (exact)", fraction(r.years()) + " = " + r.years().decimal(6)),
                row("parameter table version", h.parameterVersion()), row("formula version", h.formulaVersion()),
                row("provenance SHA-256", new Raw("<code>" + esc(calculated.version().provenanceHash()) + "</code>"))), true);

        html.append("<h2>Formulas</h2><pre>")
                .append(esc("""
                        trees    C(t) = area · V/ha(t) · SVD · BEF · (1 + R) · CF · 44/12          [tCO2e]
                                 V/ha from plots = mean over plots of (plot volume / plot area)
                                 plot volume from trees = Σ (b0 + b1 · D² · H)
                        soil     ΔC = area · rate · years · 44/12                                (coastal wetlands)
                                 ΔC = area · (SOC_after − SOC_before) / 20 · min(years, 20) · 44/12
                                 SOC = SOC_ref · F_LU · F_MG · F_I                                (IPCC Tier 1)
                        net      = Σ trees + Σ soil − baseline − leakage − project emissions
                        credits  = floor(net · (1 − deduction))     nothing rounded before the floor
                        vintage  = floor(credits · days in year / days in period), last year the remainder
                        buffer   = ceil(vintage credits · buffer rate)"""))
                .append("</pre>");

        if (!r.trees().isEmpty()) {
            html.append("<h2>Tree strata</h2>");
            for (int i = 0; i < r.trees().size(); i++) {
                tree(html, i, r.trees().get(i));
            }
        }
        if (!r.accumulations().isEmpty()) {
            html.append("<h2>Soil carbon accumulation</h2>");
            table(html, List.of("#", "land type", "area ha", "rate t C/ha/yr", "source", "years", "t C", "tCO2e"),
                    r.accumulations().stream().map(a -> accumulation(r, a)).toList(), false);
        }
        if (!r.soils().isEmpty()) {
            html.append("<h2>Soil organic carbon (IPCC Tier 1)</h2>");
            for (int i = 0; i < r.soils().size(); i++) {
                soil(html, i, r.soils().get(i));
            }
        }

        html.append("<h2>Net removals</h2>");
        table(html, List.of("", "tCO2e"), List.of(
                row("trees", num(r.treeRemovals())), row("soil", num(r.soilRemovals())),
                row("gross", num(r.grossRemovals())), row("− baseline removals", in.baselineRemovals().toPlainString()),
                row("− leakage", in.leakage().toPlainString()),
                row("− project emissions", in.projectEmissions().toPlainString()),
                row("net (shown)", num(r.netRemovals())), row("net (exact)", fraction(r.netRemovals()))), true);

        html.append("<h2>Uncertainty and deduction</h2>");
        if (r.uncertainty() == null) {
            html.append("<p>No gain: no uncertainty deduction applies; no credits.</p>");
        } else {
            var u = r.uncertainty();
            table(html, List.of("", ""), List.of(
                    row("source", "PLOTS".equals(u.source()) ? "computed from the sample plots" : "stated by the owner"),
                    row("t (two-sided 90%)", u.tValue() == null ? "–" : u.tValue().toPlainString()
                            + " with " + u.degreesOfFreedom() + " degrees of freedom (plots − strata)"),
                    row("U² (exact)", fraction(u.squaredFraction())),
                    row("relative uncertainty U", u.percent().toPlainString() + " % (rounded up)"),
                    row("deduction rate", r.deductionRate().toPlainString())), true);
            html.append("<p>Bands: ");
            for (UncertaintyBand band : in.bands()) {
                html.append("U ≤ ").append(band.upperPercent().toPlainString()).append("% → ")
                        .append(band.deductionRate().toPlainString()).append("; ");
            }
            html.append("above the last band the report is refused (more plots needed).</p>");
        }

        html.append("<h2>Credits</h2>");
        table(html, List.of("", ""), List.of(
                row("net · (1 − deduction), exact", fraction(r.creditableExact())),
                row("shown", r.creditableExact().decimal(6).toPlainString()),
                row("credits = floor", new Raw("<b>" + r.credits() + "</b>")),
                row("buffer rate", in.bufferRate().toPlainString()),
                row("buffer credits (Σ vintages)", r.bufferCredits()),
                row("to the owner", r.credits() - r.bufferCredits())), true);

        html.append("<h2>Vintages</h2>");
        long days = r.vintages().stream().mapToLong(Vintage::days).sum();
        table(html, List.of("year", "from", "to", "days", "credits", "how", "buffer = ceil(credits · rate)"),
                r.vintages().stream().map(v -> List.<Object>of(v.year(), v.from(), v.to(), v.days(), v.credits(),
                        v.year() == r.vintages().get(r.vintages().size() - 1).year()
                                ? "remainder: " + r.credits() + " − the other years"
                                : "floor(" + r.credits() + " · " + v.days() + " / " + days + ")",
                        v.bufferCredits())).toList(), false);

        html.append("<h2>Plausibility flags</h2>");
        if (r.flags().isEmpty()) {
            html.append("<p>None.</p>");
        } else {
            table(html, List.of("field", "rule", "finding", "value", "bound", "source of the bound"),
                    r.flags().stream().map(CalculationReportPage::flag).toList(), false);
        }
        html.append("<h2>Provenance</h2><p class=\"src\">The canonical JSON below is hashed with SHA-256; "
                + "<code>GET /reports/{id}/recomputation</code> recomputes the credits from it.</p><pre>")
                .append(esc(calculated.version().provenance())).append("</pre></body></html>");
        return html.toString();
    }

    private static void tree(StringBuilder html, int i, TreeResult t) {
        TreeSpecies s = t.stratum().species();
        html.append("<h3>Stratum ").append(i).append(": ").append(esc(s.code())).append(" (").append(esc(s.habitat()))
                .append("), ").append(t.stratum().areaHectares().toPlainString()).append(" ha</h3>");
        table(html, List.of("parameter", "value", "source"), List.of(
                List.of("SVD t/m³", s.factors().woodDensity().toPlainString(), src(s.source())),
                List.of("BEF", s.factors().expansionFactor().toPlainString(), src(s.source())),
                List.of("R", s.factors().rootShootRatio().toPlainString(), src(s.source())),
                List.of("CF", s.factors().carbonFraction().toPlainString(), src(s.source())),
                List.of("factor tCO2e/m³", t.factor().decimal(6).toPlainString() + " (exact " + fraction(t.factor()) + ")",
                        "SVD · BEF · (1 + R) · CF · 44/12")), false);
        if (t.plots() != null) {
            SamplePlots plots = (SamplePlots) t.stratum().measurement();
            if (plots.equation() != null) {
                html.append("<p>Volume equation ").append(esc(plots.equation().code())).append(": V = ")
                        .append(plots.equation().b0().toPlainString()).append(" + ")
                        .append(plots.equation().b1().toPlainString()).append(" · D² · H ")
                        .append(src(plots.equation().source()).html()).append("</p>");
            }
            PlotStatistics st = t.plots();
            java.util.ArrayList<List<Object>> rows = new java.util.ArrayList<>();
            for (int p = 0; p < st.plots().size(); p++) {
                PlotResult pr = st.plots().get(p);
                rows.add(List.of(p, plots.plots().get(p).areaHectares().toPlainString(), num(pr.volumeStart()),
                        num(pr.volumeEnd()), num(pr.volumeStartPerHectare()), num(pr.volumeEndPerHectare()),
                        num(pr.changePerHectare())));
            }
            table(html, List.of("plot", "area ha", "V start m³", "V end m³", "start m³/ha", "end m³/ha", "change m³/ha"),
                    rows, false);
            table(html, List.of("", ""), List.of(row("plots n", st.plots().size()),
                    row("mean change m³/ha", num(st.meanChange())), row("s² (n − 1)", num(st.variance())),
                    row("s²/n", num(st.varianceOfMean())),
                    row("standard error m³/ha", st.varianceOfMean().decimal(20).sqrt(new java.math.MathContext(20))
                            .setScale(4, java.math.RoundingMode.HALF_EVEN).toPlainString())), true);
        }
        table(html, List.of("", "start", "end", "change"), List.of(
                List.of("V m³/ha", num(t.volumeStartPerHectare()), num(t.volumeEndPerHectare()),
                        num(t.volumeEndPerHectare().minus(t.volumeStartPerHectare()))),
                List.of("C tCO2e", num(t.stockStart()), num(t.stockEnd()), num(t.removals()))), false);
    }

    private static List<Object> accumulation(CalculationResult r, AccumulationResult a) {
        return List.of(r.accumulations().indexOf(a), a.stratum().landType(), a.stratum().areaHectares().toPlainString(),
                a.stratum().rate().value().toPlainString(), src(a.stratum().rate().source()), num(r.years()),
                num(a.carbon()), num(a.removals()));
    }

    private static void soil(StringBuilder html, int i, SoilResult s) {
        var st = s.stratum();
        html.append("<h3>Soil stratum ").append(i).append(": ").append(esc(st.landClass())).append(", ")
                .append(st.areaHectares().toPlainString()).append(" ha</h3>");
        table(html, List.of("parameter", "code", "value", "source"), List.of(
                param("SOC_ref t C/ha", st.referenceStock()),
                param("F_LU before", st.before().landUse()), param("F_MG before", st.before().management()),
                param("F_I before", st.before().input()), param("F_LU after", st.after().landUse()),
                param("F_MG after", st.after().management()), param("F_I after", st.after().input())), false);
        table(html, List.of("", ""), List.of(row("SOC before t C/ha", num(s.stockBefore())),
                row("SOC after t C/ha", num(s.stockAfter())), row("annual change t C/ha/yr (÷ 20)",
                        num(s.annualChangePerHectare())), row("years counted", num(s.yearsCounted())),
                row("removals tCO2e", num(s.removals()))), true);
    }

    private static List<Object> param(String name, Parameter p) {
        return List.of(name, p.code(), p.value().toPlainString(), src(p.source()));
    }

    private static List<Object> flag(Flag f) {
        return List.of(f.field(), f.rule(), f.message(), f.value().toPlainString(), f.bound().toPlainString(),
                src(f.source()));
    }

    private static List<Object> row(String name, Object value) {
        return List.of(name, value);
    }

    private static void table(StringBuilder html, List<String> head, List<? extends List<?>> rows, boolean keyValue) {
        html.append("<table>");
        if (!keyValue) {
            html.append("<tr>");
            head.forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
            html.append("</tr>");
        }
        for (List<?> row : rows) {
            html.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                Object cell = row.get(c);
                String text = cell instanceof Raw raw ? raw.html() : esc(String.valueOf(cell));
                boolean numeric = cell instanceof Number || cell instanceof BigDecimal
                        || (cell instanceof String s2 && s2.matches("-?[0-9][0-9.]*"));
                html.append(keyValue && c == 0 ? "<th>" : numeric ? "<td class=\"n\">" : "<td>").append(text)
                        .append(keyValue && c == 0 ? "</th>" : "</td>");
            }
            html.append("</tr>");
        }
        html.append("</table>");
    }

    /** Already escaped HTML. */
    private record Raw(String html) {
    }

    private static Raw src(String source) {
        return new Raw("<span class=\"src\">" + esc(source) + "</span>");
    }

    private static String num(Exact value) {
        return value.decimal(4).toPlainString();
    }

    private static String fraction(Exact value) {
        return value.toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
