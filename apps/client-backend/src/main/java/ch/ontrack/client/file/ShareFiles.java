package ch.ontrack.client.file;

import ch.ontrack.web.files.FileReferences;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A share file's bytes are the stored file named by files.object_id: one no row names is an orphan. */
@Configuration(proxyBeanMethods = false)
class ShareFiles {

    @Bean
    FileReferences fileReferences() {
        return new FileReferences("files", "object_id");
    }
}
