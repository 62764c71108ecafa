/**
 * Participants: the exchange's read model of who the registry registered, with a holding account and a
 * role. Only a participant registered in a trading role places orders.
 */
package org.carbonsink.trading.participant;
