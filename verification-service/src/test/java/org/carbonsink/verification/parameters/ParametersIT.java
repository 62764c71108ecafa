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
        assertThat(byCode).containsOnlyKeys("CHINESE_FIR", "MASSON_PINE", "POPLAR", "EUCALYPTUS");
        JsonNode fir = byCode.get("CHINESE_FIR");
        assertThat(fir.get("woodDensity").decimalValue()).isEqualByComparingTo("0.307");
        assertThat(fir.get("expansionFactor").decimalValue()).isEqualByComparingTo("1.634");
        assertThat(fir.get("rootShootRatio").decimalValue()).isEqualByComparingTo("0.246");
        assertThat(fir.get("carbonFraction").decimalValue()).isEqualByComparingTo("0.520");
        assertThat(byCode.get("EUCALYPTUS").get("woodDensity").decimalValue()).isEqualByComparingTo("0.578");
        byCode.values().forEach(s -> assertThat(s.get("source").asString()).startsWith("[V]"));
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
}
