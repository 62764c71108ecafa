package org.carbonsink.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.bean.BeanDeserializerBase;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

class RecordCreatorsTest {

    public record Order(String instrumentId, Long quantity, BigDecimal limitPrice, Side side) {
    }

    public record Orders(List<Order> orders) {
    }

    public enum Side {
        BUY, SELL
    }

    /** A record that refuses what it is given, in its constructor. */
    public record Positive(int value) {
        public Positive {
            if (value <= 0) {
                throw new IllegalArgumentException("must be positive, not " + value);
            }
        }
    }

    private static final JsonMapper WITH = JsonMapper.builder().addModule(new RecordCreators())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final JsonMapper WITHOUT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void recordsAreReadAsJacksonReadsThemThroughAHandleBoundOnce() {
        String json = """
                {"orders":[{"instrumentId":"P000001-2025","side":"BUY","quantity":3,"limitPrice":12.30},
                           {"quantity":1,"instrumentId":"P000002-2025"},
                           {}]}""";

        Orders read = WITH.readValue(json, Orders.class);

        assertThat(read).isEqualTo(WITHOUT.readValue(json, Orders.class));
        assertThat(read.orders().get(0)).isEqualTo(new Order("P000001-2025", 3L, new BigDecimal("12.30"), Side.BUY));
        assertThat(read.orders().get(2)).isEqualTo(new Order(null, null, null, null));
        assertThat(instantiatorOf(WITH, Order.class)).isInstanceOf(RecordCreators.Bound.class);
        assertThat(instantiatorOf(WITHOUT, Order.class)).isNotInstanceOf(RecordCreators.Bound.class);
    }

    @Test
    void whatAConstructorThrowsIsReportedAsJacksonReportsIt() {
        String json = "{\"value\":-2}";
        Throwable with = catchFrom(WITH, json);
        Throwable without = catchFrom(WITHOUT, json);

        assertThat(with).isInstanceOf(ValueInstantiationException.class).hasMessage(without.getMessage())
                .hasRootCauseInstanceOf(IllegalArgumentException.class).hasRootCauseMessage("must be positive, not -2");
        assertThat(WITH.readValue("{\"value\":2}", Positive.class)).isEqualTo(new Positive(2));
    }

    @Test
    void aClassThatIsNotARecordIsLeftToJackson() {
        assertThat(instantiatorOf(WITH, Plain.class)).isNotInstanceOf(RecordCreators.Bound.class);
        assertThat(WITH.readValue("{\"name\":\"x\"}", Plain.class).name).isEqualTo("x");
    }

    public static class Plain {
        public String name;
    }

    private static Throwable catchFrom(JsonMapper mapper, String json) {
        return org.assertj.core.api.Assertions.catchThrowable(() -> mapper.readValue(json, Positive.class));
    }

    private static Object instantiatorOf(JsonMapper mapper, Class<?> type) {
        ValueDeserializer<Object> deserializer = mapper._deserializationContext()
                .findRootValueDeserializer(mapper.constructType(type));
        return ((BeanDeserializerBase) deserializer).getValueInstantiator();
    }
}
