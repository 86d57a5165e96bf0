package ch.ontrack.client;

import ch.ontrack.web.files.FilesCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Serves shared documents to clients; receives them from the provider backend. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ClientBackendApplication {

    public static void main(String[] args) {
        if (FilesCommand.requested(args)) {
            System.exit(FilesCommand.run(ClientBackendApplication.class, args, System.out, System.err));
        }
        SpringApplication.run(ClientBackendApplication.class, args);
    }
}
