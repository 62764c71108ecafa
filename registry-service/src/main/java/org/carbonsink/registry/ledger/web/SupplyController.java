package org.carbonsink.registry.ledger.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.registry.ledger.Supply;
import org.carbonsink.registry.ledger.core.SerialBlock;
import org.carbonsink.registry.ledger.core.SerialRange;
import org.carbonsink.registry.participant.Accounts;
import org.carbonsink.support.web.CsvMessageConverter;
import org.carbonsink.support.web.KeysetPage;
import org.carbonsink.support.web.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public figures of the ledger: supply per project and vintage, the buffer pool, one serial's story. */
@RestController
@RequestMapping("/ledger")
class SupplyController {

    private final Supply supply;

    SupplyController(Supply supply) {
        this.supply = supply;
    }

    record SupplyView(UUID projectId, String projectCode, int vintage, long issued, long available, long held,
            long pledged, long retired, long cancelled, long buffer, long bufferDeposited, long bufferCancelled) {

        static SupplyView of(Supply.VintageSupply s) {
            return new SupplyView(s.projectId(), s.projectCode(), s.vintage(), s.issued(), s.available(), s.held(),
                    s.pledged(), s.retired(), s.cancelled(), s.buffer(), s.bufferDeposited(), s.bufferCancelled());
        }
    }

    /** By project code and vintage; {@code after} is the {@code next} of the page before. */
    @GetMapping("/supply")
    CursorPage<SupplyView> supply(@RequestParam(required = false) UUID projectId,
            @RequestParam(defaultValue = KeysetPage.DEFAULT_LIMIT) @Min(1) @Max(KeysetPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String after) {
        String code = "";
        int vintage = 0;
        if (after != null && !after.isBlank()) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("/");
                code = parts[0];
                vintage = Integer.parseInt(parts[1]);
            } catch (RuntimeException e) {
                throw ProblemException.invalidField("after", "cursor", "is not a cursor this list gave out");
            }
        }
        return CursorPage.counted(KeysetPage.of(supply.page(projectId, code, vintage, limit + 1), limit,
                (Supply.VintageSupply s) -> Base64.getUrlEncoder().withoutPadding().encodeToString(
                        (s.projectCode() + "/" + s.vintage()).getBytes(StandardCharsets.UTF_8)),
                SupplyView::of), null);
    }

    @GetMapping(path = "/supply", produces = CsvMessageConverter.TEXT_CSV_VALUE)
    ResponseEntity<String> supplyCsv(@RequestParam(required = false) UUID projectId,
            @RequestParam(defaultValue = KeysetPage.DEFAULT_LIMIT) @Min(1) @Max(KeysetPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String after, HttpServletRequest request) {
        return supply(projectId, limit, after).asCsv(List.of("projectCode", "vintage", "issued", "available",
                "held", "retired", "cancelled", "buffer", "bufferDeposited", "bufferCancelled", "pledged"),
                s -> List.of(s.projectCode(), s.vintage(), s.issued(), s.available(), s.held(), s.retired(),
                        s.cancelled(), s.buffer(), s.bufferDeposited(), s.bufferCancelled(), s.pledged()), request);
    }

    record BufferPoolView(long deposited, long available, long cancelledForReversals, long reversals,
            long shortfall) {
    }

    /** The pooled buffer as a whole; per project and vintage it is in {@code /ledger/supply}. */
    @GetMapping("/buffer-pool")
    BufferPoolView bufferPool() {
        Supply.PoolTotals t = supply.poolTotals();
        return new BufferPoolView(t.deposited(), t.available(), t.cancelledForReversals(), t.reversals(),
                t.shortfall());
    }

    record MovementView(long id, Instant at, String kind, long first, long last, UUID referenceId) {
    }

    /**
     * Where a serial is and what happened to it. The holder's account is shown only once the
     * serial can no longer move (retired or cancelled, both public records); {@code bufferPool} says
     * whether the serial is one of the pooled buffer's (deposited there at issuance, the pool being public),
     * which no one transfers, sells or retires even while it is AVAILABLE.
     */
    record SerialView(long serial, String block, UUID projectId, String projectCode, int vintage,
            SerialBlock.State state, boolean bufferPool, UUID accountId, UUID retirementId, UUID cancellationId,
            List<MovementView> movements, Long next) {
    }

    /**
     * One serial's story, by its number or by a block's display form as certificates and issuances show it
     * ({@code CSR-P000001-2025-000000001-000006435}): a block answers its first serial's story, and only when
     * its first and last serials are of the project and vintage it names.
     */
    @GetMapping("/serials/{serial}")
    SerialView serial(@Parameter(description = "a serial number, or a block in its display form",
            schema = @Schema(type = "string", pattern = "^([0-9]{1,19}|" + SerialRange.REGISTRY
                    + "-.+-[0-9]{4}-[0-9]{1,18}-[0-9]{1,18})$", example = "987654321")) @PathVariable String serial,
            @RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = KeysetPage.DEFAULT_LIMIT) @Min(1) @Max(KeysetPage.MAX_LIMIT) int limit) {
        Optional<SerialRange> named = SerialRange.parse(serial);
        long number = named.isPresent() ? named.get().first() : serialNumber(serial);
        Supply.SerialTrace trace = supply.trace(number, after, limit + 1)
                .orElseThrow(() -> ProblemException.notFound("serial", serial));
        SerialBlock b = trace.block();
        if (named.isPresent() && !namesItsBlock(named.get(), b)) {
            throw ProblemException.notFound("serial", serial);
        }
        KeysetPage<MovementView> page = KeysetPage.of(trace.movements(), limit, m -> String.valueOf(m.id()),
                m -> new MovementView(m.id(), m.at(), m.kind(), m.firstSerial(), m.lastSerial(), m.referenceId()));
        return new SerialView(number, b.range().serial(), b.projectId(), b.projectCode(), b.vintage(), b.state(),
                Accounts.BUFFER_POOL.equals(b.accountId()), b.state().isFinal() ? b.accountId() : null,
                b.retirementId(), b.cancellationId(), page.items(),
                page.next() == null ? null : Long.valueOf(page.next()));
    }

    /** Whether a block's display form names the project and vintage of the blocks holding its first and last serials. */
    private boolean namesItsBlock(SerialRange named, SerialBlock first) {
        return named.projectCode().equals(first.projectCode()) && named.vintage() == first.vintage()
                && supply.holding(named.last())
                        .filter(last -> last.projectId().equals(first.projectId()) && last.vintage() == first.vintage())
                        .isPresent();
    }

    /** A serial given by its number (a block's display form is {@link SerialRange#parse}d instead). */
    private static long serialNumber(String serial) {
        long number;
        try {
            number = !serial.isEmpty() && serial.chars().allMatch(c -> c >= '0' && c <= '9') ? Long.parseLong(serial) : -1;
        } catch (NumberFormatException tooLarge) {
            throw ProblemException.invalidField("serial", "Max", "must be less than or equal to " + Long.MAX_VALUE);
        }
        if (number == -1) {
            throw ProblemException.invalidField("serial", "serial-or-block",
                    "must be a serial number or a block such as CSR-P000001-2025-000000001-000006435");
        }
        if (number < 1) {
            throw ProblemException.invalidField("serial", "Min", "must be greater than or equal to 1");
        }
        return number;
    }
}
