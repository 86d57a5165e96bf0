package ch.ontrack.client;

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
    SpringApplication.run(ClientBackendApplication.class, args);
  }
}
