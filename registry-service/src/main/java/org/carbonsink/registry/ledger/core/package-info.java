/**
 * The ledger's arithmetic of serial blocks as plain Java (no framework, no database; held to it by
 * the architecture test): a {@code BlockMove} takes a quantity or a named range out of blocks,
 * splits at the edges, merges adjacent blocks of one issuance and placement, and refuses any move
 * that would lose, duplicate or move a retired or cancelled serial. {@code Conservation} checks a
 * whole set of blocks.
 */
package org.carbonsink.registry.ledger.core;
