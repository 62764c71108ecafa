package org.carbonsink.support.deadletter;

import java.time.Instant;

/**
 * One record of a dead-letter topic: where it lies, what it carried and why it was given up, with
 * the last replay of it if any.
 */
public record DeadLetter(String deadLetterTopic, int partition, long offset, String originalTopic, String key,
        String eventType, String eventId, String error, String errorType, String payloadExcerpt, Instant deadLetteredAt,
        Replay lastReplay) {

    /** A replay of a dead letter: who asked, when, and whether the broker took it back. */
    public record Replay(String replayedBy, Instant replayedAt, String result, String error) {
    }
}
