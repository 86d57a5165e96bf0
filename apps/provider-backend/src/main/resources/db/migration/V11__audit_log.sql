-- The account's audit log (provider-backend audit.Audit, ADR 0304): append-only, removed only with the account.
create table audit_event (
  id          bigint generated always as identity primary key,
  provider_id uuid not null references provider (id) on delete cascade,
  at          timestamptz not null default now(),
  type        text not null,
  ip          text,
  subject_id  uuid,
  details     text,
  -- set for entries imported from elsewhere (the client side's share events), so each is imported once
  source_key  text
);
create index audit_event_provider_at on audit_event (provider_id, at desc, id desc);
create unique index audit_event_source_uq on audit_event (provider_id, source_key) where source_key is not null;

-- Entries cannot be changed; they can be deleted only by the cascade of deleting their account (the account's
-- row is gone by then), never one by one or by TRUNCATE.
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if not exists (select 1 from provider where id = old.provider_id) then
      return old;
    end if;
  end if;
  raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_no_update before update on audit_event
  for each row execute function audit_event_append_only();
create trigger audit_event_no_delete before delete on audit_event
  for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_append_only();
