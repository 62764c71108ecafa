/**
 * The methodology catalogue: which methodologies exist (the CCER batch, and pilots and drafts for
 * the sink types CCER does not cover yet), their status, version, the ecosystems they cover, the
 * bounds of their crediting period, their buffer policy, their calculation method and their land
 * overlap tolerance. Owns the table {@code methodology}; the administrator edits it
 * ({@link org.carbonsink.registry.methodology.EditingMethodology}). Read by projects for eligibility.
 */
package org.carbonsink.registry.methodology;
