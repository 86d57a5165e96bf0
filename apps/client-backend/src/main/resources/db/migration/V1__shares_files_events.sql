-- Ids come from the provider backend; they are opaque strings here.
create table shares (
  id               text primary key,
  token_hash       text not null unique,
  provider_name    text not null,
  title            text not null,
  message          text,
  recipient_email  text not null,
  expires_at       timestamptz not null,
  access_code_hash text not null,
  failed_attempts  integer not null default 0,
  locked_at        timestamptz,
  revoked_at       timestamptz,
  created_at       timestamptz not null default now()
);

-- Files arrive before their share, so there is no foreign key to shares.
create table files (
  id           bigserial primary key,
  share_id     text not null,
  file_id      text not null,
  name         text not null,
  content_type text not null,
  size         bigint not null default 0,
  inline_safe  boolean not null default false,
  created_at   timestamptz not null default now(),
  unique (share_id, file_id)
);

create table file_chunks (
  file_ref bigint not null references files (id) on delete cascade,
  seq      integer not null,
  data     bytea not null,
  primary key (file_ref, seq)
);

create table share_events (
  id       bigserial primary key,
  share_id text not null references shares (id) on delete cascade,
  type     text not null,
  at       timestamptz not null default now(),
  file_id  text
);
create index share_events_share on share_events (share_id, id);

-- Only the hash of the cookie value is kept.
create table share_sessions (
  token_hash text primary key,
  share_id   text not null references shares (id) on delete cascade,
  expires_at timestamptz not null
);
create index share_sessions_share on share_sessions (share_id);
create index share_sessions_expiry on share_sessions (expires_at);
