package org.psmakg.neo4j;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import sun.misc.Signal;

/**
 * A real Neo4j Community server for psma-kg: an embedded DatabaseManagementService with the
 * Bolt connector on HOST:PORT (default 127.0.0.1:7687), authentication off, a small page cache,
 * and everything (data/, logs/) under the folder given by --data.
 *
 * <pre>
 * java -Xmx512m -jar target/psmakg-neo4j-launcher.jar --data DIR [--port 7687] [--host 127.0.0.1]
 *      [--pagecache 64m]
 * </pre>
 *
 * Prints "READY bolt://HOST:PORT" once Bolt accepts connections and the default database is
 * available; on SIGTERM (or Ctrl-C) it shuts the DBMS down cleanly, prints "STOPPED" and exits 0.
 * Exit code 2 for bad arguments, 3 when another launcher holds the data folder, 1 when Neo4j
 * could not start.
 */
public final class Launcher {
    private static final PrintStream OUT = System.out;

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Path data = null;
        String host = "127.0.0.1";
        int port = 7687;
        long pagecache = parseBytes("64m");
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--data" -> data = Path.of(args[++i]);
                    case "--host" -> host = args[++i];
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--pagecache" -> pagecache = parseBytes(args[++i]);
                    case "-h", "--help" -> {
                        usage(OUT);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + arg);
                }
            }
            if (data == null) {
                throw new IllegalArgumentException("--data DIR is required");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("--port out of range: " + port);
            }
        } catch (RuntimeException e) {
            System.err.println("ERROR " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }

        Path home = data.toAbsolutePath().normalize();
        Files.createDirectories(home);
        // One launcher per data folder: Neo4j locks its store too, but this says so plainly.
        FileChannel lockChannel = FileChannel.open(
                home.resolve("launcher.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockChannel.tryLock();
        if (lock == null) {
            System.err.println("ERROR another Neo4j launcher is using " + home);
            System.exit(3);
            return;
        }

        long started = System.nanoTime();
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(BoltConnector.thread_pool_max_size, 50)
                    // Bolt otherwise waits 5 s twice on shutdown for connections that are gone
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pagecache)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // test-sized transaction logs: no 256 MiB preallocation per database
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, parseBytes("16m"))
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                    .build();
        } catch (RuntimeException e) {
            System.err.println("ERROR could not start Neo4j in " + home + ": " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }

        // SIGTERM/SIGINT: the main thread shuts Neo4j down and exits 0. The shutdown hook covers any
        // other way out of the JVM; whichever comes first does the shutdown, once.
        CountDownLatch stopRequested = new CountDownLatch(1);
        AtomicBoolean shutDown = new AtomicBoolean();
        Runnable shutdown = () -> {
            if (!shutDown.compareAndSet(false, true)) {
                return;
            }
            OUT.println("STOPPING");
            OUT.flush();
            try {
                dbms.shutdown();
            } finally {
                try {
                    lock.release();
                    lockChannel.close();
                } catch (IOException ignored) {
                    // the process is ending anyway
                }
                OUT.println("STOPPED");
                OUT.flush();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "psmakg-neo4j-shutdown"));
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> stopRequested.countDown());
        }

        try {
            String defaultDb = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
            if (!dbms.database(defaultDb).isAvailable(TimeUnit.SECONDS.toMillis(60))) {
                throw new IllegalStateException("database " + defaultDb + " did not become available");
            }
            waitForBolt(host, port, 60_000);
        } catch (Exception e) {
            System.err.println("ERROR Neo4j started but is not usable: " + e);
            System.exit(1);
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        OUT.printf(Locale.ROOT, "READY bolt://%s:%d (neo4j %s, %d ms)%n", host, port, neo4jVersion(), millis);
        OUT.flush();
        stopRequested.await(); // runs until SIGTERM or SIGINT
        shutdown.run();
        System.exit(0);
    }

    private static void waitForBolt(String host, int port, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        IOException last = null;
        while (System.currentTimeMillis() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1000);
                return;
            } catch (IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IOException("Bolt is not accepting connections on " + host + ":" + port, last);
    }

    private static String neo4jVersion() {
        String version = DatabaseManagementService.class.getPackage().getImplementationVersion();
        return version == null ? "5" : version;
    }

    static long parseBytes(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        long factor = 1;
        char unit = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        switch (unit) {
            case 'k' -> factor = 1L << 10;
            case 'm' -> factor = 1L << 20;
            case 'g' -> factor = 1L << 30;
            default -> factor = 1;
        }
        if (factor != 1) {
            s = s.substring(0, s.length() - 1);
        }
        return Long.parseLong(s) * factor;
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar psmakg-neo4j-launcher.jar --data DIR [--port 7687] [--host 127.0.0.1]"
                + " [--pagecache 64m]");
    }
}
