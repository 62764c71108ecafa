package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.carbonsink.contracts.CreditsIssued;
import org.carbonsink.contracts.MonitoringReportVerified;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A retirement's certificate, read back as its reader would: the PDF's text (PDFBox) and its QR
 * code (zxing, from the page rendered to an image), fetched without a token.
 */
class RetirementCertificateIT extends RegistryIT {

    private static final String BENEFICIARY = "杭州绿色物流有限公司 Hangzhou Green Logistics Co., Ltd.";
    private static final String NOTE = "2025 年车队排放 2025 fleet emissions";

    JsonNode retirement;
    String projectCode;

    @BeforeEach
    void aRetirement() {
        UUID owner = id(registerParticipant("Guizhou Forestry Co.", "PROJECT_OWNER"));
        JsonNode project = registeredProject(owner);
        UUID projectId = id(project);
        projectCode = project.get("code").asString();
        UUID reportId = UUID.randomUUID();
        TestEvents.send(Topics.VERIFICATION_REPORTS, projectId.toString(), new MonitoringReportVerified(UUID.randomUUID(),
                Instant.now(), reportId, projectId, owner, UUID.randomUUID(), LocalDate.of(2021, 1, 1),
                LocalDate.of(2025, 12, 31), 2025, new BigDecimal("7150.4684"), 7150, 715));
        TestEvents.await(Topics.REGISTRY_CREDITS, CreditsIssued.class, e -> e.reportId().equals(reportId), EVENTUALLY);
        String ownerAccount = api().as(owner).get("/participants/" + owner).expect(200).get("accountId").asString();
        retirement = api().as(owner, "PROJECT_OWNER").post("/accounts/" + ownerAccount + "/retirements", Map.of(
                "projectId", projectId, "vintage", 2025, "quantity", 1500, "beneficiary", BENEFICIARY,
                "purpose", "VOLUNTARY_OFFSET", "note", NOTE)).expect(201);
    }

    @Test
    void statesTheRetirementInChineseAndEnglishWithAQrCodeToItsPublicPage() throws Exception {
        HttpResponse<byte[]> response = fetch("/retirements/" + id(retirement) + "/certificate.pdf");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String serial = retirement.get("serials").get(0).get("serial").asString();
        String publicUrl = "http://127.0.0.1:8080/#/retirements/" + id(retirement);
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = oneLine(new PDFTextStripper().getText(pdf));
            assertThat(text).contains("核证减排量注销证明", "Certificate of Retirement", "受益方 Beneficiary",
                    "杭州绿色物流有限公司", "Hangzhou Green Logistics Co., Ltd.", "用途 Purpose 自愿抵销 Voluntary offset",
                    "2025 年车队排放 2025 fleet emissions", "1,500 tCO2e", serial, projectCode + " Qiandongnan fir afforestation",
                    "年份 Vintage 2025", id(retirement).toString());
            assertThat(text.replace(" ", "")).contains(publicUrl);
            assertThat(qrCode(pdf)).isEqualTo(publicUrl);
        }
    }

    @Test
    void givesOneLanguageWhenAsked() throws Exception {
        try (PDDocument english = Loader.loadPDF(fetch("/retirements/" + id(retirement) + "/certificate.pdf?lang=en").body());
                PDDocument chinese = Loader.loadPDF(fetch("/retirements/" + id(retirement) + "/certificate.pdf?lang=zh").body())) {
            String en = oneLine(new PDFTextStripper().getText(english));
            String zh = oneLine(new PDFTextStripper().getText(chinese));
            assertThat(en).contains("Beneficiary", "Quantity retired").doesNotContain("受益方", "注销证明");
            assertThat(zh).contains("受益方", "注销数量").doesNotContain("Beneficiary", "Quantity retired");
        }
    }

    @Test
    void answersAnUnknownRetirementOrLanguageWithAProblem() throws Exception {
        HttpResponse<byte[]> unknown = fetch("/retirements/" + UUID.randomUUID() + "/certificate.pdf");
        HttpResponse<byte[]> badLanguage = fetch("/retirements/" + id(retirement) + "/certificate.pdf?lang=fr");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(badLanguage.statusCode()).isEqualTo(400);
        assertThat(new String(badLanguage.body())).contains("lang", "must be zh, en or both");
    }

    private HttpResponse<byte[]> fetch(String path) throws IOException, InterruptedException {
        // no token: certificates are public
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static String qrCode(PDDocument pdf) throws IOException, NotFoundException {
        BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 150);
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))))
                .getText();
    }
}
