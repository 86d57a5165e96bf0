package ch.ontrack.web.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "report.pdf|report.pdf",
                "C:\\Users\\anna\\report.pdf|report.pdf",
                "../../etc/passwd|passwd",
                ".bashrc|bashrc",
                ". .hidden.txt|hidden.txt",
                "report.pdf. . |report.pdf",
                "Müller \"final\" <v2>?.zip|Müller _final_ _v2__.zip",
                "a:b*c.txt|a_b_c.txt",
                "tab\tand  many   spaces.txt|taband many spaces.txt",
                "'...'|file",
                "''|file"
            })
    void keepsOnlyAHarmlessLastSegment(String sent, String kept) {
        assertThat(FileNames.sanitise(sent)).isEqualTo(kept);
    }

    @Test
    void nothingUsableBecomesFile() {
        assertThat(FileNames.sanitise(null)).isEqualTo("file");
        assertThat(FileNames.sanitise("/")).isEqualTo("file");
        assertThat(FileNames.sanitise("\u0000\u202e")).isEqualTo("file");
    }

    @Test
    void controlAndBidiCharactersAreDropped() {
        assertThat(FileNames.sanitise("re\u0000port\r\n.pdf")).isEqualTo("report.pdf");
        // U+202E would show "invoice\u202Efdp.exe" as "invoiceexe.pdf"
        assertThat(FileNames.sanitise("invoice\u202efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.sanitise("a\u2066b\u2069\u200bc.txt")).isEqualTo("abc.txt");
    }

    @Test
    void composedFormIsStored() {
        assertThat(FileNames.sanitise("Mu\u0308ller.txt")).isEqualTo("M\u00fcller.txt");
    }

    @Test
    void longNamesAreCutKeepingTheExtension() {
        String name = FileNames.sanitise("a".repeat(500) + ".pdf");

        assertThat(name).hasSize(FileNames.MAX_LENGTH).startsWith("aaa").endsWith("a.pdf");
        assertThat(FileNames.sanitise("b".repeat(300))).isEqualTo("b".repeat(FileNames.MAX_LENGTH));
    }

    @Test
    void aCutThroughASurrogatePairLeavesNoUnpairedHalf() {
        String name = FileNames.sanitise("a".repeat(FileNames.MAX_LENGTH - 1) + "\ud83d\ude00" + "tail");

        assertThat(name).isEqualTo("a".repeat(FileNames.MAX_LENGTH - 1));
        assertThat(FileNames.sanitise("x\ud800y.txt")).isEqualTo("xy.txt");
    }

    @Test
    void applyingItTwiceChangesNothing() {
        for (String sent : List.of(
                "re\u0000port.pdf",
                ". .x. ",
                "a".repeat(400) + ".tar.gz",
                "Mu\u0308ller \"x\".zip",
                "a".repeat(199) + "\ud83d\ude00b",
                "a \u200b .pdf",
                "x" + " ".repeat(300) + ".pdf",
                "..a/..b\\..c")) {
            String once = FileNames.sanitise(sent);
            assertThat(FileNames.sanitise(once)).as(sent).isEqualTo(once);
        }
    }

    @Test
    void theHeaderFormIsUrlDecodedFirst() {
        assertThat(FileNames.fromHeader("Jahresabschluss%202025%20%E2%80%93%20M%C3%BCller.zip"))
                .isEqualTo("Jahresabschluss 2025 – Müller.zip");
        assertThat(FileNames.fromHeader("re%00port%0D%0A.pdf")).isEqualTo("report.pdf");
        assertThat(FileNames.fromHeader("100%.pdf")).isEqualTo("100%.pdf");
        assertThat(FileNames.fromHeader("..%2F..%2Fsecret")).isEqualTo("secret");
        assertThat(FileNames.fromHeader(null)).isEqualTo("file");
    }

    @Test
    void whatTheProviderSendsTheClientReadsBack() {
        for (String name : List.of("Jahresabschluss 2025 – Müller.zip", "a+b=c&d.pdf", "100%.pdf", "日本語.txt")) {
            assertThat(FileNames.toHeader(name)).as(name).matches("[A-Za-z0-9%._*-]+");
            assertThat(FileNames.fromHeader(FileNames.toHeader(name))).isEqualTo(name);
        }
    }
}
