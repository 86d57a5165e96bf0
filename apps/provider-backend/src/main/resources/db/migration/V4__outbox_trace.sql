-- the W3C traceparent of the request that queued the item: a delivery in the background is a trace of its own
-- with a link to it (docs/adr/0291); null when that request was not traced
alter table outbox add column trace_parent varchar(55);
