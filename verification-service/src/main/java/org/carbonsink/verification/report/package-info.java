/**
 * Monitoring reports: the owner submits the field measurements of a monitoring period, the service
 * computes the removals at once, and the verifier, who must not be the project's validator (CCER),
 * approves or rejects them. An approved report is announced to the registry, which issues exactly
 * its verified credits.
 */
package org.carbonsink.verification.report;
