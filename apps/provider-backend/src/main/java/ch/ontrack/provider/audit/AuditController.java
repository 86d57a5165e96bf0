package ch.ontrack.provider.audit;

import ch.ontrack.web.ApiProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in account's audit log: a page of it, or all of it as CSV. Read-only: no endpoint changes or deletes
 * entries. {@code from} and {@code to} are days (inclusive) in Swiss time.
 */
@RestController
class AuditController {

    @Schema(name = "AuditPage")
    record Page(List<AuditEntry> items, int page, int size, long total) {}

    static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    static final int MAX_SIZE = 100;
    static final int MAX_CSV_ROWS = 100_000;

    private final AuditLog log;
    private final ApplicationEventPublisher events;

    AuditController(AuditLog log, ApplicationEventPublisher events) {
        this.log = log;
        this.events = events;
    }

    @GetMapping("/api/audit")
    Page page(
            @AuthenticationPrincipal AuthenticatedPrincipal principal,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        if (page < 0 || page > 100_000 || size < 1 || size > MAX_SIZE) {
            throw invalid("page must be 0 or more and size between 1 and " + MAX_SIZE + ".");
        }
        UUID account = account(principal);
        AuditLog.Filter filter = filter(type, from, to);
        events.publishEvent(new AuditReading(account));
        return new Page(log.page(account, filter, page * size, size), page, size, log.count(account, filter));
    }

    @GetMapping("/api/audit.csv")
    void csv(
            @AuthenticationPrincipal AuthenticatedPrincipal principal,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HttpServletResponse response)
            throws IOException {
        UUID account = account(principal);
        AuditLog.Filter filter = filter(type, from, to);
        events.publishEvent(new AuditReading(account));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"activity.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        out.write(Csv.row("time", "type", "ip", "subject", "details"));
        log.each(account, filter, MAX_CSV_ROWS, entry -> {
            try {
                out.write(Csv.row(
                        entry.at().toString(),
                        entry.type().name(),
                        entry.ip(),
                        entry.subjectId() == null ? null : entry.subjectId().toString(),
                        entry.details()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    private static AuditLog.Filter filter(String type, String from, String to) {
        AuditType auditType = null;
        if (type != null && !type.isBlank()) {
            try {
                auditType = AuditType.valueOf(type.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid("type is not a known kind of entry.");
            }
        }
        LocalDate start = day(from, "from");
        LocalDate end = day(to, "to");
        return new AuditLog.Filter(
                auditType,
                start == null ? null : start.atStartOfDay(ZURICH).toInstant(),
                end == null ? null : end.plusDays(1).atStartOfDay(ZURICH).toInstant());
    }

    /** The signed-in provider's id: their principal's name (the audit log knows no more of accounts). */
    private static UUID account(AuthenticatedPrincipal principal) {
        return UUID.fromString(principal.getName());
    }

    private static LocalDate day(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(name + " must be a date like 2026-01-31.");
        }
    }

    private static ApiProblem invalid(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail);
    }
}
