package ch.ontrack.smoke;

import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.apiclient.ApiSession;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;

/** What one site (provider or client host) must show from outside, before any account is used. */
final class SiteChecks {

    /** Routed to backends' internal or management ports only by mistake: none may answer 2xx. */
    static final List<String> CLOSED_PATHS = List.of(
            "/internal/shares/smoke-check/events",
            "/api/internal/shares/smoke-check/events",
            "/actuator/health",
            "/actuator/prometheus",
            "/api/actuator/health",
            "/api/actuator/prometheus");

    private final Report report;

    SiteChecks(Report report) {
        this.report = report;
    }

    /** Returns whether every check of this site passed. */
    boolean run(String site, ApiSession base) {
        String tls = site + " site answers over verified TLS (" + base.base().getHost() + ")";
        ApiResponse index;
        try {
            index = base.get("/");
            report.ok(tls);
        } catch (Exception e) {
            report.fail(tls, Explain.failure(e));
            for (String check :
                    List.of("frontend loads", "/api/health is UP", "internal and management paths closed")) {
                report.skip(site + " " + check, "the site is not reachable over TLS");
            }
            return false;
        }
        boolean ok = frontend(site, index);
        ok &= health(site, base);
        ok &= closedPaths(site, base, index);
        return ok;
    }

    private boolean frontend(String site, ApiResponse index) {
        String check = site + " frontend loads";
        if (index.status() == 200
                && index.contentType().startsWith("text/html")
                && index.text().contains("<script")) {
            report.ok(check);
            return true;
        }
        report.fail(check, "GET / answered " + index.summary() + "; expected 200 HTML with a <script> tag");
        return false;
    }

    private boolean health(String site, ApiSession base) {
        String check = site + " /api/health is UP";
        try {
            ApiResponse r = base.get("/api/health");
            if (r.status() == 200 && "UP".equals(statusOf(r))) {
                report.ok(check);
                return true;
            }
            report.fail(check, "GET /api/health answered " + r.summary());
        } catch (Exception e) {
            report.fail(check, Explain.failure(e));
        }
        return false;
    }

    private boolean closedPaths(String site, ApiSession base, ApiResponse index) {
        String check = site + " internal and management paths closed";
        List<String> open = new ArrayList<>();
        for (String path : CLOSED_PATHS) {
            try {
                ApiResponse r = base.get(path);
                if (r.ok() && !isSpaFallback(r, index)) {
                    open.add("GET " + path + " answered " + r.summary());
                }
            } catch (Exception e) {
                // A refused or reset request is what a closed path may look like.
            }
        }
        if (open.isEmpty()) {
            report.ok(check);
            return true;
        }
        report.fail(check, String.join("; ", open));
        return false;
    }

    /** The frontend answers unknown paths with its index page: that is not the backend answering. */
    private static boolean isSpaFallback(ApiResponse r, ApiResponse index) {
        return r.contentType().startsWith("text/html") && r.text().equals(index.text());
    }

    private static String statusOf(ApiResponse r) {
        try {
            return r.json().path("status").asString(null);
        } catch (JacksonException e) {
            return null;
        }
    }
}
