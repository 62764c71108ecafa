package org.carbonsink.registry.project;

/** What the project lifecycle tells the other services, in the transaction of the change. */
public interface ProjectEvents {

    void registered(Project project);
}
