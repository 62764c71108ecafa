package org.carbonsink.support.web;

import java.util.UUID;

/**
 * Who is asking: the participant on whose behalf the request is made.
 *
 * <p>Placeholder identity: it is read from the {@code X-Participant-Id} header by
 * {@link CallerResolver}, the one place to replace when requests carry verified tokens.
 */
public record Caller(UUID participantId) {

    public static final String HEADER = "X-Participant-Id";
}
