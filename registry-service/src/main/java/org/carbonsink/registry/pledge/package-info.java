/**
 * Carbon finance: pledges (质押) of credits to a lender, and the public register of them
 * (docs/pledges.md). A holder pledges issued credits of one project and vintage; the owner of a
 * registered project pledges its future issuance, which the ledger encumbers for the lender as each
 * issuance arrives until the pledged quantity is covered. The lender releases a pledge in full or in
 * part; on default the lender asks for enforcement and the registry administrator confirms it, and
 * the pledged credits move to the lender's account.
 *
 * <p>The serials themselves stay in the ledger: it encumbers them (state PLEDGED, naming the pledge)
 * through {@code EncumberingCredits} and asks this feature through {@code IssuanceEncumbrances}
 * which pledges claim a new issuance. Projects ask through {@code ProjectPledges} whether a pledge
 * stands on them and tell it of a revocation. Lock order: project row (share; a revocation takes it
 * exclusively), pledge rows, then the ledger's accounts and serial blocks. The database checks at
 * commit that a pledge's serial blocks hold exactly what the pledge records, and a closed pledge
 * never changes.
 */
package org.carbonsink.registry.pledge;
