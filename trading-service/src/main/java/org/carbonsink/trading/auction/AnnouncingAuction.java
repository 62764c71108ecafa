package org.carbonsink.trading.auction;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.trading.instrument.Instrument;
import org.carbonsink.trading.instrument.Instruments;
import org.carbonsink.trading.offbook.ListedInstruments;
import org.carbonsink.trading.offbook.SellerCredits;
import org.carbonsink.trading.order.Traders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Announces an auction and asks the registry to hold the credits under the auction's id. */
@Component
public class AnnouncingAuction {

    /**
     * How far {@code startsAt} may lie behind the exchange's clock: a caller's clock running a few seconds
     * ahead, or a request in flight, is not a start in the past. Beyond it the auction would open with part
     * of its announced window already gone, so it is refused naming {@code startsAt} (docs/trading-modes.md).
     */
    static final Duration START_SKEW = Duration.ofSeconds(5);

    private final Instruments instruments;
    private final Auctions auctions;
    private final SellerCredits credits;
    private final Clock clock;
    private final Traders traders;

    AnnouncingAuction(Instruments instruments, Auctions auctions, SellerCredits credits, Clock clock, Traders traders) {
        this.instruments = instruments;
        this.auctions = auctions;
        this.credits = credits;
        this.clock = clock;
        this.traders = traders;
    }

    @Transactional
    public Auction announce(AnnounceAuction command) {
        traders.requireTrading(command.sellerId());
        Instant now = Instant.now(clock);
        Instant startsAt = command.startsAt() == null ? now : command.startsAt();
        if (startsAt.isBefore(now.minus(START_SKEW))) {
            throw ProblemException.invalidField("startsAt", "NotPast", "must not be more than "
                    + START_SKEW.toSeconds() + " s before the exchange's clock (" + now + "); omit it to start now");
        }
        if (!command.endsAt().isAfter(now)) {
            throw ProblemException.invalidField("endsAt", "Future", "must be in the future");
        }
        if (!command.endsAt().isAfter(startsAt)) {
            throw ProblemException.invalidField("endsAt", "AfterStart", "must be after startsAt");
        }
        Instrument instrument = ListedInstruments.requireTrading(instruments, command.instrumentId());
        Auction auction = new Auction(UUID.randomUUID(), instrument.id(), command.sellerId(), command.quantity(),
                command.floorPrice().setScale(2, RoundingMode.UNNECESSARY), startsAt, command.endsAt(),
                AuctionStatus.PENDING_HOLD, null, 0, now, null);
        auctions.add(auction);
        credits.hold(auction.id(), instrument, auction.sellerId(), auction.quantity());
        return auction;
    }
}
