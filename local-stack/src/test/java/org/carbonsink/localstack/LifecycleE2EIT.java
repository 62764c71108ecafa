package org.carbonsink.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.carbonsink.client.registry.api.ParticipantApi;
import org.carbonsink.client.registry.api.ProjectApi;
import org.carbonsink.client.registry.api.RetirementApi;
import org.carbonsink.client.registry.model.AccountView;
import org.carbonsink.client.registry.model.BalanceView;
import org.carbonsink.client.registry.model.CursorPageIssuanceView;
import org.carbonsink.client.registry.model.Holding;
import org.carbonsink.client.registry.model.IssuanceView;
import org.carbonsink.client.registry.model.LedgerCheckView;
import org.carbonsink.client.registry.model.PledgeView;
import org.carbonsink.client.registry.model.ProjectView;
import org.carbonsink.client.registry.model.RegisterParticipantRequest;
import org.carbonsink.client.registry.model.RetirementView;
import org.carbonsink.client.registry.model.ReversalView;
import org.carbonsink.client.registry.model.SupplyView;
import org.carbonsink.client.registry.model.TransferView;
import org.carbonsink.client.registry.model.ValidationReportView;
import org.carbonsink.client.trading.model.AuctionResult;
import org.carbonsink.client.trading.model.BidRequest;
import org.carbonsink.client.trading.model.BlockTradeResult;
import org.carbonsink.client.trading.model.CashAccountView;
import org.carbonsink.client.trading.model.OrderView;
import org.carbonsink.client.trading.model.TradeView;
import org.carbonsink.client.verification.api.ReportApi;
import org.carbonsink.client.verification.model.ReportView;
import org.carbonsink.testsupport.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole lifecycle through the gateway, against the authorization server, the three services
 * and the gateway on real PostgreSQL (a database each) and a real Kafka broker, with real tokens,
 * driven by the Java client generated from the services' OpenAPI descriptions (api-client), asserting
 * at each step what a user sees.
 */
class LifecycleE2EIT {

    static Services services;
    static final List<String> printed = new ArrayList<>();

    @BeforeAll
    static void startEverything() {
        List<String> arguments = new ArrayList<>(List.of("--spring.main.banner-mode=off"));
        arguments.addAll(Lifecycle.SHORT_WINDOWS);
        services = TestStack.start("e2e", arguments);
    }

    @AfterAll
    static void stopEverything() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void aSinkProjectGoesFromItsDesignToIssuedTradedTransferredRetiredAndReversedCredits() throws Exception {
        Lifecycle lifecycle = new Lifecycle(new ApiClient(services.gatewayUrl()), services.authUrl(), printed::add);
        int vintage = Lifecycle.VINTAGE;

        // 0. without a token nothing private answers; with one the participants are registered
        assertThat(refusal(() -> lifecycle.anonymous().registry(ParticipantApi::new)
                .registerParticipant(new RegisterParticipantRequest().name("x"))).status()).isEqualTo(401);
        Lifecycle.Cast cast = lifecycle.registerParticipants();
        assertThat(cast.owner()).isEqualTo(Lifecycle.OWNER);
        assertThat(refusal(() -> lifecycle.client(cast.buyer()).registry(ParticipantApi::new).registerParticipant(
                new RegisterParticipantRequest().subject(UUID.randomUUID()).name("Self-made administrator")
                        .role(RegisterParticipantRequest.RoleEnum.REGISTRY_ADMINISTRATOR))).status()).isEqualTo(403);

        // 1. registry: drafted, disclosed with a public comment, validated, applied for, registered
        ProjectView draft = lifecycle.draftProject(cast);
        assertThat(draft.getStatus()).isEqualTo(ProjectView.StatusEnum.DRAFT);
        assertThat(draft.getBufferRate()).isEqualByComparingTo("0.10");
        UUID projectId = draft.getId();
        ProjectView disclosed = lifecycle.openDisclosure(cast, projectId);
        assertThat(disclosed.getStatus()).isEqualTo(ProjectView.StatusEnum.PUBLIC_DISCLOSURE);
        lifecycle.commentPublicly(projectId);
        // a 201 names what it created with the gateway's path, which the client can follow (not the service's)
        ApiClient gateway = new ApiClient(services.gatewayUrl());
        ApiClient.Response second = gateway.post("/api/registry/projects/" + projectId + "/comments",
                Map.of("author", "Zhang Min", "body", "The village committee confirms the parcel boundary."));
        second.expect(201);
        assertThat(second.header("Location")).isEqualTo("/api/registry/projects/" + projectId + "/comments");
        assertThat(gateway.get(second.header("Location")).expect(200).get("items")).hasSize(2);
        // and a problem names the request as the client called it, the gateway's path too
        ApiClient.Response refused = gateway.get("/api/registry/projects/" + projectId + "/comments?limit=0");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("instance").asString()).isEqualTo("/api/registry/projects/" + projectId + "/comments");
        assertThat(lifecycle.anonymous().registry(ProjectApi::new).comments(projectId, null, null).getItems())
                .hasSize(2);
        // the validator may not validate before the window closes; the demo waits for it
        ValidationReportView validation = lifecycle.fileValidationReport(cast, projectId);
        assertThat(validation.getPositive()).isTrue();
        ProjectView applied = lifecycle.applyForRegistration(cast, projectId);
        assertThat(applied.getStatus()).isEqualTo(ProjectView.StatusEnum.REGISTRATION_APPLIED);
        assertThat(applied.getDecisionDue().getDue()).isNotNull();
        ProjectView registered = lifecycle.registerProject(projectId);
        assertThat(registered.getStatus()).isEqualTo(ProjectView.StatusEnum.REGISTERED);
        assertThat(lifecycle.anonymous().registry(ProjectApi::new).getProject(projectId).getStatus())
                .isEqualTo(ProjectView.StatusEnum.REGISTERED);

        // 2. verification: 7150.4684 tCO2e over 2022-2025; disclosed, taken up, approved
        lifecycle.awaitProjectKnownToVerification(projectId);
        ReportView report = lifecycle.submitReport(cast, projectId);
        assertThat(report.getStatus()).isEqualTo(ReportView.StatusEnum.SUBMITTED);
        assertThat(report.getNetRemovals()).isEqualByComparingTo("7150.4684");
        assertThat(report.getVerifiedCredits()).isEqualTo(7150);
        UUID reportId = report.getId();
        lifecycle.discloseReport(cast, reportId);
        assertThat(lifecycle.startVerification(cast, reportId).getStatus())
                .isEqualTo(ReportView.StatusEnum.UNDER_VERIFICATION);
        assertThat(lifecycle.approveReport(cast, reportId).getStatus()).isEqualTo(ReportView.StatusEnum.VERIFIED);

        // 3. registry: one issuance per vintage, split by days; 10% of each to the buffer pool (rounded up)
        CursorPageIssuanceView issuances = lifecycle.awaitIssuances(projectId, 4);
        Map<Integer, IssuanceView> byVintage = new TreeMap<>();
        issuances.getItems().forEach(i -> byVintage.put(i.getVintage(), i));
        assertThat(byVintage.keySet()).containsExactly(2022, 2023, 2024, 2025);
        assertThat(byVintage.values().stream().mapToLong(IssuanceView::getVerifiedCredits).sum()).isEqualTo(7150);
        assertThat(byVintage.get(2024).getVerifiedCredits()).isEqualTo(1791);
        IssuanceView issued2025 = byVintage.get(vintage);
        assertThat(issued2025.getVerifiedCredits()).isEqualTo(1787);
        assertThat(issued2025.getBufferQuantity()).isEqualTo(179);
        assertThat(issued2025.getOwnerQuantity()).isEqualTo(1608);
        assertThat(holdings(lifecycle.account(cast.owner(), cast.ownerAccount()), vintage, Holding::getAvailable))
                .isEqualTo(1608);
        await().atMost(Duration.ofSeconds(60)).until(() -> lifecycle.anonymous().verification(ReportApi::new)
                .report(reportId).getStatus() == ReportView.StatusEnum.ISSUED);

        // 4. trading: cash in, a sell order held by the registry, a crossing buy, settlement
        String instrument = registered.getCode() + "-" + vintage;
        lifecycle.awaitInstrument(instrument);
        CashAccountView deposit = lifecycle.deposit(cast.buyer(), "100000.00");
        assertThat(deposit.getBalance()).isEqualByComparingTo("100000.00");

        OrderView sell = lifecycle.placeOrder(cast.owner(), instrument, "SELL", 1000, "85.50");
        assertThat(sell.getStatus()).isEqualTo(OrderView.StatusEnum.PENDING_HOLD);
        UUID sellId = sell.getId();
        OrderView open = lifecycle.awaitOrder(cast.owner(), sellId, "OPEN");
        assertThat(open.getRemainingQuantity()).isEqualTo(1000);
        AccountView ownerAccount = lifecycle.account(cast.owner(), cast.ownerAccount());
        assertThat(holdings(ownerAccount, vintage, Holding::getHeld)).isEqualTo(1000);
        assertThat(holdings(ownerAccount, vintage, Holding::getAvailable)).isEqualTo(608);

        OrderView buy = lifecycle.placeOrder(cast.buyer(), instrument, "BUY", 400, "90.00");
        assertThat(buy.getStatus()).isIn(OrderView.StatusEnum.FILLED, OrderView.StatusEnum.OPEN);
        TradeView trade = lifecycle.awaitSettledTrade(instrument);
        assertThat(trade.getQuantity()).isEqualTo(400);
        assertThat(trade.getPrice()).isEqualByComparingTo("85.50");
        assertThat(trade.getAmount()).isEqualByComparingTo("34200.00");

        CashAccountView sellerCash = lifecycle.cashAccount(cast.owner());
        assertThat(sellerCash.getBalance()).isEqualByComparingTo("34200.00");
        CashAccountView buyerCash = lifecycle.cashAccount(cast.buyer());
        assertThat(buyerCash.getBalance()).isEqualByComparingTo("65800.00");
        assertThat(buyerCash.getReserved()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(holdings(lifecycle.account(cast.buyer(), cast.buyerAccount()), vintage, Holding::getAvailable))
                .isEqualTo(400);
        assertThat(holdings(lifecycle.account(cast.owner(), cast.ownerAccount()), vintage, Holding::getHeld))
                .isEqualTo(600);

        // 5. registry: a transfer, a retirement for a named beneficiary, and the unsold rest given back
        TransferView transfer = lifecycle.transfer(cast, projectId, 100);
        assertThat(transfer.getQuantity()).isEqualTo(100);
        RetirementView retirement = lifecycle.retire(cast, projectId, vintage, 150);
        assertThat(retirement.getBeneficiary()).isEqualTo("Hangzhou Green Logistics Co., Ltd.");
        assertThat(retirement.getPurpose()).isEqualTo(RetirementView.PurposeEnum.VOLUNTARY_OFFSET);
        assertThat(retirement.getSerials().get(0).getQuantity()).isEqualTo(150);
        assertThat(retirement.getUrl()).endsWith("/retirements/" + retirement.getId());
        assertThat(lifecycle.anonymous().registry(RetirementApi::new).getRetirement(retirement.getId()).getQuantity())
                .isEqualTo(150);
        AccountView buyerAccount = lifecycle.account(cast.buyer(), cast.buyerAccount());
        assertThat(holdings(buyerAccount, vintage, Holding::getAvailable)).isEqualTo(350);
        assertThat(holdings(buyerAccount, vintage, Holding::getRetired)).isEqualTo(150);

        assertThat(lifecycle.cancelOrder(cast.owner(), sellId).getStatus()).isEqualTo(OrderView.StatusEnum.CANCELLED);
        await().atMost(Duration.ofSeconds(30)).until(() -> holdings(lifecycle.account(cast.owner(),
                cast.ownerAccount()), vintage, Holding::getHeld) == 0);
        assertThat(holdings(lifecycle.account(cast.owner(), cast.ownerAccount()), vintage, Holding::getAvailable))
                .isEqualTo(1108);

        // 4'. off the book: a block agreement of 200 t at 86.00, and a one-way auction of 100 t from 80.00 whose
        // two bids (60 t at 82.00, 30 t at 81.00) each pay their own price
        lifecycle.setBlockTradeRule(instrument, 100, "0.30");
        BlockTradeResult block = lifecycle.blockTrade(cast.owner(), cast.buyer(), instrument, 200, "86.00");
        assertThat(block.getAmount()).isEqualByComparingTo("17200.00");
        assertThat(block.getReferencePrice()).isEqualByComparingTo("85.50");
        AuctionResult auction = lifecycle.auction(cast.owner(), cast.buyer(), instrument, 100, "80.00",
                Duration.ofSeconds(5), List.of(new BidRequest().quantity(60L).price(new BigDecimal("82.00")),
                        new BidRequest().quantity(30L).price(new BigDecimal("81.00"))));
        assertThat(auction.getAllocatedQuantity()).isEqualTo(90);
        assertThat(auction.getTurnover()).isEqualByComparingTo("7350.00");
        await().atMost(Duration.ofSeconds(30)).until(() -> holdings(lifecycle.account(cast.buyer(),
                cast.buyerAccount()), vintage, Holding::getAvailable) == 350 + 200 + 90);
        assertThat(lifecycle.cashAccount(cast.buyer()).getBalance()).isEqualByComparingTo("41250.00");

        // 5'. a pledge to a bank: a transfer that needs the pledged credits is refused, the public sees no loan terms
        PledgeDemo.Shown pledge = new PledgeDemo(lifecycle).run(cast.ownerAccount(), projectId, vintage, 100);
        assertThat(pledge.pledged().getState()).isEqualTo(PledgeView.StateEnum.ACTIVE);
        assertThat(pledge.refusedTransfer().status()).isEqualTo(409);
        assertThat(pledge.refusedTransfer().body()).contains(pledge.pledged().getId().toString());
        assertThat(pledge.publicView().getLenderName()).isEqualTo("Industrial Bank Guiyang Branch");
        assertThat(pledge.publicView().getLoanReference()).isNull();
        assertThat(pledge.released().getState()).isEqualTo(PledgeView.StateEnum.RELEASED);
        assertThat(holdings(lifecycle.account(cast.owner(), cast.ownerAccount()), vintage, Holding::getPledged))
                .isZero();

        // 6. a reversal of 50 t: the project's own buffer credits are cancelled and issuance is blocked
        ReversalView reversal = lifecycle.recordReversal(projectId, 50);
        assertThat(reversal.getBufferCancelled()).isEqualTo(50);
        assertThat(reversal.getShortfall()).isZero();
        assertThat(reversal.getIssuanceBlocked()).isTrue();
        long buffer = 0;
        long cancelled = 0;
        for (SupplyView supply : lifecycle.supply(projectId).getItems()) {
            buffer += supply.getBuffer();
            cancelled += supply.getCancelled();
        }
        assertThat(buffer).isEqualTo(717 - 50);
        assertThat(cancelled).isEqualTo(50);

        // issued = available + held + retired + cancelled + buffer, per vintage
        LedgerCheckView check = lifecycle.ledgerCheck(projectId);
        assertThat(check.getSound()).as(check.toString()).isTrue();
        assertThat(check.getBalances()).hasSize(4);
        for (BalanceView balance : check.getBalances()) {
            assertThat(balance.getHeld() + balance.getRetired() + balance.getAvailable() + balance.getBuffer()
                    + balance.getCancelled()).isEqualTo(balance.getIssued());
        }
        assertThat(lifecycle.auditStatus().getIntact()).isTrue();
        assertThat(printed).isNotEmpty();
    }

    private static Lifecycle.Refusal refusal(Lifecycle.Call<?> call) {
        try {
            call.call();
        } catch (Exception e) {
            return Lifecycle.Refusal.of(e);
        }
        throw new AssertionError("expected the call to be refused");
    }

    private static long holdings(AccountView account, int vintage, java.util.function.Function<Holding, Long> state) {
        return account.getHoldings().stream().filter(holding -> holding.getVintage() == vintage)
                .mapToLong(state::apply).sum();
    }
}
