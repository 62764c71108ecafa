package org.carbonsink.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Apache Kafka broker in this JVM: one KRaft node in the combined broker and controller
 * roles, on a fixed client port, with its log in a directory of its own.
 *
 * <p>It can be stopped and started again on the same port and log directory, so tests can show
 * what happens while the broker is unreachable. Spring Kafka's embedded broker picks random ports,
 * which suits neither that nor a launcher that promises a port.
 */
public final class InProcessKafkaBroker implements AutoCloseable {

    /** Below this are the well-known and commonly configured ports. */
    static final int LOWEST_PORT = 10_000;
    private static final Path EPHEMERAL_PORTS = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final String clusterId = Uuid.randomUuid().toString();
    private KafkaRaftServer server;
    private boolean formatted;

    public InProcessKafkaBroker(int port, Path logDir) {
        this(port, freePort(), logDir);
    }

    /** A broker whose controller listens on {@code controllerPort}: a restarted process finds its quorum again. */
    public InProcessKafkaBroker(int port, int controllerPort, Path logDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
    }

    /** A broker on a free port with a fresh temporary log directory. */
    public static InProcessKafkaBroker onFreePort() {
        try {
            return new InProcessKafkaBroker(freePort(), Files.createTempDirectory("kafka-it-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized InProcessKafkaBroker start() {
        if (server != null) {
            return this;
        }
        KafkaConfig config = KafkaConfig.fromProps(properties());
        // a log directory formatted before (by an earlier process) keeps its cluster id and its data
        if (!formatted && !Files.exists(logDir.resolve("meta.properties"))) {
            format();
        }
        formatted = true;
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitListening(Duration.ofSeconds(30));
        return this;
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", "1");
        return p;
    }

    private void format() {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setClusterId(clusterId)
                    .setNodeId(1)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toString())
                    .setDirectories(java.util.List.of(logDir.toString()))
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format the Kafka log directory " + logDir, e);
        }
    }

    private void awaitListening(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IllegalStateException("Kafka did not listen on port " + port + " within " + timeout);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A port on the loopback interface that nothing is bound to right now, below the range the system
     * draws the local ports of outgoing connections from. A port from that range (what binding to port 0
     * gives) can be taken by any client connection, of this JVM or another process, between this call and
     * the bind, or while a broker on it is stopped to be started again: a restart then failed to bind.
     */
    public static int freePort() {
        int below = ephemeralPortsFrom();
        for (int attempt = 0; attempt < 200 && below > LOWEST_PORT + 1_000; attempt++) {
            int port = LOWEST_PORT + ThreadLocalRandom.current().nextInt(below - LOWEST_PORT);
            if (bindable(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first port the system gives outgoing connections (Linux: ip_local_port_range; else the IANA range). */
    static int ephemeralPortsFrom() {
        try {
            // line by line: procfs reports a size of 0, and reading by size gets the first byte only
            return Integer.parseInt(Files.readAllLines(EPHEMERAL_PORTS).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return 49_152;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // as the broker binds: a connection of an earlier run still in TIME_WAIT does not hold the port
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
