/**
 * Sink projects through their CCER lifecycle (docs/project-lifecycle.md): the owner's design, its
 * public disclosure and comments, the validator's report, the application and the registry's
 * decision, suspension, cancellation and revocation. Owns the tables {@code project},
 * {@code project_comment} and {@code validation_report}.
 *
 * <p>The API other features use: {@link org.carbonsink.registry.project.Projects} and
 * {@link org.carbonsink.registry.project.Project} (the ledger reads a project's status to freeze its
 * credits), and the port {@link org.carbonsink.registry.project.ProjectCredits} that the ledger
 * implements for revocation. {@link org.carbonsink.registry.project.ProjectLifecycle} holds the
 * transitions, {@link org.carbonsink.registry.project.Eligibility} the CCER eligibility rules,
 * {@link org.carbonsink.registry.project.Boundary} the land and its measurement; the use cases are
 * named for their acts ({@code DraftingProject}, {@code OpeningDisclosure}, ...). Adapters:
 * {@code web} (the HTTP API), {@code messaging} ({@code ProjectRegistered},
 * {@code ProjectStateChanged} on the outbox).
 */
package org.carbonsink.registry.project;
