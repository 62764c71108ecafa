package org.carbonsink.verification.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.carbonsink.verification.ServiceIntegration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The calculation's parameters are published as the data they are, with their source. */
class ParametersIT extends ServiceIntegration {

    @Test
    void listsTheSpeciesDefaultsWithTheirSource() {
        JsonNode species = api().get("/species").expect(200);

        Map<String, JsonNode> byCode = new HashMap<>();
        species.forEach(s -> byCode.put(s.get("code").asString(), s));
        assertThat(byCode).containsOnlyKeys("CHINESE_FIR", "MASSON_PINE", "POPLAR", "EUCALYPTUS", "KANDELIA_OBOVATA",
                "TAXODIUM_DISTICHUM");
        JsonNode fir = byCode.get("CHINESE_FIR");
        assertThat(fir.get("woodDensity").decimalValue()).isEqualByComparingTo("0.307");
        assertThat(fir.get("expansionFactor").decimalValue()).isEqualByComparingTo("1.634");
        assertThat(fir.get("rootShootRatio").decimalValue()).isEqualByComparingTo("0.246");
        assertThat(fir.get("carbonFraction").decimalValue()).isEqualByComparingTo("0.520");
        assertThat(byCode.get("EUCALYPTUS").get("woodDensity").decimalValue()).isEqualByComparingTo("0.578");
        byCode.values().forEach(s -> assertThat(s.get("source").asString()).startsWith("[V]"));
    }

    /** The catalogue is not filtered: asking for one species by a parameter is refused, not answered with all. */
    @Test
    void refusesAQueryParameterTheCatalogueDoesNotTake() {
        var filtered = api().get("/species?code=CHINESE_FIR");

        assertThat(filtered.status()).isEqualTo(400);
        assertThat(filtered.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
        assertThat(filtered.json().get("errors").get(0).get("rule").asString()).isEqualTo("unknown-parameter");
    }

    @Test
    void listsTheUncertaintyBands() {
        JsonNode bands = api().get("/uncertainty-bands").expect(200);

        assertThat(bands).hasSize(3);
        assertThat(bands.get(0).get("upperPercent").decimalValue()).isEqualByComparingTo("10");
        assertThat(bands.get(0).get("deductionRate").decimalValue()).isZero();
        assertThat(bands.get(1).get("deductionRate").decimalValue()).isEqualByComparingTo("0.06");
        assertThat(bands.get(2).get("upperPercent").decimalValue()).isEqualByComparingTo("30");
        assertThat(bands.get(2).get("deductionRate").decimalValue()).isEqualByComparingTo("0.11");
    }

    @Test
    void listsEveryParameterTableWithItsVersionAndSources() {
        JsonNode tables = api().get("/parameters").expect(200);

        assertThat(tables.get("version").asString()).isEqualTo("P-2026-12-01");
        Map<String, JsonNode> rates = new HashMap<>();
        tables.get("soilAccumulationRates").forEach(r -> rates.put(r.get("landType").asString(), r));
        assertThat(rates.get("MANGROVE").get("rate").decimalValue()).isEqualByComparingTo("1.62");
        assertThat(rates.get("TIDAL_MARSH").get("rate").decimalValue()).isEqualByComparingTo("0.91");
        assertThat(rates.get("SEAGRASS").get("rate").decimalValue()).isEqualByComparingTo("0.43");
        assertThat(rates.get("MANGROVE").get("source").asString()).contains("Wetlands Supplement", "Table 4.12");
        for (String table : java.util.List.of("species", "volumeEquations", "soilAccumulationRates",
                "soilReferenceStocks", "soilFactors", "referenceFigures", "uncertaintyBands")) {
            assertThat(tables.get(table).size()).as(table).isPositive();
            tables.get(table).forEach(row -> assertThat(row.get("source").asString()).as(table).isNotBlank());
        }
    }

    @Test
    void namesTheParameterTablesColumnsInCamelCaseAsTheRestOfTheApi() {
        JsonNode tables = api().get("/parameters").expect(200);

        JsonNode fir = null;
        for (JsonNode species : tables.get("species")) {
            if (species.get("code").asString().equals("CHINESE_FIR")) {
                fir = species;
            }
        }
        assertThat(fir).isNotNull();
        assertThat(fir.get("woodDensity").decimalValue()).isEqualByComparingTo("0.307");
        assertThat(fir.get("expansionFactor").decimalValue()).isEqualByComparingTo("1.634");
        assertThat(fir.get("rootShootRatio").decimalValue()).isEqualByComparingTo("0.246");
        assertThat(fir.get("carbonFraction").decimalValue()).isEqualByComparingTo("0.520");
        assertThat(tables.get("uncertaintyBands").get(0).get("upperPercent").decimalValue()).isEqualByComparingTo("10");
        assertThat(tables.get("soilFactors").get(0).has("landClass")).isTrue();
        tables.properties().forEach(table -> table.getValue().forEach(row -> row.propertyNames()
                .forEach(name -> assertThat(name).as(table.getKey()).doesNotContain("_"))));
    }
}
