package ch.ontrack.launcher.mail;

import ch.ontrack.launcher.component.Component;
import ch.ontrack.launcher.component.LaunchException;
import ch.ontrack.launcher.topology.LocalTopology;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** An SMTP server that keeps every message it receives, for the mail page. */
public final class MailCatcher implements Component {

    /** {@code body} is the plain-text part (or the only part); {@code html} the HTML part, empty when there is none. */
    public record Message(String from, String to, String subject, Instant time, String body, String html) {}

    private final int port;
    private GreenMail greenMail;

    public MailCatcher(int port) {
        this.port = port;
    }

    @Override
    public String name() {
        return LocalTopology.MAIL;
    }

    @Override
    public synchronized void start() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            greenMail = null;
            throw new LaunchException("The mail catcher cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /** Newest first. */
    public synchronized List<Message> messages() {
        if (greenMail == null) {
            return List.of();
        }
        List<Message> result = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            result.add(0, read(m));
        }
        return result;
    }

    private static Message read(MimeMessage m) {
        try {
            Instant time =
                    m.getSentDate() == null ? Instant.now() : m.getSentDate().toInstant();
            return new Message(
                    addresses(m.getFrom()),
                    addresses(m.getAllRecipients()),
                    String.valueOf(m.getSubject()),
                    time,
                    text(m),
                    html(m));
        } catch (MessagingException | IOException e) {
            return new Message("", "", "(unreadable message: " + e.getMessage() + ")", Instant.now(), "", "");
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null
                ? ""
                : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    /** The plain-text part when there is one, else the first text part as it is. */
    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            String fallback = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (child.isMimeType("text/plain")) {
                    return String.valueOf(child.getContent());
                }
                String nested = text(child);
                if (fallback == null && !nested.isEmpty()) {
                    fallback = nested;
                }
            }
            return fallback == null ? "" : fallback;
        }
        return "";
    }

    /** The first text/html part, or empty. */
    private static String html(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/html")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String nested = html(multipart.getBodyPart(i));
                if (!nested.isEmpty()) {
                    return nested;
                }
            }
        }
        return "";
    }
}
