-- Account flows: verified e-mail, password reset, two-factor sign-in (docs/security.md, "Account flows").

-- When the address was proven to reach the account's owner. Accounts that exist before this migration count
-- as verified: they were created and used before verification existed, their owners have been receiving the
-- platform's mails at these addresses, and blocking their sending until they click a link nobody sent them
-- would stop working fiduciaries without making anything safer. Every account created from now on starts
-- unverified (null) and cannot send documents until the link in its verification mail is opened.
alter table provider add column email_verified_at timestamptz;
update provider set email_verified_at = created_at;

-- The language of the account's own mails (verification, reset, security notices): the sign-up request's.
alter table provider add column language text not null default 'de'
  constraint provider_language check (language in ('de', 'fr', 'it', 'en'));

-- TOTP (RFC 6238): the secret sealed with AES-GCM (never in clear), the one being enrolled until it is
-- confirmed with a code, and the last time step used, so a code is accepted only once (RFC 6238 section 5.2).
alter table provider
  add column totp_secret         bytea,
  add column totp_pending_secret bytea,
  add column totp_enabled_at     timestamptz,
  add column totp_last_step      bigint,
  -- the organisation's setting: every sign-in must use a second factor; without one, enrolment comes first
  add column require_two_factor  boolean not null default false;

-- Single-use links mailed to the owner: only base64url(sha256(token)) is stored.
create table account_token (
  token_hash  text primary key,
  provider_id uuid not null references provider (id) on delete cascade,
  purpose     text not null check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD')),
  -- the address the link was sent to: a changed address becomes the account's only once it is verified
  email       text not null,
  expires_at  timestamptz not null,
  created_at  timestamptz not null default now()
);
create index account_token_provider on account_token (provider_id, purpose);

-- Ten single-use recovery codes per account with two-factor sign-in, as sha256 hex.
create table recovery_code (
  provider_id uuid not null references provider (id) on delete cascade,
  code_hash   text not null,
  primary key (provider_id, code_hash)
);
