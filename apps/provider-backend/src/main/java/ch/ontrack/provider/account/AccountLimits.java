package ch.ontrack.provider.account;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How often a verification or reset mail may be asked for: at most one a minute and five a day per account or
 * address, twenty an hour per client address. Counted in PostgreSQL, so every replica sees the same events.
 * The only place the account flows ask about limits: a shared limiter can take its place without other changes.
 */
@Component
class AccountLimits {

  record Window(Duration length, int max) {}

  static final List<Window> PER_ADDRESS = List.of(new Window(Duration.ofMinutes(1), 1), new Window(Duration.ofDays(1), 5));
  static final List<Window> PER_CLIENT_ADDRESS = List.of(new Window(Duration.ofHours(1), 20));

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  AccountLimits(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /** A verification mail for this account: empty when it may go, else the seconds to wait. */
  OptionalLong verificationMail(String providerId) {
    return take("verify:" + providerId, PER_ADDRESS);
  }

  /** A reset mail for this address (known or not, so the answer tells nothing), else the seconds to wait. */
  OptionalLong resetMail(String emailHash) {
    return take("reset:" + emailHash, PER_ADDRESS);
  }

  /** A reset asked for from this client address, else the seconds to wait. */
  OptionalLong resetFrom(String clientAddress) {
    return take("reset-ip:" + clientAddress, PER_CLIENT_ADDRESS);
  }

  /** Records the event unless a window is full; one key at a time (advisory lock), so concurrent asks count. */
  private OptionalLong take(String key, List<Window> windows) {
    return tx.execute(status -> {
      jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(key).query().singleValue();
      for (Window window : windows) {
        long wait = jdbc.sql("""
            select coalesce(case when count(*) >= ? then
              ceil(extract(epoch from min(at) + make_interval(secs => ?) - now()))::bigint end, -1) from (select at from account_limit_event where key = ? and at > now() - make_interval(secs => ?)
            order by at desc limit ?) recent""")
            .params(window.max(), window.length().toSeconds(), key, window.length().toSeconds(), window.max())
            .query(Long.class).single();
        if (wait >= 0) {
          return OptionalLong.of(Math.max(1, wait));
        }
      }
      jdbc.sql("insert into account_limit_event (key) values (?)").param(key).update();
      return OptionalLong.empty();
    });
  }

  @Scheduled(fixedDelay = 3_600_000)
  void forgetOld() {
    jdbc.sql("delete from account_limit_event where at < now() - interval '1 day'").update();
  }
}
