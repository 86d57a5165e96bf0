create table provider (
  id            uuid primary key,
  email         text not null,
  password_hash text not null,
  organisation  text not null,
  created_at    timestamptz not null default now()
);
create unique index provider_email_uq on provider (lower(email));

create table client (
  id          uuid primary key,
  provider_id uuid not null references provider (id) on delete cascade,
  name        text not null,
  email       text not null,
  created_at  timestamptz not null default now()
);
create index client_provider_name on client (provider_id, lower(name), id);

create table document (
  id          uuid primary key,
  provider_id uuid not null references provider (id) on delete cascade,
  title       text not null,
  message     text not null,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index document_provider_created on document (provider_id, created_at desc, id desc);

create table document_file (
  id           uuid primary key,
  document_id  uuid not null references document (id) on delete cascade,
  name         text not null,
  content_type text not null,
  size         bigint not null,
  created_at   timestamptz not null default now()
);
create index document_file_document on document_file (document_id, created_at);

-- file content in rows of about 1 MiB, so reads and writes stream with bounded memory
create table file_chunk (
  file_id uuid not null references document_file (id) on delete cascade,
  seq     int not null,
  data    bytea not null,
  primary key (file_id, seq)
);

create table share (
  id              uuid primary key,
  provider_id     uuid not null references provider (id) on delete cascade,
  document_id     uuid not null references document (id) on delete cascade,
  client_id       uuid references client (id) on delete set null,
  recipient_email text not null,
  token_hash      text not null unique,
  expires_at      timestamptz not null,
  created_at      timestamptz not null default now(),
  delivered_at    timestamptz,
  revoked_at      timestamptz,
  encrypted_code  bytea,
  events_json     text,
  events_at       timestamptz
);
create index share_document on share (document_id, created_at desc);

-- work for the client backend; no foreign key: deletions must outlive the share row
create table outbox (
  id              uuid primary key,
  share_id        uuid not null,
  kind            text not null check (kind in ('DELIVER', 'REVOKE', 'DELETE')),
  encrypted_token bytea,
  attempts        int not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error      text,
  created_at      timestamptz not null default now()
);
create index outbox_due on outbox (next_attempt_at);
create index outbox_share on outbox (share_id);

-- Spring Session's schema, with room for 256-bit session ids
create table spring_session (
  primary_id            char(36) not null,
  session_id            varchar(64) not null,
  creation_time         bigint not null,
  last_access_time      bigint not null,
  max_inactive_interval int not null,
  expiry_time           bigint not null,
  principal_name        varchar(100),
  constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
  session_primary_id char(36) not null,
  attribute_name     varchar(200) not null,
  attribute_bytes    bytea not null,
  constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
  constraint spring_session_attributes_fk foreign key (session_primary_id)
    references spring_session (primary_id) on delete cascade
);
