package org.carbonsink.registry.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;

/**
 * A position in a public list ordered by time, then id: the {@code after} cursor of the next page.
 * Opaque to callers (URL-safe Base64), so no list is ever paged by offset.
 */
public record Keyset(Instant at, UUID id) {

    /** Before every entry. */
    public static final Keyset START = new Keyset(Instant.EPOCH, new UUID(0, 0));

    public String encode() {
        String raw = at.getEpochSecond() + "." + at.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor a page gave out; null means the start. Anything else is a 400 naming {@code after}. */
    public static Keyset decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return START;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\.", 3);
            return new Keyset(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("after", "cursor", "is not a cursor this list gave out");
        }
    }
}
