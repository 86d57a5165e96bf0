package ch.ontrack.client.health;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** For smoke tests through the gateway: UP while the database answers. */
@RestController
@Tag(name = "Health", description = "Whether the service and its database answer.")
class PublicHealthController {

  private final JdbcClient jdbc;

  PublicHealthController(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/api/health")
  ResponseEntity<Map<String, String>> health() {
    try {
      jdbc.sql("select 1").query(Integer.class).single();
      return ResponseEntity.ok(Map.of("status", "UP"));
    } catch (DataAccessException e) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "DOWN"));
    }
  }
}
