-- a delivery the client backend refused for good stops retrying and waits for the provider (docs/adr/0210)
alter table outbox add column failed_at timestamptz;
drop index outbox_due;
create index outbox_due on outbox (next_attempt_at) where failed_at is null;

alter table share
  add column delivery_failed_at timestamptz,
  add column delivery_failure   text,
  add column delivery_attempts  int not null default 0;
