package ch.ontrack.provider.documents;

import ch.ontrack.web.files.FileReferences;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A document file's id is its stored file's id: a stored file without a document_file row is an orphan. */
@Configuration(proxyBeanMethods = false)
class DocumentFiles {

    @Bean
    FileReferences fileReferences() {
        return new FileReferences("document_file", "id");
    }
}
