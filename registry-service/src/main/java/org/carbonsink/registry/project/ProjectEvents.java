package org.carbonsink.registry.project;

import org.carbonsink.registry.methodology.Methodology;

/** What the project lifecycle tells the other services, in the transaction of the change. */
public interface ProjectEvents {

    /** The project was registered under {@code methodology}. */
    void registered(Project project, Methodology methodology);

    /**
     * A project known to the other services (registered before) was suspended, resumed, cancelled
     * or revoked; {@code reason} in the words of whoever did it. {@code issuanceBlocked} is true in
     * every state but REGISTERED, and in REGISTERED while a reversal is not yet made good.
     */
    void stateChanged(Project project, String reason, boolean issuanceBlocked);
}
