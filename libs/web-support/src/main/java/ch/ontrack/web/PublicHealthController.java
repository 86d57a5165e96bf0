package ch.ontrack.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/health} for smoke tests through the gateway: UP while the database answers. The
 * Kubernetes probes use the management port instead, which the gateway never routes.
 */
@RestController
public class PublicHealthController {

  private final DataSource dataSource;

  public PublicHealthController(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @GetMapping("/api/health")
  public ResponseEntity<Map<String, String>> health() {
    try (Connection connection = dataSource.getConnection()) {
      if (connection.isValid(2)) {
        return ResponseEntity.ok(Map.of("status", "UP"));
      }
    } catch (SQLException | RuntimeException e) {
      // reported as DOWN below
    }
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "DOWN"));
  }
}
