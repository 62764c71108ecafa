package org.carbonsink.trading.blocktrade.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.carbonsink.support.web.AnyCaller;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.Locations;
import org.carbonsink.support.web.Page;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.support.web.Refuses;
import org.carbonsink.trading.blocktrade.AcceptBlockTrade;
import org.carbonsink.trading.blocktrade.AcceptingBlockTrade;
import org.carbonsink.trading.blocktrade.BlockTrade;
import org.carbonsink.trading.blocktrade.BlockTradeStatus;
import org.carbonsink.trading.blocktrade.BlockTrades;
import org.carbonsink.trading.blocktrade.EndBlockTrade;
import org.carbonsink.trading.blocktrade.EndingBlockTrade;
import org.carbonsink.trading.blocktrade.ProposeBlockTrade;
import org.carbonsink.trading.blocktrade.ProposingBlockTrade;
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

/** Block agreements between two participants; each is visible to its seller and its buyer only. */
@RestController
@RequestMapping("/block-trades")
class BlockTradeController {

    private final ProposingBlockTrade proposing;
    private final AcceptingBlockTrade accepting;
    private final EndingBlockTrade ending;
    private final BlockTrades blockTrades;

    BlockTradeController(ProposingBlockTrade proposing, AcceptingBlockTrade accepting, EndingBlockTrade ending,
            BlockTrades blockTrades) {
        this.proposing = proposing;
        this.accepting = accepting;
        this.ending = ending;
        this.blockTrades = blockTrades;
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<BlockTradeView> propose(Caller caller, @Valid @RequestBody ProposeBlockTradeRequest request) {
        BlockTradeView proposed = BlockTradeView.of(proposing.propose(new ProposeBlockTrade(caller.participantId(),
                request.buyerId(), request.instrumentId(), request.quantity(), request.price(), request.expiresAt())));
        return ResponseEntity.created(Locations.of("/block-trades/" + proposed.id())).body(proposed);
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/{id}/acceptance")
    BlockTradeView accept(Caller caller, @PathVariable UUID id) {
        return BlockTradeView.of(accepting.accept(new AcceptBlockTrade(id, caller.participantId())));
    }

    @Refuses(HttpStatus.CONFLICT)
    @PostMapping("/{id}/rejection")
    BlockTradeView decline(Caller caller, @PathVariable UUID id) {
        return BlockTradeView.of(ending.end(new EndBlockTrade(id, caller.participantId(), BlockTradeStatus.DECLINED)));
    }

    @Refuses(HttpStatus.CONFLICT)
    @PostMapping("/{id}/cancellation")
    BlockTradeView cancel(Caller caller, @PathVariable UUID id) {
        return BlockTradeView.of(ending.end(new EndBlockTrade(id, caller.participantId(), BlockTradeStatus.CANCELLED)));
    }

    @GetMapping("/{id}")
    BlockTradeView get(Caller caller, @PathVariable UUID id) {
        BlockTrade found = blockTrades.find(id).orElseThrow(() -> ProblemException.notFound("block trade", id));
        if (!found.involves(caller.participantId())) {
            throw ProblemException.forbidden("a block trade is visible to its seller and its buyer only");
        }
        return BlockTradeView.of(found);
    }

    /** The caller's own block trades, as seller or buyer. */
    @AnyCaller
    @GetMapping
    Page<BlockTradeView> list(Caller caller,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        return new Page<>(blockTrades.of(caller.participantId(), limit, offset).stream().map(BlockTradeView::of)
                .toList(), limit, offset, blockTrades.countOf(caller.participantId()));
    }
}
