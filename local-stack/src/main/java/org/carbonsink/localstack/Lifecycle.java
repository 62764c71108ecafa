package org.carbonsink.localstack;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.carbonsink.client.CarbonsinkClient;
import org.carbonsink.client.registry.api.AccountApi;
import org.carbonsink.client.registry.api.AuditApi;
import org.carbonsink.client.registry.api.IssuanceApi;
import org.carbonsink.client.registry.api.ParticipantApi;
import org.carbonsink.client.registry.api.ProjectApi;
import org.carbonsink.client.registry.api.ReversalApi;
import org.carbonsink.client.registry.api.SupplyApi;
import org.carbonsink.client.registry.model.AccountView;
import org.carbonsink.client.registry.model.AuditStatusView;
import org.carbonsink.client.registry.model.CommentRequest;
import org.carbonsink.client.registry.model.CommentView;
import org.carbonsink.client.registry.model.CursorPageIssuanceView;
import org.carbonsink.client.registry.model.CursorPageSupplyView;
import org.carbonsink.client.registry.model.GeoJsonGeometry;
import org.carbonsink.client.registry.model.IssuanceView;
import org.carbonsink.client.registry.model.LedgerCheckView;
import org.carbonsink.client.registry.model.ParticipantView;
import org.carbonsink.client.registry.model.ProjectDesignRequest;
import org.carbonsink.client.registry.model.ProjectView;
import org.carbonsink.client.registry.model.RegisterParticipantRequest;
import org.carbonsink.client.registry.model.RetireRequest;
import org.carbonsink.client.registry.model.RetirementView;
import org.carbonsink.client.registry.model.ReversalRequest;
import org.carbonsink.client.registry.model.ReversalView;
import org.carbonsink.client.registry.model.RiskRatingRequest;
import org.carbonsink.client.registry.model.TransferRequest;
import org.carbonsink.client.registry.model.TransferView;
import org.carbonsink.client.registry.model.ValidationReportRequest;
import org.carbonsink.client.registry.model.ValidationReportView;
import org.carbonsink.client.trading.api.AuctionApi;
import org.carbonsink.client.trading.api.BlockTradeApi;
import org.carbonsink.client.trading.api.BlockTradeRuleApi;
import org.carbonsink.client.trading.api.CashAccountApi;
import org.carbonsink.client.trading.api.InstrumentApi;
import org.carbonsink.client.trading.api.MarketDataApi;
import org.carbonsink.client.trading.api.OrderApi;
import org.carbonsink.client.trading.api.TradeApi;
import org.carbonsink.client.trading.model.AnnounceAuctionRequest;
import org.carbonsink.client.trading.model.AuctionResult;
import org.carbonsink.client.trading.model.AuctionView;
import org.carbonsink.client.trading.model.BidRequest;
import org.carbonsink.client.trading.model.BlockTradeResult;
import org.carbonsink.client.trading.model.BlockTradeRuleRequest;
import org.carbonsink.client.trading.model.BlockTradeRuleView;
import org.carbonsink.client.trading.model.BlockTradeView;
import org.carbonsink.client.trading.model.CashAccountView;
import org.carbonsink.client.trading.model.DepositRequest;
import org.carbonsink.client.trading.model.InstrumentView;
import org.carbonsink.client.trading.model.OrderView;
import org.carbonsink.client.trading.model.PageAuctionResult;
import org.carbonsink.client.trading.model.PageBlockTradeResult;
import org.carbonsink.client.trading.model.PageTradeView;
import org.carbonsink.client.trading.model.PlaceOrderRequest;
import org.carbonsink.client.trading.model.ProposeBlockTradeRequest;
import org.carbonsink.client.trading.model.TradeView;
import org.carbonsink.client.verification.api.ReportApi;
import org.carbonsink.client.verification.model.DecisionRequest;
import org.carbonsink.client.verification.model.ReportView;
import org.carbonsink.client.verification.model.StratumRequest;
import org.carbonsink.client.verification.model.SubmitReportRequest;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TokenClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole lifecycle of a sink credit, step by step, through the gateway as its users would
 * call it, each with a token from the authorization server, with the Java client generated from the
 * services' OpenAPI descriptions (module api-client): participants; a project drafted,
 * publicly disclosed (with a public comment), validated, applied for and registered; a monitoring
 * report submitted, disclosed and verified; issuance per vintage; a sell order held by the registry,
 * a crossing buy and settlement; a transfer; a retirement; a block trade and a one-way auction off
 * the book; a pledge to a bank and its release; a reversal that cancels buffer credits.
 * The demo prints each step; the end-to-end test asserts after each.
 *
 * <p>The disclosure windows are shortened by {@link #SHORT_WINDOWS} (the rules' 20 working days
 * stay the defaults everywhere else).
 */
public final class Lifecycle {

    /** Subjects of the authorization server's seeded users (docs/identity.md). */
    public static final UUID REGISTRY_ADMINISTRATOR = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    public static final UUID OWNER = UUID.fromString("10000000-0000-0000-0000-000000000001");
    public static final UUID VERIFIER = UUID.fromString("10000000-0000-0000-0000-000000000002");
    public static final UUID VALIDATOR = UUID.fromString("10000000-0000-0000-0000-000000000003");
    public static final UUID TRADER = UUID.fromString("10000000-0000-0000-0000-000000000004");
    public static final UUID OPERATOR = UUID.fromString("10000000-0000-0000-0000-000000000005");
    /** The vintage the demo trades: the report covers 2022 to 2025, one issuance per year. */
    public static final int VINTAGE = 2025;
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    // only to print the fields a step shows, as JSON
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Settings for a demonstration that cannot wait 20 working days twice: the project's disclosure
     * lasts 5 seconds of real time, the monitoring report's none, and the exchange takes
     * participants' own deposits (the {@code demo} profile). Never for a real registry.
     */
    public static final List<String> SHORT_WINDOWS = List.of(
            "--carbonsink.projects.disclosure-shortened-to=PT5S",
            "--carbonsink.projects.disclosure-check=PT1S",
            "--carbonsink.verification.disclosure-working-days=0",
            "--spring.profiles.active=demo");

    /** Who plays which part. */
    public record Cast(UUID owner, UUID ownerAccount, UUID validator, UUID verifier, UUID buyer, UUID buyerAccount) {
    }

    /** A call of the generated client; it throws the service's {@code ApiException} when refused. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws Exception;
    }

    private final ApiClient gateway;
    private final CarbonsinkClient client;
    private final String authServer;
    private final Consumer<String> out;
    private final Map<UUID, String> tokens = new HashMap<>();

    public Lifecycle(ApiClient gateway, String authServer, Consumer<String> out) {
        this.gateway = gateway;
        this.client = CarbonsinkClient.of(gateway.baseUrl());
        this.authServer = authServer;
        this.out = out;
    }

    /** Runs every step and prints what each one shows. */
    public void run() {
        out.accept("\n== Demo: the lifecycle of a forest sink credit, through " + "the gateway ==");
        Cast cast = registerParticipants();
        Listed listed = listCredits(cast);
        UUID projectId = listed.projectId();
        String instrument = listed.instrumentId();
        deposit(cast.buyer(), "100000.00");
        OrderView sell = placeOrder(cast.owner(), instrument, "SELL", 1000, "85.50");
        awaitOrder(cast.owner(), sell.getId(), "OPEN");
        placeOrder(cast.buyer(), instrument, "BUY", 400, "90.00");
        awaitSettledTrade(instrument);
        cashAccount(cast.owner());
        cashAccount(cast.buyer());
        transfer(cast, projectId, 100);
        retire(cast, projectId, VINTAGE, 150);
        cancelOrder(cast.owner(), sell.getId());
        tradeOffTheBook(cast, instrument);
        new PledgeDemo(this).run(cast.ownerAccount(), projectId, VINTAGE, 100);
        recordReversal(projectId, 50);
        supply(projectId);
        ledgerCheck(projectId);
        auditStatus();
        out.accept("== Demo complete: open " + gateway.baseUrl() + "/ for the public explorer ==\n");
    }

    /**
     * The two modes off the order book: a block agreement of 200 t at 86.00 (the last book price is its
     * reference) and a one-way auction of 100 t from 80.00 that two bids take 90 t of, each paying its
     * own price.
     */
    public void tradeOffTheBook(Cast cast, String instrument) {
        setBlockTradeRule(instrument, 100, "0.30");
        blockTrade(cast.owner(), cast.buyer(), instrument, 200, "86.00");
        auction(cast.owner(), cast.buyer(), instrument, 100, "80.00", Duration.ofSeconds(10),
                List.of(new BidRequest().quantity(60L).price(new BigDecimal("82.00")),
                        new BidRequest().quantity(30L).price(new BigDecimal("81.00"))));
    }

    /** A project whose credits of {@link #VINTAGE} are issued to the owner and listed on the exchange. */
    public record Listed(UUID projectId, String instrumentId) {
    }

    /** From a drafted project to credits issued and listed: steps 1 to 4 up to the first order. */
    public Listed listCredits(Cast cast) {
        UUID projectId = draftProject(cast).getId();
        openDisclosure(cast, projectId);
        commentPublicly(projectId);
        fileValidationReport(cast, projectId);
        applyForRegistration(cast, projectId);
        ProjectView registered = registerProject(projectId);
        awaitProjectKnownToVerification(projectId);
        UUID reportId = submitReport(cast, projectId).getId();
        discloseReport(cast, reportId);
        startVerification(cast, reportId);
        approveReport(cast, reportId);
        awaitIssuances(projectId, 4);
        String instrument = registered.getCode() + "-" + VINTAGE;
        awaitInstrument(instrument);
        return new Listed(projectId, instrument);
    }

    /** Logs the seeded users in and has the administrator register them as participants. */
    public Cast registerParticipants() {
        out.accept("0. Users log in at the authorization server (authorization code with PKCE)");
        tokens.put(REGISTRY_ADMINISTRATOR, TokenClient.login(authServer, "admin", "admin-password"));
        tokens.put(OWNER, TokenClient.login(authServer, "owner", "owner-password"));
        tokens.put(VERIFIER, TokenClient.login(authServer, "verifier", "verifier-password"));
        tokens.put(VALIDATOR, TokenClient.login(authServer, "validator", "validator-password"));
        tokens.put(TRADER, TokenClient.login(authServer, "trader", "trader-password"));
        tokens.put(OPERATOR, TokenClient.login(authServer, "operator", "operator-password"));
        tokens.put(PledgeDemo.LENDER, TokenClient.login(authServer, "lender", "lender-password"));
        ParticipantView owner = participant(OWNER, "Qiandongnan Forestry Co.",
                RegisterParticipantRequest.RoleEnum.PROJECT_OWNER);
        ParticipantView validator = participant(VALIDATOR, "China Quality Certification Centre (validation)",
                RegisterParticipantRequest.RoleEnum.VERIFIER);
        ParticipantView verifier = participant(VERIFIER, "China Environmental United Certification Center",
                RegisterParticipantRequest.RoleEnum.VERIFIER);
        ParticipantView buyer = participant(TRADER, "Hangzhou Green Logistics Co., Ltd.",
                RegisterParticipantRequest.RoleEnum.TRADER);
        return new Cast(owner.getId(), owner.getAccountId(), validator.getId(), verifier.getId(), buyer.getId(),
                buyer.getAccountId());
    }

    /** The gateway, with the participant's token, for plain HTTP. */
    public ApiClient as(UUID participant) {
        return gateway.withToken(token(participant));
    }

    /** The generated client through the gateway, with the participant's token. */
    public CarbonsinkClient client(UUID participant) {
        return client.as(token(participant));
    }

    /** The generated client through the gateway, without a token. */
    public CarbonsinkClient anonymous() {
        return client;
    }

    /** The participant's access token, once {@link #registerParticipants} has logged it in. */
    public String token(UUID participant) {
        String token = tokens.get(participant);
        if (token == null) {
            throw new IllegalStateException("no token for participant " + participant);
        }
        return token;
    }

    /**
     * The project's design: about 100 ha of Chinese fir in Liping county, Guizhou, with its boundary.
     * Each run claims its own square of land (a run on databases kept from an earlier run must not
     * claim the same land twice).
     */
    public static ProjectDesignRequest design(UUID validator) {
        double west = 109.0 + 0.02 * ThreadLocalRandom.current().nextInt(0, 50);
        double south = 26.0 + 0.02 * ThreadLocalRandom.current().nextInt(0, 25);
        double east = west + 0.01;
        double north = south + 0.009;
        return new ProjectDesignRequest().name("Qiandongnan Chinese fir afforestation")
                .methodologyCode("CCER-14-001-V01").methodologyVersion("V01")
                .ecosystemType(ProjectDesignRequest.EcosystemTypeEnum.FOREST).province("Guizhou").county("Liping")
                .areaHectares(new BigDecimal("100")).constructionStart(LocalDate.parse("2021-03-01"))
                .creditingPeriodStart(LocalDate.parse("2021-03-01")).creditingPeriodEnd(LocalDate.parse("2051-02-28"))
                .validatorId(validator)
                .risk(new RiskRatingRequest().internal(new BigDecimal("4")).external(new BigDecimal("3"))
                        .natural(new BigDecimal("3")))
                .boundary(new GeoJsonGeometry().type("Polygon").coordinates(List.of(List.of(
                        List.of(west, south), List.of(east, south), List.of(east, north),
                        List.of(west, north), List.of(west, south)))));
    }

    public ProjectView draftProject(Cast cast) {
        return step("1. The owner drafts an afforestation project: design, validator, risk rating, boundary",
                () -> client(cast.owner()).registry(ProjectApi::new).draft(design(cast.validator())), "code",
                "status", "bufferRate", "boundaryHectares");
    }

    public ProjectView openDisclosure(Cast cast, UUID projectId) {
        return step("1. The owner opens the public disclosure (20 working days; shortened for this demo)",
                () -> client(cast.owner()).registry(ProjectApi::new).disclose(projectId), "status", "disclosure");
    }

    public CommentView commentPublicly(UUID projectId) {
        return step("1. Anyone comments, without a token",
                () -> client.registry(ProjectApi::new).comment(projectId, new CommentRequest().author("Li Wei")
                        .body("The county forestry bureau confirms the land was barren hillside since 2015.")),
                "body");
    }

    public ValidationReportView fileValidationReport(Cast cast, UUID projectId) {
        return eventually("1. After the window, the validator files a positive validation report",
                () -> client(cast.validator()).registry(ProjectApi::new).fileValidationReport(projectId,
                        new ValidationReportRequest().positive(true).summary("Conforms to CCER-14-001-V01: "
                                + "eligible land, additional, boundary surveyed")),
                report -> true, "positive");
    }

    public ProjectView applyForRegistration(Cast cast, UUID projectId) {
        return step("1. The owner applies for registration (the registry decides within 15 working days)",
                () -> client(cast.owner()).registry(ProjectApi::new).apply(projectId), "status", "decisionDue");
    }

    public ProjectView registerProject(UUID projectId) {
        return step("1. The registry administrator registers it (ProjectRegistered goes out)",
                () -> client(REGISTRY_ADMINISTRATOR).registry(ProjectApi::new).registerProject(projectId), "code",
                "status", "bufferRate");
    }

    public org.carbonsink.client.verification.model.ProjectView awaitProjectKnownToVerification(UUID projectId) {
        return eventually("2. The verification service has the registered project",
                () -> client.verification(org.carbonsink.client.verification.api.ProjectApi::new).project(projectId),
                project -> true, "code");
    }

    public ReportView submitReport(Cast cast, UUID projectId) {
        return step("2. The owner submits a monitoring report for 2022-2025 (100 ha of Chinese fir, 20 -> 80 m3/ha)",
                () -> client(cast.owner()).verification(ReportApi::new).submit(new SubmitReportRequest()
                        .projectId(projectId).periodStart(LocalDate.parse("2022-01-01"))
                        .periodEnd(LocalDate.parse("2025-12-31")).verifierId(cast.verifier())
                        .relativeUncertaintyPercent(new BigDecimal("8"))
                        .strata(List.of(new StratumRequest().species("CHINESE_FIR").areaHectares(new BigDecimal("100"))
                                .volumeStartPerHectare(new BigDecimal("20"))
                                .volumeEndPerHectare(new BigDecimal("80"))))),
                "status", "netRemovals", "verifiedCredits", "bufferCredits");
    }

    public ReportView discloseReport(Cast cast, UUID reportId) {
        return step("2. The owner discloses the report with the verifier's name (20 working days; none in this demo)",
                () -> client(cast.owner()).verification(ReportApi::new).disclose(reportId), "status");
    }

    public ReportView startVerification(Cast cast, UUID reportId) {
        return step("2. The verifier takes the report up",
                () -> client(cast.verifier()).verification(ReportApi::new).startVerification(reportId), "status");
    }

    public ReportView approveReport(Cast cast, UUID reportId) {
        return step("2. The verifier approves it (MonitoringReportVerified goes out with the vintage split)",
                () -> client(cast.verifier()).verification(ReportApi::new).decide(reportId, new DecisionRequest()
                        .decision(DecisionRequest.DecisionEnum.APPROVE)
                        .comment("Plots re-measured; estimates conservative")),
                "status", "vintages");
    }

    public CursorPageIssuanceView awaitIssuances(UUID projectId, int vintages) {
        CursorPageIssuanceView page = eventually("3. The registry issues serialized credits, one block set per vintage",
                () -> client.registry(IssuanceApi::new).listIssuance(projectId, null, null),
                issued -> issued.getTotal() != null && issued.getTotal() == vintages, null);
        for (IssuanceView issuance : page.getItems()) {
            print(issuance, "vintage", "verifiedCredits", "ownerQuantity", "bufferQuantity", "ownerSerials");
        }
        return page;
    }

    public InstrumentView awaitInstrument(String instrumentId) {
        return eventually("4. The exchange lists the instrument " + instrumentId,
                () -> client.trading(InstrumentApi::new).getInstrument(instrumentId), instrument -> true,
                "issuedQuantity");
    }

    public CashAccountView deposit(UUID participant, String amount) {
        return step("4. The buyer deposits cash",
                () -> client(participant).trading(CashAccountApi::new).deposit(participant,
                        new DepositRequest().amount(new BigDecimal(amount))),
                "balance", "available");
    }

    public OrderView placeOrder(UUID participant, String instrumentId, String side, long quantity, String price) {
        return step("4. A " + side + " order of " + quantity + " t at " + price + " CNY",
                () -> client(participant).trading(OrderApi::new).place(new PlaceOrderRequest().instrumentId(instrumentId)
                        .side(PlaceOrderRequest.SideEnum.fromValue(side)).quantity(quantity)
                        .limitPrice(new BigDecimal(price))),
                "status", "reservedCash");
    }

    public OrderView awaitOrder(UUID participant, UUID orderId, String status) {
        return eventually("4. The registry holds the credits; the sell order opens",
                () -> client(participant).trading(OrderApi::new).getOrder(orderId),
                order -> order.getStatus().getValue().equals(status), "status");
    }

    public TradeView awaitSettledTrade(String instrumentId) {
        PageTradeView page = eventually("4. The orders cross; the registry delivers; the cash moves; the trade settles",
                () -> client.trading(TradeApi::new).listTrade(instrumentId, null, null),
                trades -> trades.getTotal() >= 1 && trades.getItems().get(0).getStatus() == TradeView.StatusEnum.SETTLED,
                null);
        TradeView trade = page.getItems().get(0);
        print(trade, "quantity", "price", "amount", "status");
        return trade;
    }

    /** The operator sets an instrument's block trade rule (the default asks for 100,000 t, more than a demo holds). */
    public BlockTradeRuleView setBlockTradeRule(String instrumentId, long minimumQuantity, String band) {
        return step("4. The exchange operator sets the block trade rule of " + instrumentId,
                () -> client(OPERATOR).trading(BlockTradeRuleApi::new).setRule(instrumentId, new BlockTradeRuleRequest()
                        .minimumQuantity(minimumQuantity).band(new BigDecimal(band))
                        .source("demo: a block small enough for one project")),
                "minimumQuantity", "band", "referencePrice");
    }

    /**
     * A block agreement (大宗协议): the seller offers the buyer credits off the book, the buyer accepts;
     * answers the block trade as the market data publishes it once settled.
     */
    public BlockTradeResult blockTrade(UUID seller, UUID buyer, String instrumentId, long quantity, String price) {
        UUID id = step("4. A block trade of " + quantity + " t at " + price + " CNY is proposed",
                () -> client(seller).trading(BlockTradeApi::new).propose(new ProposeBlockTradeRequest().buyerId(buyer)
                        .instrumentId(instrumentId).quantity(quantity).price(new BigDecimal(price))),
                "status").getId();
        eventually("4. The registry holds the block's credits",
                () -> client(seller).trading(BlockTradeApi::new).getBlockTrade(id),
                proposed -> proposed.getStatus() == BlockTradeView.StatusEnum.PROPOSED, "status");
        step("4. The buyer accepts the block trade", () -> client(buyer).trading(BlockTradeApi::new).accept(id),
                "status", "tradeId");
        PageBlockTradeResult published = eventually("4. The block trade settles and is published",
                () -> client.trading(MarketDataApi::new).blockTrades(instrumentId, null, null),
                page -> page.getItems().stream().anyMatch(result -> id.equals(result.getId()))
                        && page.getItems().stream().allMatch(result -> "SETTLED".equals(result.getTradeStatus())),
                "items");
        return published.getItems().stream().filter(result -> id.equals(result.getId())).findFirst().orElseThrow();
    }

    /**
     * A one-way auction (单向竞价) open for {@code window}: the seller offers credits at a floor price,
     * the bidder places each of {@code bids}, the exchange closes it once the window has passed and
     * publishes the result, which this answers.
     */
    public AuctionResult auction(UUID seller, UUID bidder, String instrumentId, long quantity, String floorPrice,
            Duration window, List<BidRequest> bids) {
        UUID id = step("4. A one-way auction of " + quantity + " t from " + floorPrice + " CNY",
                () -> client(seller).trading(AuctionApi::new).announce(new AnnounceAuctionRequest()
                        .instrumentId(instrumentId).quantity(quantity).floorPrice(new BigDecimal(floorPrice))
                        .endsAt(OffsetDateTime.now(ZoneOffset.UTC).plus(window))),
                "status").getId();
        eventually("4. The registry holds the auction's credits",
                () -> client(seller).trading(AuctionApi::new).getAuction(id),
                announced -> announced.getStatus() == AuctionView.StatusEnum.OPEN, "status");
        for (BidRequest bid : bids) {
            step("4. A bid", () -> client(bidder).trading(AuctionApi::new).bid(id, bid), "quantity", "price");
        }
        PageAuctionResult published = eventually("4. The auction closes when its window ends; the result is published",
                () -> client.trading(MarketDataApi::new).auctions(instrumentId, null, null),
                page -> page.getItems().stream().anyMatch(result -> id.equals(result.getId())), "items");
        return published.getItems().stream().filter(result -> id.equals(result.getId())).findFirst().orElseThrow();
    }

    public CashAccountView cashAccount(UUID participant) {
        return step("   cash account of " + participant,
                () -> client(participant).trading(CashAccountApi::new).getCashAccount(participant), "balance",
                "reserved");
    }

    public AccountView account(UUID holder, UUID accountId) {
        return step("   registry account " + accountId,
                () -> client(holder).registry(AccountApi::new).getAccount(accountId), "holdings");
    }

    public TransferView transfer(Cast cast, UUID projectId, long quantity) {
        return step("5. The owner transfers " + quantity + " t of vintage " + VINTAGE + " to the buyer's account",
                () -> client(cast.owner()).registry(AccountApi::new).transfer(cast.ownerAccount(),
                        new TransferRequest().toAccountId(cast.buyerAccount()).projectId(projectId).vintage(VINTAGE)
                                .quantity(quantity)),
                "quantity", "serials");
    }

    public RetirementView retire(Cast cast, UUID projectId, int vintage, long quantity) {
        return step("5. The buyer retires " + quantity + " t for a named beneficiary",
                () -> client(cast.buyer()).registry(AccountApi::new).retire(cast.buyerAccount(), new RetireRequest()
                        .projectId(projectId).vintage(vintage).quantity(quantity)
                        .beneficiary("Hangzhou Green Logistics Co., Ltd.")
                        .purpose(RetireRequest.PurposeEnum.VOLUNTARY_OFFSET)
                        .note("Voluntary offset of 2025 fleet emissions")),
                "quantity", "beneficiary", "purpose", "url", "serials");
    }

    public OrderView cancelOrder(UUID participant, UUID orderId) {
        return step("5. The owner cancels the rest of its sell order; the registry returns the held credits",
                () -> client(participant).trading(OrderApi::new).cancelOrder(orderId), "status");
    }

    public ReversalView recordReversal(UUID projectId, long lossCredits) {
        return step("6. A fire burns " + lossCredits + " tCO2e: the administrator records the reversal; buffer credits "
                        + "are cancelled and issuance waits until the loss is made good",
                () -> client(REGISTRY_ADMINISTRATOR).registry(ReversalApi::new).record(new ReversalRequest()
                        .projectId(projectId).lossDate(LocalDate.parse("2026-05-12"))
                        .cause("Forest fire in compartment 12").lossCredits(lossCredits)),
                "bufferCancelled", "shortfall", "issuanceBlocked");
    }

    public CursorPageSupplyView supply(UUID projectId) {
        return step("6. Supply per vintage: issued, available, held, retired, cancelled, buffer",
                () -> client.registry(SupplyApi::new).supply(projectId, null, null), "items");
    }

    public LedgerCheckView ledgerCheck(UUID projectId) {
        return step("6. The ledger balances: issued = available + held + retired + cancelled + buffer",
                () -> client.registry(IssuanceApi::new).check(projectId), "sound", "balances");
    }

    public AuditStatusView auditStatus() {
        return step("6. The audit chain is intact (public)", () -> client.registry(AuditApi::new).status(), "intact",
                "entries", "headHash");
    }

    /** Registers the participant, or reads it where an earlier run on the same databases did. */
    ParticipantView participant(UUID subject, String name, RegisterParticipantRequest.RoleEnum role) {
        ParticipantApi admin = client(REGISTRY_ADMINISTRATOR).registry(ParticipantApi::new);
        try {
            ParticipantView registered = admin.registerParticipant(
                    new RegisterParticipantRequest().subject(subject).name(name).role(role));
            out.accept("0. The administrator registers " + role + " " + name);
            print(registered, "id", "accountId");
            return registered;
        } catch (org.carbonsink.client.registry.ApiException e) {
            if (e.getCode() != 409) {
                throw refused("0. The administrator registers " + role + " " + name, e);
            }
            // registered by an earlier run on the same databases
            return step("0. " + role + " " + name + " is registered already", () -> admin.getParticipant(subject),
                    "id", "accountId");
        }
    }

    /** Prints the title, makes the call and prints the {@code shown} fields of its answer. */
    <T> T step(String title, Call<T> call, String... shown) {
        out.accept(title);
        try {
            T body = call.call();
            print(body, shown);
            return body;
        } catch (Exception e) {
            throw refused(title, e);
        }
    }

    /** Prints the title, makes a call that must be refused with {@code status} and prints the problem's fields. */
    Refusal refusal(String title, Call<?> call, int status, String... shown) {
        out.accept(title);
        Object answer;
        try {
            answer = call.call();
        } catch (Exception e) {
            Refusal refusal = Refusal.of(e);
            if (refusal.status() != status) {
                throw refused(title, e);
            }
            JsonNode problem = JSON.readTree(refusal.body());
            for (String field : shown) {
                out.accept("     " + field + ": " + problem.get(field));
            }
            return refusal;
        }
        throw new AssertionError(title + ": expected a refusal with " + status + ", got " + answer);
    }

    private <T> T eventually(String title, Call<T> call, Predicate<T> done, String shown) {
        out.accept(title);
        Instant deadline = Instant.now().plus(EVENTUALLY);
        Object last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                T answer = call.call();
                if (done.test(answer)) {
                    if (shown != null) {
                        print(answer, shown);
                    }
                    return answer;
                }
                last = answer;
            } catch (Exception e) {
                // not yet: not found, or refused until a window closes
                last = Refusal.of(e);
            }
            pause();
        }
        throw new AssertionError(title + ": not done within " + EVENTUALLY + "; last answer " + last);
    }

    private void print(Object body, String... fields) {
        JsonNode json = JSON.valueToTree(body);
        for (String field : fields) {
            out.accept("     " + field + ": " + json.get(field));
        }
    }

    private static AssertionError refused(String title, Exception e) {
        return new AssertionError(title + ": " + Refusal.of(e), e);
    }

    private static void pause() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A refused call of any of the three generated clients: its status and problem details. */
    public record Refusal(int status, String body) {

        public static Refusal of(Throwable e) {
            if (e instanceof org.carbonsink.client.registry.ApiException r) {
                return new Refusal(r.getCode(), r.getResponseBody());
            }
            if (e instanceof org.carbonsink.client.verification.ApiException v) {
                return new Refusal(v.getCode(), v.getResponseBody());
            }
            if (e instanceof org.carbonsink.client.trading.ApiException t) {
                return new Refusal(t.getCode(), t.getResponseBody());
            }
            return new Refusal(-1, String.valueOf(e));
        }
    }
}
