package ch.ontrack.launcher.mail;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.json.JsonMapper;

/** {@code mail.localhost}: the received messages as a page (links clickable) and as JSON. */
public final class MailPage extends Handler.Abstract {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}"
            + "article{border-top:1px solid #ccc;padding:1rem 0}pre{white-space:pre-wrap}"
            + "dl{display:grid;grid-template-columns:6rem 1fr;margin:0}dt{color:#666}dd{margin:0}";

    private final MailCatcher mail;
    private final JsonMapper json = new JsonMapper();

    public MailPage(MailCatcher mail) {
        this.mail = mail;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!HttpMethod.GET.is(request.getMethod())) {
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        String path = Request.getPathInContext(request);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        switch (path) {
            case "/", "/index.html" -> send(response, callback, "text/html;charset=utf-8", page(mail.messages()));
            case "/api/messages" ->
                send(response, callback, "application/json", json.writeValueAsString(mail.messages()));
            case "/mail.css" -> send(response, callback, "text/css;charset=utf-8", STYLE);
            default -> Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
        }
        return true;
    }

    private static void send(Response response, Callback callback, String type, String body) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, java.nio.ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    static String page(List<MailCatcher.Message> messages) {
        StringBuilder html = new StringBuilder(
                "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Local mail</title>"
                        + "<link rel=\"stylesheet\" href=\"/mail.css\"></head><body><h1>Local mail</h1>");
        html.append("<p>").append(messages.size()).append(" message(s) received. Reload to see new ones.</p>");
        for (MailCatcher.Message m : messages) {
            html.append("<article><h2>")
                    .append(escape(m.subject()))
                    .append("</h2><dl>")
                    .append("<dt>From</dt><dd>")
                    .append(escape(m.from()))
                    .append("</dd>")
                    .append("<dt>To</dt><dd>")
                    .append(escape(m.to()))
                    .append("</dd>")
                    .append("<dt>Time</dt><dd>")
                    .append(TIME.format(m.time()))
                    .append("</dd></dl>")
                    .append("<pre>")
                    .append(linkify(m.body()))
                    .append("</pre></article>");
        }
        return html.append("</body></html>").toString();
    }

    /** Escapes everything; only http(s) links become anchors. */
    static String linkify(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = LINK.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(escape(text.substring(last, m.start())));
            String url = escape(m.group());
            out.append("<a href=\"")
                    .append(url)
                    .append("\" rel=\"noreferrer\">")
                    .append(url)
                    .append("</a>");
            last = m.end();
        }
        return out.append(escape(text.substring(last))).toString();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
