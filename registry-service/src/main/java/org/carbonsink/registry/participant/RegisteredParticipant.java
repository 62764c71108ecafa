package org.carbonsink.registry.participant;

/** A participant just registered, with the holding account opened for it. */
public record RegisteredParticipant(Participant participant, Accounts.Account account) {
}
