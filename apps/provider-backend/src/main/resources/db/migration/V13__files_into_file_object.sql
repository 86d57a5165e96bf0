-- The files' bytes move to the shared store of libs/web-support (db/files V12, ch.ontrack.web.files): a document
-- file's stored file has the same id. They stay as they were (not encrypted, key_id null) and are read as such;
-- `files migrate` encrypts them as it moves them to S3 (docs/architecture.md "File storage").
insert into file_object (id, store, state, size, stored_size, created_at)
select f.id, 'postgres', 'stored', coalesce(c.bytes, 0), coalesce(c.bytes, 0), f.created_at
from document_file f
left join (select file_id, sum(length(data)) as bytes from file_chunk group by file_id) c on c.file_id = f.id;

insert into file_object_chunk (object_id, seq, data)
select file_id, seq, data from file_chunk;

drop table file_chunk;
