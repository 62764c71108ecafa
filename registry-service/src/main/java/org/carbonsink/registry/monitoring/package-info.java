/** The registry's domain metrics read from its ledger: credits issued and retired. docs/observability.md lists every metric. */
package org.carbonsink.registry.monitoring;
