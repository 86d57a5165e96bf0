package ch.ontrack.provider.sharing;

import ch.ontrack.provider.documents.Document;
import ch.ontrack.provider.documents.Documents;
import ch.ontrack.provider.documents.StoredFile;
import ch.ontrack.web.files.FileStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out one outbox item: deliver (files, then the share, then the mail), revoke or delete. The item is
 * claimed with a lease in one short statement and carried out without a transaction or a held connection; each
 * result is recorded in its own short transaction, only while the lease is still ours (docs/adr/0212).
 */
@Component
class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
    /**
     * Renewed before each step, so longer than the longest step: a file PUT (5 min timeout), the share PUT (30 s),
     * the mail (25 s of SMTP timeouts). A replica that dies mid-delivery leaves the item for this long.
     */
    static final Duration LEASE = Duration.ofMinutes(10);

    /** The lease ran out or the item was cancelled (revoked, deleted): whoever holds it now goes on. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost(Outbox.Item item) {
            super(
                    item.kind() + " of share " + item.shareId()
                            + " stopped: its outbox item was cancelled or taken over",
                    null,
                    false,
                    false);
        }
    }

    private final Shares shares;
    private final Outbox outbox;
    private final ClientBackend client;
    private final Documents documents;
    private final FileStore files;
    private final Secrets secrets;
    private final ShareMailer mailer;
    private final SharingSettings settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final SharingMeters sharing;
    private final DeliveryTraces traces;

    Delivery(
            Shares shares,
            Outbox outbox,
            ClientBackend client,
            Documents documents,
            FileStore files,
            Secrets secrets,
            ShareMailer mailer,
            SharingSettings settings,
            JdbcClient jdbc,
            TransactionTemplate tx,
            MeterRegistry meters,
            SharingMeters sharing,
            DeliveryTraces traces) {
        this.shares = shares;
        this.outbox = outbox;
        this.client = client;
        this.documents = documents;
        this.files = files;
        this.secrets = secrets;
        this.mailer = mailer;
        this.settings = settings;
        this.jdbc = jdbc;
        this.tx = tx;
        this.meters = meters;
        this.sharing = sharing;
        this.traces = traces;
    }

    /** Tries one item at once (the send request); empty when it was not delivered now. */
    Optional<String> tryNow(UUID outboxId) {
        return outbox.claim(outboxId, LEASE).flatMap(item -> process(item, false));
    }

    /** Queues a delivery the client backend refused once more and tries it at once; false when none was parked. */
    boolean retryFailed(UUID shareId) {
        Optional<UUID> requeued = tx.execute(status -> {
            shares.clearDeliveryFailure(shareId);
            return outbox.requeue(shareId);
        });
        // the answer shows no code: like a delivery in the background, it waits encrypted to be revealed once
        requeued.flatMap(id -> outbox.claim(id, LEASE)).ifPresent(item -> process(item, true));
        return requeued.isPresent();
    }

    /** Works off one due item, in a trace of its own (docs/adr/0291); false when there was none. */
    boolean processNextDue() {
        return outbox.claimNextDue(LEASE)
                .map(item -> {
                    traces.inNewTrace(item, () -> process(item, true));
                    return true;
                })
                .orElse(false);
    }

    /**
     * Never throws but for the database: a failure schedules a retry, a permanent refusal of a delivery parks it.
     * In the background the new code is kept encrypted.
     */
    private Optional<String> process(Outbox.Item item, boolean background) {
        try {
            return switch (item.kind()) {
                case DELIVER -> deliver(item, background);
                case REVOKE -> {
                    client.revoke(item.shareId());
                    finish(item, "REVOKE");
                    yield Optional.empty();
                }
                case DELETE -> {
                    client.delete(item.shareId());
                    finish(item, "DELETE");
                    yield Optional.empty();
                }
            };
        } catch (LeaseLost e) {
            log.info(e.getMessage());
            return Optional.empty();
        } catch (ClientBackend.Unavailable e) {
            if (item.kind() == Outbox.Kind.DELIVER && e.permanent()) {
                // retrying cannot help: the provider sees why and retries once the cause is fixed
                boolean parked = Boolean.TRUE.equals(tx.execute(status -> {
                    if (!outbox.fail(item, e.getMessage())) {
                        return false;
                    }
                    shares.markDeliveryFailed(item.shareId(), e.reason, item.attempts() + 1);
                    return true;
                }));
                if (parked) {
                    log.warn(
                            "Delivery of share {} refused for good (attempt {}): {}",
                            item.shareId(),
                            item.attempts() + 1,
                            e.getMessage());
                    count(item.kind().name(), "failed");
                    sharing.failed(e);
                }
                return Optional.empty();
            }
            return retryLater(item, e);
        } catch (RuntimeException e) {
            return retryLater(item, e);
        }
    }

    private void finish(Outbox.Item item, String kind) {
        if (outbox.done(item)) {
            count(kind, "done");
        }
    }

    private Optional<String> retryLater(Outbox.Item item, RuntimeException e) {
        Duration delay = retryDelay(settings.deliveryRetryInterval(), item.attempts());
        if (outbox.retryLater(item, delay, e.getMessage() == null ? e.getClass().getName() : e.getMessage())) {
            log.warn(
                    "{} of share {} failed (attempt {}), retrying in {}: {}",
                    item.kind(),
                    item.shareId(),
                    item.attempts() + 1,
                    delay,
                    e.getMessage());
            count(item.kind().name(), "retry");
            if (item.kind() == Outbox.Kind.DELIVER) {
                sharing.retried(e);
            }
        }
        return Optional.empty();
    }

    private Optional<String> deliver(Outbox.Item item, boolean background) {
        Shares.Row share = shares.byId(item.shareId()).orElse(null);
        if (share == null || share.revokedAt() != null) {
            outbox.done(item);
            return Optional.empty();
        }
        Document document =
                documents.find(share.providerId(), share.documentId()).orElseThrow();
        String organisation = jdbc.sql("select organisation from provider where id = ?")
                .param(share.providerId())
                .query(String.class)
                .single();
        String code = null;
        if (share.deliveredAt() == null) {
            boolean sent = false;
            for (StoredFile file : document.files()) {
                keep(item, sent, false);
                // each chunk is its own short query: no connection is held across the upload
                client.putFile(
                        share.id(),
                        file.id(),
                        file.name(),
                        file.contentType(),
                        file.size(),
                        () -> files.open(file.id()));
                sent = true;
            }
            keep(item, sent, false);
            String delivered = client.putShare(
                    share.id(),
                    new ClientBackend.Snapshot(
                            share.tokenHash(),
                            organisation,
                            document.title(),
                            document.message(),
                            share.recipientEmail(),
                            share.expiresAt(),
                            document.files().stream().map(StoredFile::id).toList(),
                            share.language()));
            byte[] sealed = background ? secrets.seal(delivered, "code:" + share.id()) : null;
            keep(item, true, true);
            sharing.delivered(shares.markDelivered(share.id(), sealed));
            code = delivered;
            log.info("Share {} delivered to the client backend", share.id());
            count("DELIVER", background ? "delivered-later" : "delivered-at-once");
        }
        // the mail goes out once the client backend has the share; a mail failure retries only the mail
        keep(item, true, true);
        String token = secrets.open(item.encryptedToken(), "token:" + share.id());
        try {
            mailer.send(
                    share.language(),
                    share.recipientEmail(),
                    organisation,
                    document.title(),
                    settings.link(token),
                    share.expiresAt(),
                    document.files().size());
        } catch (RuntimeException e) {
            Duration delay = retryDelay(settings.deliveryRetryInterval(), item.attempts());
            if (outbox.retryLater(item, delay, "mail: " + e.getMessage())) {
                log.warn("Mail for share {} failed, retrying in {}: {}", share.id(), delay, e.getMessage());
                count("MAIL", "retry");
            }
            return Optional.ofNullable(code);
        }
        outbox.done(item);
        log.info("Share {} mailed", share.id());
        return Optional.ofNullable(code);
    }

    /**
     * Renews the lease before the next step, or stops the delivery. When the item was cancelled meanwhile (the share
     * was revoked, or its document or account deleted), what already reached the client backend is revoked there
     * (the share was delivered) or deleted (only files, or the share is gone) through the outbox.
     */
    private void keep(Outbox.Item item, boolean sentSomething, boolean sharePut) {
        boolean held = Boolean.TRUE.equals(tx.execute(status -> {
            if (outbox.renew(item, LEASE)) {
                return true;
            }
            if (sentSomething && !outbox.exists(item.id())) {
                boolean revoke = sharePut && shares.byId(item.shareId()).isPresent();
                outbox.add(UUID.randomUUID(), item.shareId(), revoke ? Outbox.Kind.REVOKE : Outbox.Kind.DELETE, null);
            }
            return false;
        }));
        if (!held) {
            throw new LeaseLost(item);
        }
    }

    private void count(String kind, String outcome) {
        meters.counter("oc.outbox.items", "kind", kind, "outcome", outcome).increment();
    }

    /** The wait before the next try after {@code attempts} tries: the interval doubled per try, at most 15 minutes. */
    static Duration retryDelay(Duration interval, int attempts) {
        // past 10 doublings any sensible interval is above the maximum; the shift stays far from overflowing
        Duration delay = interval.multipliedBy(1L << Math.min(Math.max(attempts, 0), 10));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }
}
