-- A file's chunks in PostgreSQL belong to a chunk set, the one its row names. `files encrypt` writes the encrypted
-- chunks of a file stored before encryption as a new set beside the clear one and then points the row at it, so
-- reads that began before go on with the old set; FileCleanup removes it ten minutes later (moved_at).
alter table file_object add column chunk_set int not null default 0;
alter table file_object_chunk add column chunk_set int not null default 0;
alter table file_object_chunk drop constraint file_object_chunk_pkey;
alter table file_object_chunk add primary key (object_id, chunk_set, seq);
