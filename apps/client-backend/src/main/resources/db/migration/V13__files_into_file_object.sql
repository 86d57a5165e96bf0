-- The files' bytes move to the shared store of libs/web-support (db/files V12, ch.ontrack.web.files), named by
-- files.object_id. They stay as they were (not encrypted, key_id null) and are read as such; `files migrate`
-- encrypts them as it moves them to S3 (docs/architecture.md "File storage").
alter table files add column object_id uuid;
update files set object_id = gen_random_uuid();
alter table files alter column object_id set not null;
alter table files add constraint files_object unique (object_id);

insert into file_object (id, store, state, size, stored_size, created_at)
select f.object_id, 'postgres', 'stored', coalesce(c.bytes, 0), coalesce(c.bytes, 0), f.created_at
from files f
left join (select file_ref, sum(length(data)) as bytes from file_chunks group by file_ref) c on c.file_ref = f.id;

insert into file_object_chunk (object_id, seq, data)
select f.object_id, c.seq, c.data from file_chunks c join files f on f.id = c.file_ref;

drop table file_chunks;
