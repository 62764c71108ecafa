package org.carbonsink.trading.order;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.postgresql.copy.CopyIn;

/**
 * Rows for {@code COPY ... FROM STDIN (FORMAT binary)} (PostgreSQL's documented binary copy format: a
 * header, then per row a field count and each field as its length and its binary value, then a trailer).
 * A large group commit sends its new rows this way: PostgreSQL reads a UUID as 16 bytes and a time as one
 * integer instead of parsing text, and the writer builds no strings (docs/benchmarks.md).
 */
final class CopyRows {

    private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, // flags: no OIDs
            0, 0, 0, 0 }; // no header extension
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch for timestamps, in seconds of the Unix epoch. */
    private static final long PG_EPOCH_SECONDS = 946_684_800L;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    private static final long[] POWERS_OF_TEN = { 1, 10, 100, 1000 };

    /** PostgreSQL's type oids of the elements of the arrays written here. */
    static final int TEXT = 25;
    static final int UUID_OID = 2950;

    private byte[] bytes = new byte[1 << 16];
    private int size;
    /** The base-10000 groups of the numeric being written, kept for the next one. */
    private short[] groups = new short[32];
    /** Where the array being written starts (its length field), or -1; and whether it has a null element. */
    private int arrayAt = -1;
    private boolean arrayNulls;

    CopyRows() {
        put(HEADER);
    }

    /** Starts a row of {@code fields} fields. */
    CopyRows row(int fields) {
        putShort(fields);
        return this;
    }

    CopyRows text(String value) {
        if (value == null) {
            return nul();
        }
        int length = value.length();
        for (int i = 0; i < length; i++) {
            if (value.charAt(i) >= 0x80) {
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                putInt(utf8.length);
                put(utf8);
                return this;
            }
        }
        // ASCII, as ids, enum names, hashes and the command log are: its UTF-8 is its chars, copied without
        // an array per field
        putInt(length);
        ensure(length);
        for (int i = 0; i < length; i++) {
            bytes[size++] = (byte) value.charAt(i);
        }
        return this;
    }

    CopyRows int8(long value) {
        putInt(8);
        putLong(value);
        return this;
    }

    CopyRows int8(Long value) {
        return value == null ? nul() : int8(value.longValue());
    }

    CopyRows uuid(UUID value) {
        if (value == null) {
            return nul();
        }
        putInt(16);
        putLong(value.getMostSignificantBits());
        putLong(value.getLeastSignificantBits());
        return this;
    }

    /** A timestamptz: microseconds since PostgreSQL's epoch, rounded as PostgreSQL rounds a finer text value. */
    CopyRows timestamp(Instant value) {
        if (value == null) {
            return nul();
        }
        long micros = Math.addExact(Math.multiplyExact(value.getEpochSecond() - PG_EPOCH_SECONDS, 1_000_000L),
                (value.getNano() + 500) / 1000);
        return int8(micros);
    }

    /**
     * A numeric: base-10000 digits around the decimal point with the display scale of the value, which
     * keeps its scale as the text form would ({@code 12.30} stays two decimals).
     */
    CopyRows numeric(BigDecimal value) {
        if (value == null) {
            return nul();
        }
        int scale = Math.max(value.scale(), 0);
        BigInteger unscaled = value.setScale(scale).unscaledValue();
        // below 2^53 the shift (at most × 1000) stays inside a long: every price and amount of the book,
        // written without BigInteger arithmetic per group
        if (unscaled.bitLength() <= 53) {
            return numeric(unscaled.longValue(), scale);
        }
        int fractionGroups = (scale + 3) / 4;
        BigInteger whole = unscaled.abs().multiply(BigInteger.TEN.pow(fractionGroups * 4 - scale));
        short[] groups = this.groups;
        int count = 0;
        while (whole.signum() > 0) {
            BigInteger[] divided = whole.divideAndRemainder(TEN_THOUSAND);
            if (count == groups.length) {
                groups = Arrays.copyOf(groups, count * 2);
                this.groups = groups;
            }
            groups[count++] = divided[1].shortValue();
            whole = divided[0];
        }
        return groups(count, fractionGroups, unscaled.signum() < 0, scale);
    }

    /**
     * The numeric {@code unscaled} × 10^-{@code scale} ({@code scale} ≥ 0) as {@link #numeric(BigDecimal)} writes
     * it, without a BigDecimal: an amount in fen is {@code numeric(fen, 2)}.
     */
    CopyRows numeric(long unscaled, int scale) {
        if (unscaled < -(1L << 53) || unscaled >= 1L << 53) {
            return numeric(BigDecimal.valueOf(unscaled, scale));
        }
        // the digits of |value| × 10^(4k) for k fractional groups, so the point falls between groups
        int fractionGroups = (scale + 3) / 4;
        long whole = Math.abs(unscaled) * POWERS_OF_TEN[fractionGroups * 4 - scale];
        short[] groups = this.groups;
        int count = 0;
        while (whole > 0) {
            groups[count++] = (short) (whole % 10_000);
            whole /= 10_000;
        }
        return groups(count, fractionGroups, unscaled < 0, scale);
    }

    /** A numeric field of the first {@code count} base-10000 {@link #groups}, the last group first. */
    private CopyRows groups(int count, int fractionGroups, boolean negative, int scale) {
        short[] groups = this.groups;
        // groups[0] is the last group; drop trailing zero groups, as PostgreSQL stores none
        int last = 0;
        while (last < count && groups[last] == 0) {
            last++;
        }
        int digits = count - last;
        int weight = digits == 0 ? 0 : count - 1 - fractionGroups;
        putInt(8 + 2 * digits);
        putShort(digits);
        putShort(weight);
        putShort(negative ? 0x4000 : 0);
        putShort(scale);
        for (int i = count - 1; i >= last; i--) {
            putShort(groups[i]);
        }
        return this;
    }

    CopyRows nul() {
        if (arrayAt >= 0) {
            arrayNulls = true;
        }
        putInt(-1);
        return this;
    }

    /**
     * Starts a field that is a one-dimensional array of {@code count} elements of the type {@code elementOid}
     * (PostgreSQL's array_send form: dimensions, a flag for null elements, the element type, the length and lower
     * bound of the dimension, then each element as a field is written). The elements follow through
     * {@link #text}, {@link #uuid} or {@link #nul}, then {@link #endArray}.
     */
    CopyRows array(int elementOid, int count) {
        if (arrayAt >= 0) {
            throw new IllegalStateException("an array is being written already");
        }
        arrayAt = size;
        arrayNulls = false;
        putInt(0); // the field's length, once the elements are written
        putInt(1);
        putInt(0); // null elements or not, once they are written
        putInt(elementOid);
        putInt(count);
        putInt(1);
        return this;
    }

    /** Ends the array {@link #array} started: its length and its flag for null elements. */
    CopyRows endArray() {
        int at = arrayAt;
        if (at < 0) {
            throw new IllegalStateException("no array is being written");
        }
        patchInt(at, size - at - 4);
        patchInt(at + 8, arrayNulls ? 1 : 0);
        arrayAt = -1;
        return this;
    }

    /** The rows with the trailer, as {@link #sendTo} sends them. */
    byte[] end() {
        putShort(-1);
        return Arrays.copyOf(bytes, size);
    }

    /**
     * Ends the rows with the trailer and sends them through {@code in} from the buffer itself: a large group commit's
     * rows are a few hundred kilobytes, which a copy to send would allocate once more.
     */
    void sendTo(CopyIn in) throws SQLException {
        putShort(-1);
        in.writeToCopy(bytes, 0, size);
    }

    /**
     * No rows again, the buffer kept: a writer thread sends its rows through the same buffers batch after batch
     * rather than growing new ones each time.
     */
    CopyRows reset() {
        size = 0;
        arrayAt = -1;
        put(HEADER);
        return this;
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    private void putShort(int v) {
        ensure(2);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    private void putInt(int v) {
        ensure(4);
        bytes[size++] = (byte) (v >>> 24);
        bytes[size++] = (byte) (v >>> 16);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    private void patchInt(int at, int v) {
        bytes[at] = (byte) (v >>> 24);
        bytes[at + 1] = (byte) (v >>> 16);
        bytes[at + 2] = (byte) (v >>> 8);
        bytes[at + 3] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
