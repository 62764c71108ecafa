/**
 * Provenance of a calculation: every input (field data, each parameter with its source, method,
 * methodology version, parameter table version, formula version) written as canonical JSON, and the
 * SHA-256 over it. Anyone holding the text can recompute the credits and check the hash.
 */
package org.carbonsink.verification.provenance;
