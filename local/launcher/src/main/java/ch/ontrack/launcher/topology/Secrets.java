package ch.ontrack.launcher.topology;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The local secrets, generated on first start and kept in the data directory: nothing secret is
 * committed, and every developer's values differ.
 */
public record Secrets(Properties values) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static Secrets loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve("secrets.properties");
        Properties p = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    p.load(in);
                }
            }
            boolean changed = false;
            changed |= putIfAbsent(p, "INTERNAL_API_SECRET", urlSafe(32));
            changed |= putIfAbsent(
                    p, "ACCESS_CODE_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(bytes(32)));
            // one key "k1"; the backends read "<id>:<base64 of 32 bytes>[,...]", the first encrypting new files
            changed |= putIfAbsent(
                    p, "FILE_ENCRYPTION_KEYS", "k1:" + Base64.getEncoder().encodeToString(bytes(32)));
            changed |= putIfAbsent(p, LocalTopology.OBJECT_STORE + ".access-key", urlSafe(15));
            changed |= putIfAbsent(p, LocalTopology.OBJECT_STORE + ".secret-key", urlSafe(30));
            changed |= putIfAbsent(p, LocalTopology.PROVIDER_DB + ".password", urlSafe(24));
            changed |= putIfAbsent(p, LocalTopology.CLIENT_DB + ".password", urlSafe(24));
            changed |= putIfAbsent(p, LocalTopology.PROVIDER_DB + ".admin-password", urlSafe(24));
            changed |= putIfAbsent(p, LocalTopology.CLIENT_DB + ".admin-password", urlSafe(24));
            if (changed) {
                Files.createDirectories(dataDir);
                try (Writer out = Files.newBufferedWriter(file)) {
                    p.store(out, "Local development secrets, generated on first start");
                }
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Secrets(p);
    }

    String internalApiSecret() {
        return values.getProperty("INTERNAL_API_SECRET");
    }

    String accessCodeEncryptionKey() {
        return values.getProperty("ACCESS_CODE_ENCRYPTION_KEY");
    }

    String fileEncryptionKeys() {
        return values.getProperty("FILE_ENCRYPTION_KEYS");
    }

    /** The local S3 server's only identity, used by both backends. */
    public String objectStoreAccessKey() {
        return values.getProperty(LocalTopology.OBJECT_STORE + ".access-key");
    }

    public String objectStoreSecretKey() {
        return values.getProperty(LocalTopology.OBJECT_STORE + ".secret-key");
    }

    public String databasePassword(String database) {
        return values.getProperty(database + ".password");
    }

    /** The database server's superuser "postgres", which only the launcher uses. */
    public String databaseAdminPassword(String database) {
        return values.getProperty(database + ".admin-password");
    }

    static String urlSafe(int length) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(length));
    }

    private static byte[] bytes(int length) {
        byte[] b = new byte[length];
        RANDOM.nextBytes(b);
        return b;
    }

    private static boolean putIfAbsent(Properties p, String key, String value) {
        return p.putIfAbsent(key, value) == null;
    }
}
