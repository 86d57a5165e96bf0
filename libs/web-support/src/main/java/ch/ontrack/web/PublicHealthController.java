package ch.ontrack.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/health} for smoke tests through the gateway: UP while the database answers, DOWN within
 * a second when it does not. The Kubernetes probes use the management port instead, which the gateway
 * never routes.
 */
@RestController
public class PublicHealthController {

    private final DatabaseCheck database;

    public PublicHealthController(DatabaseCheck database) {
        this.database = database;
    }

    @GetMapping("/api/health")
    public ResponseEntity<Map<String, String>> health() {
        if (database.up()) {
            return ResponseEntity.ok(Map.of("status", "UP"));
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "DOWN"));
    }
}
