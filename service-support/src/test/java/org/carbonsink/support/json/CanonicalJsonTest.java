package org.carbonsink.support.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsKeysAndWritesDecimalsWhateverTheirScale() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("volume", new BigDecimal("80.0000"));
        details.put("area", new BigDecimal("1E+2"));
        details.put("credits", 7150L);
        details.put("note", "line\n\"quoted\"\t");
        details.put("zero", new BigDecimal("0.000"));
        details.put("flags", List.of(true, false));

        assertThat(CanonicalJson.write(details)).isEqualTo(
                "{\"area\":\"100\",\"credits\":7150,\"flags\":[true,false],\"note\":\"line\\n\\\"quoted\\\"\\t\","
                        + "\"volume\":\"80\",\"zero\":\"0\"}");
    }

    @Test
    void refusesBinaryFractions() {
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("x", 0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Double");
    }
}
