package org.carbonsink.verification.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.verification.calculation.CalculationInput;
import org.carbonsink.verification.calculation.CalculationMethod;
import org.carbonsink.verification.calculation.CalculationResult;
import org.carbonsink.verification.calculation.RemovalCalculation;
import org.carbonsink.verification.calculation.SpeciesFactors;
import org.carbonsink.verification.calculation.TreeSpecies;
import org.carbonsink.verification.calculation.TreeStratum;
import org.carbonsink.verification.calculation.UncertaintyBand;
import org.carbonsink.verification.provenance.Provenance;
import org.carbonsink.verification.provenance.ProvenanceCodec;
import org.carbonsink.verification.report.MonitoringReport;
import org.carbonsink.verification.report.RecomputingReport.Calculated;
import org.carbonsink.verification.report.ReportStatus;
import org.carbonsink.verification.report.ReportVersion;
import org.junit.jupiter.api.Test;

/** The HTML and the PDF calculation report show the same inputs, sources, figures and credits. */
class CalculationReportTest {

    @Test
    void bothFormatsShowEveryFigureOfTheChineseFirExample() throws IOException {
        ReportDocument document = CalculationReport.of(chineseFirExample());

        String html = HtmlCalculationReport.render(document);
        byte[] pdf = PdfCalculationReport.render(document);

        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        for (String expected : List.of("1.191745", "2383.4895", "9533.9579", "7150.4684", "7150", "0.307", "1.634",
                "0.246", "docs/domain.md", "floor(7150 · 365 / 1826)", "1429", "1430", "P-T", "removals-2026.12-1")) {
            assertThat(html).as("HTML").contains(expected);
            assertThat(text.toString().replace("\n", " ")).as("PDF").contains(expected);
        }
        assertThat(html).contains("<b>7150</b>").doesNotContain("<script");
    }

    @Test
    void theHtmlEscapesEveryText() {
        String html = HtmlCalculationReport.render(new ReportDocument("t", List.of(
                new ReportDocument.Text("<script>alert(1)</script>"))));

        assertThat(html).contains("&lt;script&gt;").doesNotContain("<script>");
    }

    static Calculated chineseFirExample() {
        TreeSpecies fir = new TreeSpecies("CHINESE_FIR", "FOREST", new SpeciesFactors(new BigDecimal("0.307"),
                new BigDecimal("1.634"), new BigDecimal("0.246"), new BigDecimal("0.520")), new BigDecimal("25"),
                "[V] species default from docs/domain.md");
        CalculationInput input = new CalculationInput(CalculationMethod.FOREST_STOCK_DIFFERENCE,
                LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31), List.of(new TreeStratum(fir, new BigDecimal("100"),
                        new TreeStratum.StandVolumes(new BigDecimal("20"), new BigDecimal("80")))), List.of(), List.of(),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("5"),
                List.of(new UncertaintyBand(BigDecimal.TEN, BigDecimal.ZERO)), new BigDecimal("0.10"), null);
        UUID id = UUID.randomUUID();
        Provenance provenance = ProvenanceCodec.encode(new Provenance.Header(id, 1, UUID.randomUUID(),
                "CCER-14-001-V01", "V01", "P-T", RemovalCalculation.FORMULA_VERSION), input);
        ProvenanceCodec.Decoded decoded = ProvenanceCodec.decode(provenance.text());
        CalculationResult result = RemovalCalculation.calculate(decoded.input());
        ReportVersion version = new ReportVersion(1, UUID.randomUUID(), Instant.EPOCH, input.periodStart(),
                input.periodEnd(), provenance.text(), provenance.hash(), RemovalCalculation.FORMULA_VERSION, "P-T",
                result.netRemovals().decimal(4), new BigDecimal("5"), "STATED", result.deductionRate(), result.credits(),
                result.bufferCredits(), result.vintages(), result.flags(), result.lossCredits());
        MonitoringReport report = new MonitoringReport(id, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                input.periodStart(), input.periodEnd(), input.method(), ReportStatus.VERIFIED, Instant.EPOCH, null,
                null, Optional.empty(), version, null);
        return new Calculated(report, version, decoded, result);
    }
}
