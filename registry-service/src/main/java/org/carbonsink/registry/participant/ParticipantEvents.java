package org.carbonsink.registry.participant;

/** What the registry tells the other services about participants, in the transaction of the change. */
public interface ParticipantEvents {

    void registered(Participant participant);
}
