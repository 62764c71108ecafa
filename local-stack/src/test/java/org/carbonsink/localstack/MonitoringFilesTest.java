package org.carbonsink.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The monitoring files parse, and the reading of metric names out of PromQL is right. */
class MonitoringFilesTest {

    @Test
    void readsTheMetricNamesOfAnExpression() {
        assertThat(MonitoringFiles.metricNames(
                "sum by (application, topic) (increase(carbonsink_dead_letters_total{topic=~\"a.b\"}[10m])) > 0"))
                .containsExactly("carbonsink_dead_letters_total");
        assertThat(MonitoringFiles.metricNames("histogram_quantile(0.99, sum by (le) "
                + "(rate(carbonsink_orders_match_latency_seconds_bucket[$__rate_interval])))"))
                .containsExactly("carbonsink_orders_match_latency_seconds_bucket");
        assertThat(MonitoringFiles.metricNames("sum(increase(a_total[15m])) / clamp_min(sum(b_total) + c, 1) > 0.05"))
                .containsExactly("a_total", "b_total", "c");
        assertThat(MonitoringFiles.metricNames("up{job=\"carbonsink\"} == 0")).containsExactly("up");
    }

    @Test
    void theDashboardAndTheAlertsCoverTheFailureSignals() throws IOException {
        Map<String, String> alerts = MonitoringFiles.alertExpressions();
        assertThat(alerts).containsKeys("ServiceDown", "OutboxRowsParked", "DeadLetters", "SagaStepsPastDeadline",
                "SettlementFailureRate", "ConsumerLag");
        alerts.values().forEach(expression -> assertThat(MonitoringFiles.metricNames(expression)).isNotEmpty());
        List<String> panels = MonitoringFiles.dashboardExpressions();
        assertThat(panels).isNotEmpty().allSatisfy(e -> assertThat(MonitoringFiles.metricNames(e)).isNotEmpty());
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesTheManagementPortsAndLoadsTheAlerts() throws IOException {
        Map<String, Object> prometheus = MonitoringFiles.load(MonitoringFiles.PROMETHEUS);
        assertThat((List<String>) prometheus.get("rule_files")).containsExactly("/etc/prometheus/alerts.yml");
        String scrape = String.valueOf(prometheus.get("scrape_configs"));
        assertThat(scrape).contains("metrics_path=/actuator/prometheus", "gateway:9080", "registry-service:9081",
                "verification-service:9082", "trading-service:9083");
    }
}
