package ch.ontrack.provider.sharing;

import ch.ontrack.provider.documents.Document;
import ch.ontrack.provider.documents.Documents;
import ch.ontrack.provider.documents.FileStore;
import ch.ontrack.provider.documents.StoredFile;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Carries out one outbox item: deliver (files, then the share, then the mail), revoke or delete. */
@Component
class Delivery {

  private static final Logger log = LoggerFactory.getLogger(Delivery.class);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

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

  Delivery(Shares shares, Outbox outbox, ClientBackend client, Documents documents, FileStore files,
      Secrets secrets, ShareMailer mailer, SharingSettings settings, JdbcClient jdbc, TransactionTemplate tx,
      MeterRegistry meters) {
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
  }

  /** Tries one item at once (the send request); empty when it was not delivered now. */
  Optional<String> tryNow(UUID outboxId) {
    return tx.execute(status -> outbox.lock(outboxId).flatMap(item -> process(item, false)));
  }

  /** Queues a delivery the client backend refused once more and tries it at once; false when none was parked. */
  boolean retryFailed(UUID shareId) {
    Optional<UUID> requeued = tx.execute(status -> {
      shares.clearDeliveryFailure(shareId);
      return outbox.requeue(shareId);
    });
    // the answer shows no code: like a delivery in the background, it waits encrypted to be revealed once
    requeued.ifPresent(id -> tx.executeWithoutResult(status ->
        outbox.lock(id).ifPresent(item -> process(item, true))));
    return requeued.isPresent();
  }

  /** Works off one due item; false when there was none. */
  boolean processNextDue() {
    return Boolean.TRUE.equals(tx.execute(status -> outbox.lockNextDue()
        .map(item -> {
          process(item, true);
          return true;
        })
        .orElse(false)));
  }

  /**
   * Never throws: a failure schedules a retry, a permanent refusal of a delivery parks it. In the background
   * the new code is kept encrypted.
   */
  private Optional<String> process(Outbox.Item item, boolean background) {
    try {
      return switch (item.kind()) {
        case DELIVER -> deliver(item, background);
        case REVOKE -> {
          client.revoke(item.shareId());
          outbox.done(item.id());
          count("REVOKE", "done");
          yield Optional.empty();
        }
        case DELETE -> {
          client.delete(item.shareId());
          outbox.done(item.id());
          count("DELETE", "done");
          yield Optional.empty();
        }
      };
    } catch (ClientBackend.Unavailable e) {
      if (item.kind() == Outbox.Kind.DELIVER && e.permanent()) {
        // retrying cannot help: the provider sees why and retries once the cause is fixed
        log.warn("Delivery of share {} refused for good (attempt {}): {}", item.shareId(), item.attempts() + 1,
            e.getMessage());
        outbox.fail(item, e.getMessage());
        shares.markDeliveryFailed(item.shareId(), e.getMessage(), item.attempts() + 1);
        count(item.kind().name(), "failed");
        return Optional.empty();
      }
      return retryLater(item, e);
    } catch (RuntimeException e) {
      return retryLater(item, e);
    }
  }

  private Optional<String> retryLater(Outbox.Item item, RuntimeException e) {
    Duration delay = backoff(item.attempts());
    log.warn("{} of share {} failed (attempt {}), retrying in {}: {}", item.kind(), item.shareId(),
        item.attempts() + 1, delay, e.getMessage());
    outbox.retryLater(item, delay, e.getMessage() == null ? e.getClass().getName() : e.getMessage());
    count(item.kind().name(), "retry");
    return Optional.empty();
  }

  private Optional<String> deliver(Outbox.Item item, boolean background) {
    Shares.Row share = shares.byId(item.shareId()).orElse(null);
    if (share == null || share.revokedAt() != null) {
      outbox.done(item.id());
      return Optional.empty();
    }
    Document document = documents.find(share.providerId(), share.documentId()).orElseThrow();
    String organisation = jdbc.sql("select organisation from provider where id = ?")
        .param(share.providerId()).query(String.class).single();
    String code = null;
    if (share.deliveredAt() == null) {
      for (StoredFile file : document.files()) {
        client.putFile(share.id(), file.id(), file.name(), file.contentType(), file.size(),
            () -> files.open(file.id()));
      }
      code = client.putShare(share.id(), new ClientBackend.Snapshot(share.tokenHash(), organisation,
          document.title(), document.message(), share.recipientEmail(), share.expiresAt(),
          document.files().stream().map(StoredFile::id).toList()));
      shares.markDelivered(share.id(), background ? secrets.seal(code, "code:" + share.id()) : null);
      log.info("Share {} delivered to the client backend", share.id());
      count("DELIVER", background ? "delivered-later" : "delivered-at-once");
    }
    // the mail goes out once the client backend has the share; a mail failure retries only the mail
    String token = secrets.open(item.encryptedToken(), "token:" + share.id());
    try {
      mailer.send(share.recipientEmail(), organisation, document.title(), settings.link(token));
      outbox.done(item.id());
      log.info("Share {} mailed", share.id());
    } catch (RuntimeException e) {
      Duration delay = backoff(item.attempts());
      log.warn("Mail for share {} failed, retrying in {}: {}", share.id(), delay, e.getMessage());
      count("MAIL", "retry");
      outbox.retryLater(item, delay, "mail: " + e.getMessage());
    }
    return Optional.ofNullable(code);
  }

  private void count(String kind, String outcome) {
    meters.counter("oc.outbox.items", "kind", kind, "outcome", outcome).increment();
  }

  private Duration backoff(int attempts) {
    Duration delay = settings.deliveryRetryInterval().multipliedBy(1L << Math.min(attempts, 10));
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }
}
