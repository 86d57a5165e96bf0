-- The language the recipient reads (de, fr, it, en), chosen by the provider: the link's first page starts in it.
alter table shares add column language text not null default 'de'
  constraint shares_language check (language in ('de', 'fr', 'it', 'en'));
