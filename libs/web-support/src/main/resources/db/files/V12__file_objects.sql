-- The bytes of both backends' files (libs/web-support ch.ontrack.web.files, ADR 0310), encrypted with a data key
-- per file that is stored here wrapped by a key-encryption key (key_id names it; null: stored before encryption).
-- store: where the bytes are, postgres (file_object_chunk) or s3 (object files/<id>); sha256 and stored_size are
-- of the stored bytes, so a copy between stores is checked without decrypting. size: the file's own length.
create table file_object (
  id          uuid primary key,
  store       text not null constraint file_object_store check (store in ('postgres', 's3')),
  state       text not null default 'writing' constraint file_object_state check (state in ('writing', 'stored')),
  size        bigint not null default 0,
  stored_size bigint not null default 0,
  sha256      bytea,
  key_id      text,
  wrapped_key bytea,
  created_at  timestamptz not null default now(),
  moved_at    timestamptz
);
create index file_object_key on file_object (key_id);
create index file_object_store on file_object (store, moved_at);

-- stored bytes in rows of 1 MiB (one Tink segment each), so reads and writes stream with bounded memory
create table file_object_chunk (
  object_id uuid not null references file_object (id) on delete cascade,
  seq       int not null,
  data      bytea not null,
  primary key (object_id, seq)
);
