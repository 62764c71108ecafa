package org.carbonsink.support.messaging;

/** A message that no retry can make readable; the error handler sends it to the dead-letter topic. */
public class UnreadableEvent extends RuntimeException {

    public UnreadableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
