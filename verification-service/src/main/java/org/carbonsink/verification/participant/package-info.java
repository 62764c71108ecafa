/**
 * Participants as the registry registered them: the read model that tells whether a named verifier
 * is a registered VERIFIER. It is filled only from {@code ParticipantRegistered}.
 */
package org.carbonsink.verification.participant;
