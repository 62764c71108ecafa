/**
 * Instruments: what can be traded, one per project and vintage, listed when the registry issues
 * credits for it.
 */
package org.carbonsink.trading.instrument;
