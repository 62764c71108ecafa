/**
 * Participants (owners, verifiers, traders, the administrator) and their registry accounts. A
 * participant's id is the subject of its tokens (docs/identity.md); the administrator registers it
 * and a holding account is opened with it ({@link org.carbonsink.registry.participant.RegisteringParticipant}),
 * told to the other services as {@code ParticipantRegistered}. Owns the tables {@code participant}
 * and {@code account}; {@link org.carbonsink.registry.participant.Participants} answers who may do
 * what, {@link org.carbonsink.registry.participant.Accounts} where credits are held.
 */
package org.carbonsink.registry.participant;
