-- The language a client reads (de, fr, it, en): it decides their e-mails and the first page of their link.
-- A share keeps the language it was sent in, so a later change in the address book does not change it.
alter table client add column language text not null default 'de'
  constraint client_language check (language in ('de', 'fr', 'it', 'en'));
alter table share add column language text not null default 'de'
  constraint share_language check (language in ('de', 'fr', 'it', 'en'));
