package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The test SMTP server's messages to one address: the account mails go out in the background. */
final class Inbox {

    record Mail(String subject, String text, String html) {

        /** The one link of an account mail; the token is its fragment. */
        String link() {
            Matcher m = Pattern.compile("https://\\S+#[A-Za-z0-9_-]+").matcher(text);
            assertThat(m.find()).as("a link in %s", text).isTrue();
            return m.group();
        }

        String token() {
            return link().substring(link().indexOf('#') + 1);
        }
    }

    private Inbox() {}

    static List<Mail> all(String address) {
        return Arrays.stream(TestMail.server().getReceivedMessagesForDomain(address))
                .map(Inbox::read)
                .toList();
    }

    /** Waits up to 10 s for the {@code count}th message to the address and returns it. */
    static Mail await(String address, int count) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<Mail> mails = all(address);
            if (mails.size() >= count) {
                return mails.get(count - 1);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no message number " + count + " to " + address + "; got "
                + all(address).size());
    }

    private static Mail read(MimeMessage message) {
        try {
            String text = null;
            String html = null;
            Multipart mixed = (Multipart) message.getContent();
            for (BodyPart part : parts(mixed)) {
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                }
            }
            return new Mail(message.getSubject(), text, html);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<BodyPart> parts(Multipart multipart) throws Exception {
        List<BodyPart> all = new java.util.ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                all.addAll(parts(nested));
            } else {
                all.add(part);
            }
        }
        return all;
    }
}
