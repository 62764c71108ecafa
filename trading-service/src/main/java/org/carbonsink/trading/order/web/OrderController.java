package org.carbonsink.trading.order.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.concurrent.TimeUnit;
import org.carbonsink.support.web.AnyCaller;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.IdempotencyFilter;
import org.carbonsink.support.web.Locations;
import org.carbonsink.support.web.Page;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.support.web.ProblemException.FieldProblem;
import org.carbonsink.support.web.ProblemHandler;
import org.carbonsink.support.web.Refuses;
import org.carbonsink.trading.instrument.Instruments;
import org.carbonsink.trading.matching.Side;
import org.carbonsink.trading.order.AmendingOrder;
import org.carbonsink.trading.order.AmendingOrder.AmendOrder;
import org.carbonsink.trading.order.CancellingOrder;
import org.carbonsink.trading.order.CancellingOrder.CancelOrder;
import org.carbonsink.trading.order.Order;
import org.carbonsink.trading.order.OrderStatus;
import org.carbonsink.trading.order.Orders;
import org.carbonsink.trading.order.PlaceOrder;
import org.carbonsink.trading.order.PlacingOrder;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A participant's own orders. */
@RestController
@RequestMapping("/orders")
class OrderController {

    private final PlacingOrder placing;
    private final CancellingOrder cancelling;
    private final AmendingOrder amending;
    private final Orders orders;
    private final Validator validator;
    private final SpringValidatorAdapter fieldValidator;
    private final OrderOutcomes outcomes;
    private final Instruments instruments;

    OrderController(PlacingOrder placing, CancellingOrder cancelling, AmendingOrder amending, Orders orders,
            Validator validator, OrderOutcomes outcomes, Instruments instruments) {
        this.placing = placing;
        this.cancelling = cancelling;
        this.amending = amending;
        this.orders = orders;
        this.validator = validator;
        this.fieldValidator = new SpringValidatorAdapter(validator);
        this.outcomes = outcomes;
        this.instruments = instruments;
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/{id}/cancellation")
    OrderView cancel(Caller caller, @PathVariable UUID id) {
        return view(cancelling.cancel(new CancelOrder(id, caller.participantId())));
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PatchMapping("/{id}")
    OrderView amend(Caller caller, @PathVariable UUID id, @Valid @RequestBody AmendOrderRequest request) {
        return view(amending.amend(new AmendOrder(id, caller.participantId(), request.limitPrice(),
                request.quantity())));
    }

    /**
     * Places one order. Its Idempotency-Key is recorded with the order itself, in the book writer's commit
     * (the key's filter only hashes the request): a repeat is answered the order placed first, with
     * {@code Idempotent-Replayed: true}.
     */
    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<OrderView> place(Caller caller, @RequestBody PlaceOrderRequest request,
            @Parameter(hidden = true) @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String key,
            @Parameter(hidden = true) @RequestAttribute(name = IdempotencyFilter.REQUEST_HASH, required = false)
            String requestHash) throws MethodArgumentNotValidException {
        if (!request.meetsConstraints()) {
            throw invalid(request);
        }
        long start = System.nanoTime();
        PlacingOrder.Placement placed;
        try {
            placed = placing.place(request.toCommand(caller.participantId()), key, requestHash);
        } catch (ProblemException refused) {
            outcomes.rejected(refused.slug());
            throw refused;
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.CREATED)
                .location(Locations.of("/orders/" + placed.order().id()));
        if (placed.replayed()) {
            answer.header(IdempotencyFilter.REPLAYED, "true");
        } else {
            outcomes.latency().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            outcomes.accepted();
        }
        return answer.body(view(placed.order()));
    }

    /**
     * What {@code @Valid} on the order would throw, for an order that breaks a constraint: the validator names
     * each field and rule. An order that keeps them is checked by hand ({@link PlaceOrderRequest#meetsConstraints}),
     * as a batch's orders are: the validator's reflection per field was a cost of every single order that a
     * public GET does not pay (docs/benchmarks.md, "Single orders").
     */
    private MethodArgumentNotValidException invalid(PlaceOrderRequest request) {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(request, "placeOrderRequest");
        fieldValidator.validate(request, errors);
        return new MethodArgumentNotValidException(PLACE_BODY, errors);
    }

    /** The order parameter of {@link #place}, as the exception of a failed {@code @Valid} names it. */
    private static final MethodParameter PLACE_BODY = placeBody();

    private static MethodParameter placeBody() {
        try {
            return new MethodParameter(OrderController.class.getDeclaredMethod("place", Caller.class,
                    PlaceOrderRequest.class, String.class, String.class), 1);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Up to 1,000 orders in one request, each checked and placed on its own: one order's refusal does not
     * refuse the others. Answers 200 with a result per order, in the order given: each order in full, or
     * with {@code Prefer: return=minimal} (RFC 7240) its id and state only ({@link BatchOrderSummary}).
     */
    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/batch")
    ResponseEntity<?> placeAll(Caller caller, @Valid @RequestBody BatchOrderRequest request,
            @Parameter(hidden = true) @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String key,
            @Parameter(hidden = true) @RequestAttribute(name = IdempotencyFilter.REQUEST_HASH, required = false)
            String requestHash,
            @RequestHeader(name = "Prefer", required = false) String prefer) {
        List<Outcome> done = placeAll(caller, request, key, requestHash);
        int ok = 0;
        for (Outcome outcome : done) {
            ok += outcome.status() == 201 ? 1 : 0;
        }
        int refused = done.size() - ok;
        if (prefer == null || !prefer.contains("return=minimal")) {
            Map<UUID, BigDecimal> averagePrices = orders.averagePrices(
                    done.stream().map(Outcome::order).filter(Objects::nonNull).toList());
            List<BatchOrderView.Item> items = new ArrayList<>(done.size());
            for (Outcome o : done) {
                items.add(new BatchOrderView.Item(o.index(), o.status(),
                        o.order() == null ? null : OrderView.of(o.order(), averagePrices.get(o.order().id())), o.problem()));
            }
            return ResponseEntity.ok(new BatchOrderView(ok, refused, items));
        }
        // the minimal answer names no price: the orders' average prices are not looked up, nor their views built
        List<BatchOrderSummary.Item> items = new ArrayList<>(done.size());
        for (Outcome o : done) {
            items.add(new BatchOrderSummary.Item(o.index(), o.status(), o.order() == null ? null : o.order().id(),
                    o.order() == null ? null : o.order().status(), o.problem()));
        }
        return ResponseEntity.ok().header("Preference-Applied", "return=minimal")
                .body(new BatchOrderSummary(ok, refused, items));
    }

    /** What became of one order of a batch: placed (201, the order) or refused (its status and problem). */
    private record Outcome(int index, int status, Order order, Map<String, Object> problem) {
    }

    /** Each order of the batch placed or refused, in the order given. */
    private List<Outcome> placeAll(Caller caller, BatchOrderRequest request, String key, String requestHash) {
        List<PlaceOrderRequest> items = request.orders();
        Outcome[] results = new Outcome[items.size()];
        List<PlaceOrder> valid = new ArrayList<>(items.size());
        int[] validIndex = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            PlaceOrderRequest item = items.get(i);
            Map<String, Object> problem = problemOf(item);
            if (problem == null) {
                validIndex[valid.size()] = i;
                valid.add(item.toCommand(caller.participantId()));
            } else {
                results[i] = new Outcome(i, 400, null, problem);
            }
        }
        long start = System.nanoTime();
        List<PlacingOrder.Placed> placed = placing.placeAll(valid, key, requestHash);
        long took = System.nanoTime() - start;
        for (int k = 0; k < items.size() - valid.size(); k++) {
            outcomes.rejected("invalid");
        }
        int accepted = 0;
        for (int k = 0; k < placed.size(); k++) {
            PlacingOrder.Placed p = placed.get(k);
            int index = validIndex[k];
            if (p.order() != null) {
                // each order of the batch waited for the whole batch
                outcomes.latency().record(took, TimeUnit.NANOSECONDS);
                accepted++;
                results[index] = new Outcome(index, 201, p.order(), null);
            } else {
                outcomes.rejected(p.refusal().slug());
                results[index] = new Outcome(index, p.refusal().status().value(), null, problem(p.refusal()));
            }
        }
        outcomes.accepted(accepted);
        return Arrays.asList(results);
    }

    @GetMapping("/{id}")
    OrderView get(Caller caller, @PathVariable UUID id) {
        Order order = orders.find(id).orElseThrow(() -> ProblemException.notFound("order", id));
        if (!order.participantId().equals(caller.participantId())) {
            throw ProblemException.forbidden("an order is visible to the participant who placed it only");
        }
        return view(order);
    }

    /** The caller's orders, newest first, narrowed by every filter given (AND); as CSV with {@code Accept: text/csv}. */
    @AnyCaller
    @Refuses(HttpStatus.NOT_FOUND)
    @GetMapping
    Page<OrderView> list(Caller caller, @RequestParam(required = false) OrderStatus status,
            @Parameter(description = "only the orders of this instrument") @RequestParam(required = false)
            String instrumentId,
            @Parameter(description = "only the orders of this side") @RequestParam(required = false) Side side,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        instruments.requireListedIfNamed(instrumentId);
        List<Order> page = orders.of(caller.participantId(), status, instrumentId, side, limit, offset);
        Map<UUID, BigDecimal> averagePrices = orders.averagePrices(page);
        return new Page<>(page.stream().map(o -> OrderView.of(o, averagePrices.get(o.id()))).toList(),
                limit, offset, orders.countOf(caller.participantId(), status, instrumentId, side));
    }

    /** The order with its average price (looked up only when it has a fill). */
    private OrderView view(Order order) {
        return OrderView.of(order, orders.averagePrices(List.of(order)).get(order.id()));
    }

    private static Map<String, Object> problem(ProblemException e) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemHandler.TYPE_PREFIX + e.slug());
        problem.put("title", e.title());
        problem.put("status", e.status().value());
        problem.put("detail", e.getMessage());
        problem.putAll(e.properties());
        return problem;
    }

    /** Why one order of a batch cannot be placed as sent, or null when it can. */
    private Map<String, Object> problemOf(PlaceOrderRequest item) {
        if (item == null) {
            return validation(List.of(new FieldProblem("", "NotNull", "must be an order")));
        }
        if (item.meetsConstraints()) {
            // the common case, answered without the validator's reflection
            return null;
        }
        Set<ConstraintViolation<PlaceOrderRequest>> violations = validator.validate(item);
        if (violations.isEmpty()) {
            return null;
        }
        return validation(violations.stream().map(v -> new FieldProblem(v.getPropertyPath().toString(),
                v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field)).toList());
    }

    private static Map<String, Object> validation(List<FieldProblem> errors) {
        return problem(ProblemException.invalidField("orders", "Valid", "has an invalid order")
                .with("errors", errors));
    }
}
