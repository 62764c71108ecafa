package org.carbonsink.support.messaging;

/**
 * An event that is readable but breaks a rule its consumer must not bend, and for which the
 * contracts have no refusal event (e.g. a verified report for an unregistered project). Not
 * retried: the record goes to the dead-letter topic for an operator to look at.
 */
public class EventRefused extends RuntimeException {

    public EventRefused(String message) {
        super(message);
    }
}
