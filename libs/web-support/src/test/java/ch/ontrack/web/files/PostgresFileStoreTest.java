package ch.ontrack.web.files;

import java.io.ByteArrayOutputStream;
import java.util.UUID;

class PostgresFileStoreTest extends FileStoreContract {

    @Override
    FileStoreSettings.Kind kind() {
        return FileStoreSettings.Kind.POSTGRES;
    }

    @Override
    byte[] raw(UUID id) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        jdbc.sql("select data from file_object_chunk where object_id = ? order by seq")
                .param(id)
                .query(byte[].class)
                .list()
                .forEach(all::writeBytes);
        return all.toByteArray();
    }

    @Override
    boolean blobExists(UUID id) {
        return jdbc.sql("select count(*) from file_object_chunk where object_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
