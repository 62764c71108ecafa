package org.carbonsink.trading.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
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
    void timestampsAreMicrosecondsSince2000() {
        assertThat(field(r -> r.timestamp(Instant.parse("2000-01-01T00:00:01.000002Z"))))
                .isEqualTo("00000008" + "00000000000f4242");
        assertThat(field(r -> r.timestamp(Instant.parse("1999-12-31T23:59:59Z")))).isEqualTo("00000008" + "fffffffffff0bdc0");
    }
}
