-- The replica working on an item (docs/adr/0212): set with next_attempt_at = now() + lease when claimed, so
-- the delivery runs without a transaction; the result is recorded only while the lease is still this one.
alter table outbox add column lease uuid;
