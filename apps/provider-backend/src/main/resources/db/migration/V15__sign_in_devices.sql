-- The devices (browser and system, named as in the list of sessions) each account has signed in from. A sign-in
-- from one not seen before is told to the owner by mail; the first device an account is seen with is only noted.
create table sign_in_device (
  provider_id   uuid        not null references provider (id) on delete cascade,
  device        text        not null,
  first_seen_at timestamptz not null default now(),
  primary key (provider_id, device)
);
