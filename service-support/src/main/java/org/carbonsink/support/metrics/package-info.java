/** Helpers for the services' domain metrics (docs/observability.md lists them). */
package org.carbonsink.support.metrics;
