/** Trace context carried across the outbox, from the request that wrote an event to its send. */
package org.carbonsink.support.tracing;
