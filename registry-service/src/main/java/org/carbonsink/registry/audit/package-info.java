/**
 * The audit trail: an append-only log of every lifecycle change and ledger movement, chained by
 * SHA-256 so that a change to any stored entry is detected ({@link VerifyingAuditChain}).
 *
 * <p>Entry n's hash is SHA-256 over, joined by a line feed: n, the recording instant (ISO-8601,
 * microseconds, UTC), the action, the subject type, the subject id, the actor id (or empty), the
 * details as canonical JSON (keys sorted, no spaces) and entry n−1's hash (64 zeros for the first).
 * Entries are numbered 1, 2, 3, … without gaps, in commit order: an append locks the chain's head.
 */
package org.carbonsink.registry.audit;
