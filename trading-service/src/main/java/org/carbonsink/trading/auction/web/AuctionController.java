package org.carbonsink.trading.auction.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.carbonsink.support.web.AnyCaller;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.Locations;
import org.carbonsink.support.web.Page;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.support.web.Refuses;
import org.carbonsink.trading.auction.AnnounceAuction;
import org.carbonsink.trading.auction.AnnouncingAuction;
import org.carbonsink.trading.auction.Auction;
import org.carbonsink.trading.auction.AuctionStatus;
import org.carbonsink.trading.auction.Auctions;
import org.carbonsink.trading.auction.Bids;
import org.carbonsink.trading.auction.CloseAuction;
import org.carbonsink.trading.auction.ClosingAuction;
import org.carbonsink.trading.auction.PlaceBid;
import org.carbonsink.trading.auction.PlacingBid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * One-way auctions: any participant announces one for its own credits and bids in others'; each
 * bidder sees its own bids only. The close is automatic at the end of the window; the seller or the
 * exchange operator may also ask for it then (it is idempotent).
 */
@RestController
@RequestMapping("/auctions")
class AuctionController {

    static final String OPERATOR = "EXCHANGE_OPERATOR";

    private final AnnouncingAuction announcing;
    private final PlacingBid bidding;
    private final ClosingAuction closing;
    private final Auctions auctions;
    private final Bids bids;

    AuctionController(AnnouncingAuction announcing, PlacingBid bidding, ClosingAuction closing, Auctions auctions,
            Bids bids) {
        this.announcing = announcing;
        this.bidding = bidding;
        this.closing = closing;
        this.auctions = auctions;
        this.bids = bids;
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<AuctionView> announce(Caller caller, @Valid @RequestBody AnnounceAuctionRequest request) {
        AuctionView announced = AuctionView.of(announcing.announce(new AnnounceAuction(caller.participantId(),
                request.instrumentId(), request.quantity(), request.floorPrice(), request.startsAt(), request.endsAt())));
        return ResponseEntity.created(Locations.of("/auctions/" + announced.id())).body(announced);
    }

    @AnyCaller
    @GetMapping
    Page<AuctionView> list(@RequestParam(required = false) AuctionStatus status,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        return new Page<>(auctions.list(status, limit, offset).stream().map(AuctionView::of).toList(), limit, offset,
                auctions.count(status));
    }

    @AnyCaller
    @GetMapping("/{id}")
    AuctionView get(@PathVariable UUID id) {
        return AuctionView.of(find(id));
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/{id}/bids")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<BidView> bid(Caller caller, @PathVariable UUID id, @Valid @RequestBody BidRequest request) {
        // a bid has no address of its own: the bidder reads it among its bids on the auction
        return ResponseEntity.created(Locations.of("/auctions/" + id + "/bids")).body(
                BidView.of(bidding.place(new PlaceBid(id, caller.participantId(), request.quantity(), request.price()))));
    }

    // the caller's own bids: another's are not refused, they are not in the list
    @AnyCaller
    @GetMapping("/{id}/bids")
    List<BidView> myBids(Caller caller, @PathVariable UUID id) {
        find(id);
        return bids.of(id, caller.participantId()).stream().map(BidView::of).toList();
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/{id}/close")
    AuctionView close(Caller caller, @PathVariable UUID id) {
        Auction auction = find(id);
        if (!caller.is(auction.sellerId()) && !caller.has(OPERATOR)) {
            throw ProblemException.forbidden("only the seller or the exchange operator closes an auction");
        }
        return AuctionView.of(closing.close(new CloseAuction(id)));
    }

    private Auction find(UUID id) {
        return auctions.find(id).orElseThrow(() -> ProblemException.notFound("auction", id));
    }
}
