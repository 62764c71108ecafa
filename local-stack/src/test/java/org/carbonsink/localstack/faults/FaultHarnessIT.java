package org.carbonsink.localstack.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The short fault scenarios of {@code scripts/faults/ci.sh} on the jar this build packaged: the
 * services run as separate processes on ports of their own (a free range from 37000), the registry and
 * the trading service are each killed with -9 once, a database refuses connections, poison messages
 * land on every topic; after each, nothing is lost, doubled or stuck and the reconciliation is clean.
 */
class FaultHarnessIT {

    @Test
    void theShortFaultScenariosLoseNothingDoubleNothingAndLeaveTheReconciliationClean() throws Exception {
        Path module = Path.of("").toAbsolutePath();
        Path jar = module.resolve("target/local-stack-0.1.0-SNAPSHOT-exec.jar");
        assertThat(jar).as("the packaged jar").exists();
        Path output = module.resolve("target/fault-harness-ci.log");
        ProcessBuilder builder = new ProcessBuilder("bash", module.resolve("../scripts/faults/ci.sh").normalize().toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("FAULTS_JAR", jar.toString());
        builder.environment().put("FAULTS_PORT_BASE", String.valueOf(freePortBase()));
        builder.environment().put("FAULTS_WORK", module.resolve("target/fault-harness").toString());
        builder.environment().put("FAULTS_LIMIT", "1800");
        Process process = builder.start();
        boolean ended = process.waitFor(31, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String log = Files.readString(output);
        assertThat(ended).as("ci.sh ended by itself; output in " + output).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log.split("RESULT: PASS", -1)).as(log).hasSize(5);
        assertThat(log).doesNotContain("RESULT: FAIL");
    }

    /** A base from 37000 up whose ports (lib.sh: base + 80..93, 432, 900) nothing listens on. */
    private static int freePortBase() {
        for (int base = 37000; base < 60000; base += 1000) {
            int candidate = base;
            if (IntStream.of(80, 81, 82, 83, 92, 93, 432, 900).allMatch(offset -> free(candidate + offset))) {
                return base;
            }
        }
        throw new IllegalStateException("no free port base between 37000 and 60000");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
