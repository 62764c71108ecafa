package org.carbonsink.trading.auction;

import java.util.UUID;

/** Closes the auction once its window has ended; closing a closed auction changes nothing. */
public record CloseAuction(UUID auctionId) {
}
