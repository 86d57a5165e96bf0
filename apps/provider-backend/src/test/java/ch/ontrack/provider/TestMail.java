package ch.ontrack.provider;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** One GreenMail SMTP server per test JVM. */
final class TestMail {

    private static GreenMail mail;

    private TestMail() {}

    static synchronized GreenMail server() {
        if (mail == null) {
            mail = new GreenMail(new ServerSetup(TestPorts.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        }
        return mail;
    }
}
