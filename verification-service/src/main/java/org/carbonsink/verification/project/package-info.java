/**
 * Projects as the registry registered them: the read model verification checks reports against
 * (owner, area, validator, buffer rate). It is filled only from {@code ProjectRegistered}.
 */
package org.carbonsink.verification.project;
