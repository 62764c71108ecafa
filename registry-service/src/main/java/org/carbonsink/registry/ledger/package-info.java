/**
 * The credit ledger: who holds which serialized credit, and every movement of it. It owns
 * issuances (one per verified report and vintage), serial blocks, holds for the exchange,
 * deliveries, transfers, retirements, cancellations, reversals and the pooled buffer, and the
 * public disclosure of all of them.
 *
 * <p>Splitting, merging and the conservation of serials are decided in plain Java ({@code core});
 * {@code SerialBlocks} only stores the result. Every movement locks, in this order: the project row
 * (share; a revocation or reversal takes it exclusively), holds by id, accounts by id, serial
 * blocks. The database enforces the invariants again (exclusion constraint on serial ranges,
 * final-state and conservation triggers), and {@code LedgerCheck} recomputes them from the rows.
 *
 * <p>The ledger reads projects (state compared by name: SUSPENDED and REVOKED freeze movements,
 * only REGISTERED receives issuance) and implements {@code ProjectCredits} for revocation; the
 * project feature never depends on the ledger. Pledged credits are blocks in state PLEDGED that
 * only {@code EncumberingCredits} moves (for the pledge feature, which depends on the ledger, never
 * the reverse); issuance asks {@code IssuanceEncumbrances} which pledges of future issuance claim
 * the new credits. docs/credit-ledger.md and docs/pledges.md describe the rules.
 */
package org.carbonsink.registry.ledger;
