package ch.ontrack.provider.system;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public health for smoke tests; the probes live on the management port. */
@RestController
class HealthController {

  private final JdbcClient jdbc;

  HealthController(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/api/health")
  ResponseEntity<Map<String, String>> health() {
    try {
      jdbc.sql("select 1").query(Integer.class).single();
      return ResponseEntity.ok(Map.of("status", "UP"));
    } catch (RuntimeException e) {
      return ResponseEntity.status(503).body(Map.of("status", "DOWN"));
    }
  }
}
