package ch.ontrack.launcher.processes;

import ch.ontrack.launcher.component.Component;
import ch.ontrack.launcher.component.LaunchException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real PostgreSQL 17 server from the embedded binaries, with its data in a fixed directory so
 * that it survives restarts. Creates the backend's user and database on first start. Like
 * production, every connection needs a password (scram-sha-256), and writes are durable unless
 * {@code durable} is false (fsync and synchronous commit off: faster, for tests).
 */
public final class Database implements Component {

    private final String name;
    private final String database;
    private final int port;
    private final String password;
    private final String adminPassword;
    private final boolean durable;
    private final Path dataDir;
    private final Path logFile;
    private EmbeddedPostgres postgres;
    private boolean stopRequested;

    public Database(
            String name,
            String database,
            int port,
            String password,
            String adminPassword,
            boolean durable,
            Path dataDir,
            Path logFile) {
        this.name = name;
        this.database = database;
        this.port = port;
        this.password = password;
        this.adminPassword = adminPassword;
        this.durable = durable;
        this.dataDir = dataDir;
        this.logFile = logFile;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() throws Exception {
        synchronized (this) {
            stopRequested = false;
        }
        Files.createDirectories(dataDir.getParent());
        Files.createDirectories(logFile.getParent());
        stopLeftOver();
        EmbeddedPostgres started = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                // after the library's own "-F" (fsync off) on the command line, so this wins
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("password_encryption", "scram-sha-256")
                // its readiness check and ours log in as the superuser, with its password once it has one
                .setConnectConfig("password", adminPassword)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        synchronized (this) {
            postgres = started;
            if (stopRequested) { // stopped while it was starting
                stop();
                throw new LaunchException(name + " was stopped while starting.");
            }
        }
        createUserAndDatabase(started);
    }

    /** Also on every later start: the passwords follow the secrets file, the server needs them all. */
    private void createUserAndDatabase(EmbeddedPostgres pg) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            try (Statement s = c.createStatement()) {
                // the passwords are generated base64url: no quoting issues
                s.execute("alter role postgres password '" + adminPassword + "'");
                if (!exists(c, "select 1 from pg_roles where rolname = ?")) {
                    s.execute("create role \"" + database + "\" login password '" + password + "'");
                } else {
                    s.execute("alter role \"" + database + "\" password '" + password + "'");
                }
            }
            if (!exists(c, "select 1 from pg_database where datname = ?")) {
                try (Statement s = c.createStatement()) {
                    s.execute("create database \"" + database + "\" owner \"" + database + "\"");
                }
            }
            requirePasswords(c);
        }
    }

    /**
     * The library's initdb trusts every local connection: replaced by password authentication for
     * all, as soon as the superuser has a password (the first start is the only moment without).
     */
    private void requirePasswords(Connection c) throws Exception {
        Path hba = dataDir.resolve("pg_hba.conf");
        if (!HBA.equals(Files.exists(hba) ? Files.readString(hba) : "")) {
            Files.writeString(hba, HBA);
            try (Statement s = c.createStatement()) {
                s.execute("select pg_reload_conf()");
            }
        }
    }

    static final String HBA = """
      # Written by the launcher: a password for every connection, as in production.
      # TYPE  DATABASE  USER  ADDRESS       METHOD
      local   all       all                 scram-sha-256
      host    all       all   127.0.0.1/32  scram-sha-256
      host    all       all   ::1/128       scram-sha-256
      """;

    private boolean exists(Connection c, String sql) throws Exception {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, database);
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        }
    }

    /** A server left running by a launcher that was killed would keep the data directory locked. */
    private void stopLeftOver() {
        postmasterPid()
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .ifPresent(p -> {
                    p.destroy();
                    p.onExit()
                            .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                            .exceptionally(e -> p)
                            .join();
                    p.destroyForcibly();
                });
    }

    @Override
    public void stop() {
        EmbeddedPostgres pg;
        synchronized (this) {
            stopRequested = true;
            pg = postgres;
            postgres = null;
        }
        if (pg == null) {
            return;
        }
        Optional<ProcessHandle> postmaster = postmasterPid().flatMap(ProcessHandle::of);
        try {
            pg.close();
        } catch (IOException e) {
            // pg_ctl reported a problem; the process is ended below
        }
        // pg_ctl returns once the pid file is gone, a moment before the server process has exited
        postmaster.ifPresent(p -> {
            p.onExit()
                    .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                    .exceptionally(e -> p)
                    .join();
            p.destroyForcibly();
        });
    }

    @Override
    public List<Long> pids() {
        return postmasterPid()
                .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .map(List::of)
                .orElse(List.of());
    }

    @Override
    public List<String> lastLogLines() {
        return LogTail.last(logFile, 30);
    }

    private Optional<Long> postmasterPid() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (Files.exists(pidFile)) {
                return Optional.of(
                        Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
            }
        } catch (IOException | RuntimeException e) {
            // no readable pid: nothing running
        }
        return Optional.empty();
    }
}
