/**
 * Monitoring reports and their verification: the owner submits field data, the service computes the
 * removals at once by the project's method and keeps every version with its provenance; the report is
 * disclosed for 20 working days; its assigned verifier (a registered VERIFIER, never the project's
 * validator nor its owner) takes it up, may ask for changes (a new version), and approves or rejects
 * it once the disclosure is over. An approval is announced to the registry with its vintages, and the
 * report is ISSUED when the registry has issued every vintage. Every transition is recorded.
 */
package org.carbonsink.verification.report;
