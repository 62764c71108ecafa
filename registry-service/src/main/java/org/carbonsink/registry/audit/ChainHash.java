package org.carbonsink.registry.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/** The hash of an audit entry, as package-info describes it. */
final class ChainHash {

    static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private ChainHash() {
    }

    /** PostgreSQL keeps microseconds; the hash covers what is stored. */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static String of(long seq, Instant recordedAt, String action, String subjectType, String subjectId, UUID actorId,
            String details, String previousHash) {
        String text = String.join("\n", Long.toString(seq), INSTANT.format(stored(recordedAt)), action, subjectType,
                subjectId, actorId == null ? "" : actorId.toString(), details, previousHash);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
