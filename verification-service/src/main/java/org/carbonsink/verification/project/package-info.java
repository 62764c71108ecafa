/**
 * Projects as the registry registered them: the read model verification checks reports against
 * (owner, area, validator, buffer rate, calculation method, crediting period, state). It is filled
 * only from the registry's {@code ProjectRegistered} and {@code ProjectStateChanged}.
 */
package org.carbonsink.verification.project;
