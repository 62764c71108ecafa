package org.carbonsink.trading.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.carbonsink.trading.matching.CancelReason;
import org.carbonsink.trading.matching.OrderType;
import org.carbonsink.trading.matching.Side;
import org.carbonsink.trading.matching.TimeInForce;
import org.junit.jupiter.api.Test;

/**
 * Binary COPY fields as PostgreSQL's documentation and its numeric_recv/timestamp_recv read them; that the
 * server stores the same rows as the text path is shown by EngineRecoveryIT, which writes one run each way.
 */
class CopyRowsTest {

    /** The bytes of one field after the header and a row's field count. */
    private static String field(java.util.function.Consumer<CopyRows> write) {
        CopyRows rows = new CopyRows();
        rows.row(1);
        write.accept(rows);
        byte[] all = rows.end();
        // 19 bytes of header, 2 of field count, 2 of trailer
        return HexFormat.of().formatHex(Arrays.copyOfRange(all, 21, all.length - 2));
    }

    @Test
    void numericsAreBaseTenThousandDigitsAroundThePointWithTheirScale() {
        // length 12; 2 digits, weight 0, positive, scale 2; 12 and 3400
        assertThat(field(r -> r.numeric(new BigDecimal("12.34")))).isEqualTo("0000000c" + "0002000000000002" + "000c0d48");
        // 0.01 is 100 × 10000^-1
        assertThat(field(r -> r.numeric(new BigDecimal("0.01")))).isEqualTo("0000000a" + "0001ffff00000002" + "0064");
        // 10000.00 is 1 × 10000^1, no zero groups stored
        assertThat(field(r -> r.numeric(new BigDecimal("10000.00")))).isEqualTo("0000000a" + "0001000100000002" + "0001");
        assertThat(field(r -> r.numeric(new BigDecimal("0.00")))).isEqualTo("00000008" + "0000000000000002");
        // -5.5 is -(5 + 5000 × 10000^-1), scale 1
        assertThat(field(r -> r.numeric(new BigDecimal("-5.5")))).isEqualTo("0000000c" + "0002000040000001" + "00051388");
        assertThat(field(r -> r.numeric(null))).isEqualTo("ffffffff");
    }

    @Test
    void numericsAreWrittenAlikeOnEitherSideOfTheLongPath() {
        // 2^53 is where the writer leaves long arithmetic for BigInteger; the reference reads the digits
        // off the plain text form, as PostgreSQL's numeric_in would
        List<BigDecimal> values = new ArrayList<>();
        for (String edge : List.of("9007199254740991", "9007199254740992", "9007199254740993", "90071992547409.91",
                "90071992547409.92", "900719925474.0993", "-9007199254740.993", "99999999999999999.99", "0.0001",
                "1E+5", "123.45678", "-0.10", "10000", "99990000.0000")) {
            values.add(new BigDecimal(edge));
        }
        Random random = new Random(20261201);
        for (int i = 0; i < 20_000; i++) {
            BigInteger unscaled = new BigInteger(1 + random.nextInt(70), random);
            values.add(new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(9)));
        }
        for (BigDecimal value : values) {
            assertThat(field(r -> r.numeric(value))).as(value.toPlainString()).isEqualTo(numericFromText(value));
        }
    }

    /** numeric's binary form built from the value's decimal text, in groups of four digits around the point. */
    private static String numericFromText(BigDecimal value) {
        int scale = Math.max(value.scale(), 0);
        String plain = value.abs().setScale(scale).toPlainString();
        String integer = plain.contains(".") ? plain.substring(0, plain.indexOf('.')) : plain;
        String fraction = plain.contains(".") ? plain.substring(plain.indexOf('.') + 1) : "";
        integer = "0".repeat((4 - integer.length() % 4) % 4) + integer;
        fraction = fraction + "0".repeat((4 - fraction.length() % 4) % 4);
        List<Integer> groups = new ArrayList<>();
        String all = integer + fraction;
        for (int i = 0; i < all.length(); i += 4) {
            groups.add(Integer.parseInt(all.substring(i, i + 4)));
        }
        int weight = integer.length() / 4 - 1;
        while (!groups.isEmpty() && groups.get(0) == 0) {
            groups.remove(0);
            weight--;
        }
        while (!groups.isEmpty() && groups.get(groups.size() - 1) == 0) {
            groups.remove(groups.size() - 1);
        }
        if (groups.isEmpty()) {
            weight = 0;
        }
        StringBuilder hex = new StringBuilder(String.format("%08x%04x%04x%04x%04x", 8 + 2 * groups.size(),
                groups.size(), weight & 0xffff, value.signum() < 0 ? 0x4000 : 0, scale));
        groups.forEach(g -> hex.append(String.format("%04x", g)));
        return hex.toString();
    }

    @Test
    void arraysAreOneDimensionWithTheirElementTypeAndEachElementAsAField() {
        // length 31; 1 dimension, no nulls, text (25), 2 elements from 1; "a" and "bc"
        assertThat(field(r -> r.array(CopyRows.TEXT, 2).text("a").text("bc").endArray()))
                .isEqualTo("0000001f" + "00000001" + "00000000" + "00000019" + "00000002" + "00000001"
                        + "00000001" + "61" + "00000002" + "6263");
        // a null element sets the flag and is written as a null field; uuid is type 2950
        UUID id = UUID.fromString("00000000-0000-0001-0000-000000000002");
        assertThat(field(r -> r.array(CopyRows.UUID_OID, 2).uuid(id).uuid(null).endArray()))
                .isEqualTo("0000002c" + "00000001" + "00000001" + "00000b86" + "00000002" + "00000001"
                        + "00000010" + "00000000000000010000000000000002" + "ffffffff");
        assertThat(field(r -> r.array(CopyRows.TEXT, 0).endArray()))
                .isEqualTo("00000014" + "00000001" + "00000000" + "00000019" + "00000000" + "00000001");
    }

    @Test
    void timestampsAreMicrosecondsSince2000() {
        assertThat(field(r -> r.timestamp(Instant.parse("2000-01-01T00:00:01.000002Z"))))
                .isEqualTo("00000008" + "00000000000f4242");
        assertThat(field(r -> r.timestamp(Instant.parse("1999-12-31T23:59:59Z")))).isEqualTo("00000008" + "fffffffffff0bdc0");
    }

    @Test
    void textIsItsUtf8WithItsLengthInBytes() {
        assertThat(field(r -> r.text("GTC"))).isEqualTo("00000003" + "475443");
        assertThat(field(r -> r.text(""))).isEqualTo("00000000");
        // 碳 is three bytes of UTF-8, é two
        assertThat(field(r -> r.text("a碳é"))).isEqualTo("00000006" + "61" + "e7a2b3" + "c3a9");
        assertThat(field(r -> r.text(null))).isEqualTo("ffffffff");
    }

    @Test
    void rowsOfManyFieldsAreTheirFieldsWrittenOneByOne() {
        // one writer for a whole batch: what a field leaves behind does not change the next one
        Random random = new Random(20261202);
        CopyRows together = new CopyRows();
        StringBuilder apart = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            BigInteger unscaled = new BigInteger(1 + random.nextInt(90), random);
            BigDecimal number = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(9));
            String text = random.nextBoolean() ? "order " + i : "订单 " + i;
            together.row(2).numeric(number).text(text);
            apart.append("0002").append(field(r -> r.numeric(number))).append(field(r -> r.text(text)));
        }
        byte[] all = together.end();
        assertThat(HexFormat.of().formatHex(Arrays.copyOfRange(all, 19, all.length - 2))).isEqualTo(apart.toString());
    }

    @Test
    void amountsInFenAreWrittenAsTheirBigDecimals() {
        Random random = new Random(20261203);
        List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, 99L, 100L, 10_000L, 1L << 53, (1L << 53) - 1,
                -(1L << 53), -(1L << 53) - 1, Long.MAX_VALUE, Long.MIN_VALUE));
        for (int i = 0; i < 20_000; i++) {
            values.add(random.nextLong() >> random.nextInt(64));
        }
        for (long value : values) {
            for (int scale : new int[] { 0, 2, 3, 4, 5 }) {
                assertThat(field(r -> r.numeric(value, scale))).as("%d at scale %d", value, scale)
                        .isEqualTo(field(r -> r.numeric(BigDecimal.valueOf(value, scale))));
            }
        }
    }

    @Test
    void anOrdersCopyRowIsItsRowsFields() {
        Instant now = Instant.parse("2026-12-02T10:00:00.123456789Z");
        LiveOrder limit = new LiveOrder(1, UUID.randomUUID(), "P000001-2025", UUID.randomUUID(), 1, Side.BUY,
                OrderType.LIMIT, TimeInForce.GTC, now, 1234, 5, false);
        limit.status = OrderStatus.OPEN;
        limit.reservedFen = 6170;
        limit.bookPriority = 42;
        LiveOrder market = new LiveOrder(2, UUID.randomUUID(), "P000001-2025", UUID.randomUUID(), 2, Side.BUY,
                OrderType.MARKET, TimeInForce.IOC, now, 0, 3, false);
        market.status = OrderStatus.CANCELLED;
        market.cancelReason = CancelReason.MARKET_REMAINDER;
        market.filled = 1;
        LiveOrder rejected = new LiveOrder(3, UUID.randomUUID(), "P000002-2025", UUID.randomUUID(), 1, Side.SELL,
                OrderType.LIMIT, TimeInForce.DAY, now, 99, 1, false);
        rejected.status = OrderStatus.REJECTED;
        rejected.rejectionReason = "价格超出 the band";
        for (LiveOrder order : List.of(limit, market, rejected)) {
            for (String hash : Arrays.asList(null, "sha256:abc")) {
                Orders.OrderRow r = order.row(now);
                CopyRows expected = new CopyRows();
                expected.row(17).uuid(r.id()).text(r.instrumentId()).uuid(r.participantId()).text(r.side().name())
                        .text(r.type().name()).text(r.timeInForce().name()).int8(r.quantity()).numeric(r.limitPrice())
                        .int8(r.filledQuantity()).numeric(r.reservedCash()).text(r.status().name())
                        .text(r.rejectionReason()).text(r.cancelReasonName()).int8(r.bookPriority())
                        .timestamp(r.at()).timestamp(r.at()).text(hash);
                CopyRows actual = new CopyRows();
                order.copyRow(actual, now, hash);
                assertThat(actual.end()).isEqualTo(expected.end());
            }
        }
    }

    @Test
    void rowsWrittenAgainAfterAResetAreThoseOfAFreshWriter() {
        CopyRows reused = new CopyRows();
        for (int i = 0; i < 5_000; i++) {
            reused.row(1).text("a row that fills the buffer past its first size " + i);
        }
        reused.end();
        reused.reset().row(2).int8(7).text("again");
        CopyRows fresh = new CopyRows();
        fresh.row(2).int8(7).text("again");
        assertThat(reused.end()).isEqualTo(fresh.end());
    }
}
