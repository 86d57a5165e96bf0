package ch.ontrack.provider;

import ch.ontrack.web.files.FilesCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ProviderBackendApplication {

    public static void main(String[] args) {
        if (FilesCommand.requested(args)) {
            System.exit(FilesCommand.run(ProviderBackendApplication.class, args, System.out, System.err));
        }
        SpringApplication.run(ProviderBackendApplication.class, args);
    }
}
