package org.carbonsink.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FixturesTest {

    static final List<Class<? extends Record>> EVENTS = List.of(ProjectRegistered.class,
            MonitoringReportVerified.class, CreditsIssued.class, CreditHoldRequested.class, CreditsHeld.class,
            CreditHoldRejected.class, TradeExecuted.class, CreditsDelivered.class, CreditDeliveryFailed.class,
            CreditsRetired.class, CreditHoldReleaseRequested.class, ProjectStateChanged.class,
            ParticipantRegistered.class, CreditsCancelled.class,
            CreditsTransferred.class, ReversalRecorded.class, BankTransferReceived.class, HoldStateRequested.class,
            HoldStateReported.class, DeliveryStateRequested.class, DeliveryStateReported.class,
            CreditsPledged.class, PledgeReleased.class, PledgeEnforced.class, PledgeVoided.class);

    final JsonMapper json = JsonMapper.builder().build();

    static Stream<Class<? extends Record>> events() {
        return EVENTS.stream();
    }

    @ParameterizedTest
    @MethodSource("events")
    void fixtureReadsIntoItsRecordAndWritesBackUnchanged(Class<? extends Record> type) throws IOException {
        JsonNode fixture = json.readTree(fixture(type));

        Record event = json.treeToValue(fixture, type);
        JsonNode written = json.readTree(json.writeValueAsString(event));

        assertThat(written).isEqualTo(fixture);
    }

    @ParameterizedTest
    @MethodSource("events")
    void fixtureSetsEveryComponent(Class<? extends Record> type) throws IOException {
        JsonNode fixture = json.readTree(fixture(type));

        assertThat(fixture.propertyNames())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
        assertThat(fixture.get("eventId").asString()).isNotBlank();
    }

    @Test
    void everyEventRecordInThePackageHasAFixture() {
        assertThat(EVENTS).hasSize(25);
        assertThat(Topics.ALL).doesNotHaveDuplicates().allMatch(t -> t.matches("[a-z]+\\.[a-z]+\\.v\\d+"));
    }

    @Test
    void everyTopicSaysWhichEventsItCarriesAndEveryEventHasOneTopic() {
        assertThat(Topics.CHANNELS).extracting(Topics.Channel::topic).containsExactlyElementsOf(Topics.ALL);
        assertThat(Topics.CHANNELS.stream().flatMap(channel -> channel.events().stream()))
                .containsExactlyInAnyOrderElementsOf(EVENTS);
    }

    @Test
    void aDeliveryFailureWrittenBeforeItsCodeExistedReadsWithoutCode() throws IOException {
        CreditDeliveryFailed event = readWithout(CreditDeliveryFailed.class, "code");

        assertThat(event.code()).isNull();
        assertThat(event.reason()).startsWith("buyer ");
    }

    @Test
    void aVerifiedReportWrittenBeforeLossesReadsAsNoLoss() throws IOException {
        MonitoringReportVerified event = readWithout(MonitoringReportVerified.class, "lossCredits");

        assertThat(event.lossCredits()).isZero();
        assertThat(event.verifiedCredits()).isEqualTo(7150);
    }

    @Test
    void aReversalWrittenBeforeMonitoredLossesReadsWithoutReport() throws IOException {
        ReversalRecorded event = readWithout(ReversalRecorded.class, "reportId");

        assertThat(event.reportId()).isNull();
        assertThat(event.lossCredits()).isEqualTo(300);
    }

    /** The fixture as an older producer wrote it, without {@code field}. */
    private <T> T readWithout(Class<T> type, String field) throws IOException {
        var older = json.readTree(fixture(type));
        ((tools.jackson.databind.node.ObjectNode) older).remove(field);
        return json.treeToValue(older, type);
    }

    private static InputStream fixture(Class<?> type) {
        InputStream in = type.getResourceAsStream("fixtures/" + type.getSimpleName() + ".json");
        assertThat(in).as("fixture for %s", type.getSimpleName()).isNotNull();
        return in;
    }
}
