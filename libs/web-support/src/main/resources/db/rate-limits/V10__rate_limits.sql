-- Attempt limits shared by every replica (libs/web-support ratelimit.RateLimits, ADR 0302).
-- Keys are 64 bits of SHA-256 over the limit and the key: no address or e-mail is stored here.

-- Bucket4j's PostgreSQL table (select-for-update proxy manager): serialized bucket state, and the epoch
-- milliseconds at which the bucket is full again, after which the row is deleted
create table rate_limit_bucket (
  id         bigint primary key,
  state      bytea,
  expires_at bigint
);
create index rate_limit_bucket_expires on rate_limit_bucket (expires_at);

-- failures in a row per key, for growing waits (never a hard block)
create table rate_limit_failure (
  id         bigint primary key,
  failures   int not null,
  wait_until timestamptz not null,
  forget_at  timestamptz not null
);
create index rate_limit_failure_forget on rate_limit_failure (forget_at);
