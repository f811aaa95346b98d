package org.fitsflow.routes.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartFormReaderTest {
    private static final String BOUNDARY = "----fitsflowBoundary7MA4YWxkTrZu0gW";
    private static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    @TempDir
    Path dir;

    private Path spooled() {
        return dir.resolve("spooled.part");
    }

    /** A form built part by part, as a client writes it. */
    private static final class Body {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Body raw(String text) {
            bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Body field(String name, String value) {
            return raw("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        }

        Body file(String disposition, byte[] content) {
            raw("--" + BOUNDARY + "\r\nContent-Disposition: form-data; " + disposition + "\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n");
            bytes.writeBytes(content);
            return raw("\r\n");
        }

        Body end() {
            return raw("--" + BOUNDARY + "--\r\n");
        }

        ByteArrayInputStream stream() {
            return new ByteArrayInputStream(bytes.toByteArray());
        }
    }

    private MultipartFormReader.Form read(Body body) throws IOException {
        return MultipartFormReader.read(body.stream(), CONTENT_TYPE, spooled(), Long.MAX_VALUE);
    }

    /** Content full of line breaks, dashes and beginnings of the delimiter, which are all data. */
    private static byte[] trickyContent(int length, long seed) {
        byte[] content = new byte[length];
        new Random(seed).nextBytes(content);
        byte[] nearMiss = ("\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1)).getBytes(StandardCharsets.US_ASCII);
        for (int at = 0; at + nearMiss.length < length; at += 997) {
            System.arraycopy(nearMiss, 0, content, at, nearMiss.length);
            // not the boundary's last character, which would complete the delimiter
            content[at + nearMiss.length] = '.';
        }
        return content;
    }

    @Test
    void theFilePartIsCopiedExactlyAndTheFieldsAreKept() throws IOException {
        byte[] content = trickyContent(3 * MultipartFormReader.BUFFER_BYTES + 12345, 1);

        MultipartFormReader.Form form = read(new Body().raw("a preamble to ignore\r\n")
                .field("file_type", "light")
                .file("name=\"file\"; filename=\"NGC 7023 – Ирис.fit\"", content)
                .field("note", "after the file")
                .end().raw("an epilogue to ignore"));

        assertThat(Files.readAllBytes(spooled())).isEqualTo(content);
        assertThat(form.fileName()).isEqualTo("NGC 7023 – Ирис.fit");
        assertThat(form.fields()).containsEntry("file_type", "light").containsEntry("note", "after the file");
    }

    /** The delimiter after the file lands on every position around the end of the first buffer's worth. */
    @Test
    void aDelimiterCutByAReadIsStillFound() throws IOException {
        for (int length = MultipartFormReader.BUFFER_BYTES - 260; length < MultipartFormReader.BUFFER_BYTES + 40; length += 3) {
            byte[] content = trickyContent(length, length);

            read(new Body().file("name=\"file\"; filename=\"a.fit\"", content).end());

            assertThat(Files.readAllBytes(spooled())).as("content of %d bytes", length).isEqualTo(content);
        }
    }

    @Test
    void emptyContentAndAQuotedBoundary() throws IOException {
        MultipartFormReader.Form form = MultipartFormReader.read(
                new Body().file("name=\"file\"; filename=\"empty.fit\"", new byte[0]).end().stream(),
                "multipart/form-data; charset=utf-8; boundary=\"" + BOUNDARY + "\"", spooled(), 10);

        assertThat(Files.size(spooled())).isZero();
        assertThat(form.fileName()).isEqualTo("empty.fit");
    }

    @Test
    void quotedFileNamesMayEscapeQuotesAndKeepOtherBackslashes() throws IOException {
        MultipartFormReader.Form form = read(new Body()
                .file("name=\"file\"; filename=\"C:\\\\frames\\x \\\"best\\\".fit\"", new byte[] {1}).end());

        assertThat(form.fileName()).isEqualTo("C:\\frames\\x \"best\".fit");
    }

    @Test
    void aFilePartWithoutAFileNameIsStillTheFile() throws IOException {
        MultipartFormReader.Form form = read(new Body().file("name=\"file\"", new byte[] {1, 2, 3}).end());

        assertThat(form.fileName()).isNull();
        assertThat(Files.readAllBytes(spooled())).containsExactly(1, 2, 3);
    }

    @Test
    void aFileOverTheLimitIsRefusedAndNothingStays() {
        Body body = new Body().file("name=\"file\"; filename=\"big.fit\"", new byte[5000]).end();

        assertThatThrownBy(() -> MultipartFormReader.read(body.stream(), CONTENT_TYPE, spooled(), 4999))
                .isInstanceOf(MultipartFormReader.FileTooLargeException.class);
        assertThat(spooled()).doesNotExist();
    }

    @Test
    void malformedFormsAreRefusedWithTheReasonAndNothingStays() {
        byte[] content = trickyContent(100_000, 3);
        assertMalformed(new Body().file("name=\"file\"; filename=\"cut.fit\"", content), "ends before");
        assertMalformed(new Body().field("file_type", "light").end(), "field 'file' is missing");
        assertMalformed(new Body().file("name=\"file\"; filename=\"a.fit\"", content)
                .file("name=\"file\"; filename=\"b.fit\"", content).end(), "more than one file");
        assertMalformed(new Body().field("note", "x".repeat(5000)).end(), "longer than 4096 bytes");
        assertMalformed(new Body().file("name=\"file\"; filename=\"a\u0000b.fit\"", content).end(), "NUL");
        assertMalformed(new Body().file("filename=\"a.fit\"", content).end(), "no form field name");
        assertMalformed(new Body().raw("--" + BOUNDARY + "\r\nX-Long: " + "h".repeat(20_000) + "\r\n\r\n").end(),
                "headers are longer");
        Body manyParts = new Body();
        for (int i = 0; i < 17; i++) {
            manyParts.field("f" + i, "v");
        }
        assertMalformed(manyParts.end(), "more than 16 parts");
        assertMalformed(new Body().raw("no delimiter at all"), "ends before");
    }

    @Test
    void aContentTypeWithoutBoundaryIsRefused() {
        assertThatThrownBy(() -> MultipartFormReader.read(new ByteArrayInputStream(new byte[0]), "multipart/form-data",
                spooled(), 10))
                .isInstanceOf(MultipartFormReader.MalformedFormException.class)
                .hasMessageContaining("boundary");
    }

    private void assertMalformed(Body body, String reason) {
        assertThatThrownBy(() -> read(body))
                .isInstanceOf(MultipartFormReader.MalformedFormException.class)
                .hasMessageContaining(reason);
        assertThat(spooled()).doesNotExist();
    }
}
