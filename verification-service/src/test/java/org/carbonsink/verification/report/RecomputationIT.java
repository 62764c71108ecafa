package org.carbonsink.verification.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.carbonsink.contracts.ProjectRegistered;
import org.carbonsink.verification.ServiceIntegration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every method's worked example of docs/domain.md, from submission to VERIFIED over HTTP: the credits
 * are the hand-checked figure, the public recomputation from the stored provenance matches, and it
 * stops matching once a stored input is altered in the database.
 */
class RecomputationIT extends ServiceIntegration {

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("forest by stand volume", "CCER-14-001-V01", "FOREST", "FOREST_STOCK_DIFFERENCE", "100",
                        body("2021-01-01", "2025-12-31", "5", List.of(Map.of("species", "CHINESE_FIR", "areaHectares", 100,
                                "volumeStartPerHectare", 20, "volumeEndPerHectare", 80)), null, null),
                        7150L, "7150.4684", "\"areaHectares\":\"100\""),
                Arguments.of("forest by sample plots of trees", "CCER-14-001-V01", "FOREST", "FOREST_STOCK_DIFFERENCE",
                        "10", body("2021-01-01", "2025-12-31", null, List.of(plotStratum()), null, null),
                        581L, "619.0725", "\"dbhCm\":\"22\""),
                Arguments.of("mangrove", "CCER-14-002-V01", "MANGROVE", "MANGROVE_BIOMASS_AND_SOIL", "50",
                        body("2021-01-01", "2025-12-31", "5", List.of(Map.of("species", "KANDELIA_OBOVATA",
                                "areaHectares", 50, "volumeStartPerHectare", 10, "volumeEndPerHectare", 40)),
                                List.of(Map.of("landType", "MANGROVE", "areaHectares", 50)), null),
                        4826L, "4826.2500", "\"rate\":{\"code\":\"MANGROVE\",\"source\""),
                Arguments.of("wetland", "PILOT-WETLAND-V01", "WETLAND", "WETLAND_BIOMASS_AND_SOIL", "300",
                        body("2022-01-01", "2023-12-31", "5", null, List.of(
                                Map.of("landType", "TIDAL_MARSH", "areaHectares", 200),
                                Map.of("landType", "SEAGRASS", "areaHectares", 100)), null),
                        1650L, "1650.0000", "\"areaHectares\":\"200\""),
                Arguments.of("grassland soil", "PILOT-GRASSLAND-V01", "GRASSLAND", "GRASSLAND_SOIL_TIER1", "1000",
                        body("2021-01-01", "2025-12-31", "5", null, null, List.of(soil("COLD_TEMPERATE_DRY_HAC", 1000,
                                practice("ALL", "SEVERELY_DEGRADED", "MEDIUM"), practice("ALL", "NOMINALLY_MANAGED", "MEDIUM")))),
                        13750L, "13750.0000", "\"areaHectares\":\"1000\""),
                Arguments.of("farmland soil", "DRAFT-FARMLAND-V01", "FARMLAND", "FARMLAND_SOIL_TIER1", "500",
                        body("2023-01-01", "2025-12-31", "5", null, null, List.of(soil("WARM_TEMPERATE_DRY_HAC", 500,
                                practice("LONG_TERM_CULTIVATED_TEMPERATE_DRY", "FULL_TILLAGE", "MEDIUM"),
                                practice("LONG_TERM_CULTIVATED_TEMPERATE_DRY", "NO_TILL_TEMPERATE_DRY",
                                        "HIGH_WITHOUT_MANURE_TEMPERATE_DRY")))),
                        1203L, "1203.8400", "\"areaHectares\":\"500\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void recomputesEveryMethodFromItsProvenanceAndNoticesAnAlteredInput(String name, String methodology,
            String ecosystem, String method, String area, Map<String, Object> body, long credits, String net,
            String storedInput) {
        ProjectRegistered project = registered(projectRegistered(methodology, ecosystem, method, area));
        UUID verifier = verifier();
        body.put("projectId", project.projectId().toString());
        body.put("verifierId", verifier.toString());

        JsonNode verified = verified(project, verifier, body);
        String id = verified.get("id").asString();

        assertThat(verified.get("calculationMethod").asString()).isEqualTo(method);
        assertThat(verified.get("verifiedCredits").asLong()).isEqualTo(credits);
        assertThat(verified.get("netRemovals").decimalValue()).isEqualByComparingTo(net);
        JsonNode recomputed = api().get("/reports/" + id + "/recomputation").expect(200);
        assertThat(recomputed.get("matches").asBoolean()).as(recomputed.toString()).isTrue();
        assertThat(recomputed.get("hashMatches").asBoolean()).isTrue();
        assertThat(recomputed.get("recomputedHash").asString()).isEqualTo(verified.get("provenanceHash").asString());
        assertThat(recomputed.get("recomputed").get("credits").asLong()).isEqualTo(credits);
        // the recomputed figures are shown at the scale the stored ones have (deduction rate 0.0600, not 0.06)
        assertThat(recomputed.get("recomputed").get("deductionRate").toString())
                .isEqualTo(recomputed.get("stored").get("deductionRate").toString());
        assertThat(recomputed.get("recomputed").get("netRemovals").toString())
                .isEqualTo(recomputed.get("stored").get("netRemovals").toString());
        String page = api().get("/reports/" + id + "/calculation-report").body();
        assertThat(page).contains("Calculation report", net, "<b>" + credits + "</b>", method);
        keep(name, page);
        assertThat(api().get("/reports/" + id + "/calculation-report.pdf").body()).startsWith("%PDF-");

        int altered = jdbc.sql("""
                update report_version set provenance = replace(provenance, :stored, :altered)
                where report_id = :id and version = 1
                """).param("id", UUID.fromString(id)).param("stored", storedInput)
                .param("altered", alter(storedInput)).update();
        assertThat(altered).isOne();

        JsonNode tampered = api().get("/reports/" + id + "/recomputation").expect(200);
        assertThat(tampered.get("matches").asBoolean()).as(tampered.toString()).isFalse();
        assertThat(tampered.get("hashMatches").asBoolean()).isFalse();
        assertThat(tampered.get("storedHash").asString()).isEqualTo(verified.get("provenanceHash").asString());
    }

    /** Keeps each method's calculation report under target/ for readers of the build (docs/domain.md examples). */
    private static void keep(String name, String page) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "calculation-reports");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve(name.replace(' ', '-') + ".html"), page);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The altered form of a stored input: a number one larger, or another source for a parameter. */
    private static String alter(String storedInput) {
        if (storedInput.endsWith("\"source\"")) {
            return storedInput.replace("\"source\"", "\"sourceX\"");
        }
        int quote = storedInput.lastIndexOf('"', storedInput.length() - 2);
        String number = storedInput.substring(quote + 1, storedInput.length() - 1);
        return storedInput.substring(0, quote + 1) + new BigDecimal(number).add(BigDecimal.ONE).toPlainString() + "\"";
    }

    private static Map<String, Object> body(String start, String end, String uncertainty, List<?> strata,
            List<?> accumulation, List<?> soil) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("periodStart", start);
        body.put("periodEnd", end);
        if (uncertainty != null) {
            body.put("relativeUncertaintyPercent", new BigDecimal(uncertainty));
        }
        if (strata != null) {
            body.put("strata", strata);
        }
        if (accumulation != null) {
            body.put("soilAccumulation", accumulation);
        }
        if (soil != null) {
            body.put("soilCarbon", soil);
        }
        return body;
    }

    /** The plot example of PlotUncertaintyTest: two plots of 0.04 ha of Chinese fir trees on 10 ha. */
    static Map<String, Object> plotStratum() {
        List<Map<String, Object>> start = Collections.nCopies(10, tree("10", "8"));
        List<Map<String, Object>> end2 = new java.util.ArrayList<>(Collections.nCopies(9, tree("20", "15")));
        end2.add(tree("22", "16"));
        return Map.of("species", "CHINESE_FIR", "areaHectares", 10, "volumeEquation", "FORM_FACTOR_0_5",
                "plots", List.of(
                        Map.of("areaHectares", new BigDecimal("0.04"), "treesStart", start,
                                "treesEnd", Collections.nCopies(10, tree("20", "15"))),
                        Map.of("areaHectares", new BigDecimal("0.04"), "treesStart", start, "treesEnd", end2)));
    }

    private static Map<String, Object> tree(String dbh, String height) {
        return Map.of("dbhCm", new BigDecimal(dbh), "heightM", new BigDecimal(height));
    }

    private static Map<String, Object> soil(String reference, int area, Map<String, String> before,
            Map<String, String> after) {
        return Map.of("referenceStock", reference, "areaHectares", area, "before", before, "after", after);
    }

    private static Map<String, String> practice(String landUse, String management, String input) {
        return Map.of("landUse", landUse, "management", management, "input", input);
    }
}
