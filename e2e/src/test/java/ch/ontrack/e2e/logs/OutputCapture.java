package ch.ontrack.e2e.logs;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The test JVM's standard output and error while a test runs: what the launcher prints (progress,
 * the gateway's warnings through slf4j-simple, the backends' logs when echoed), still shown as usual.
 */
final class OutputCapture {

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private OutputCapture() {}

    static OutputCapture start() {
        OutputCapture capture = new OutputCapture();
        System.setOut(capture.tee(capture.out));
        System.setErr(capture.tee(capture.err));
        return capture;
    }

    private PrintStream tee(PrintStream original) {
        return new PrintStream(
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        original.write(b);
                        synchronized (captured) {
                            captured.write(b);
                        }
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        original.write(b, off, len);
                        synchronized (captured) {
                            captured.write(b, off, len);
                        }
                    }

                    @Override
                    public void flush() {
                        original.flush();
                    }
                },
                true,
                StandardCharsets.UTF_8);
    }

    void stop() {
        System.out.flush();
        System.err.flush();
        System.setOut(out);
        System.setErr(err);
    }

    String text() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }
}
