package ch.ontrack.provider;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ProviderBackendApplication {

  public static void main(String[] args) {
    SpringApplication.run(ProviderBackendApplication.class, args);
  }
}
