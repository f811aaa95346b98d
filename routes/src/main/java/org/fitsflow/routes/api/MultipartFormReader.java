package org.fitsflow.routes.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body as it arrives: the part named {@code file} is copied to a file
 * {@link #BUFFER_BYTES} at a time, the other parts are short text fields. The web server's own parser reads
 * a part in 4 KiB pieces and writes each to disk unbuffered, which made a form upload several times slower
 * than the same file sent as the body; with this reader the two take about as long (measured in
 * {@code bench/README.md}, "Figures behind the code").
 */
final class MultipartFormReader {
    /** What the form held: the file's client name (null when its part gave none) and the text fields. */
    record Form(String fileName, Map<String, String> fields) {
    }

    /** The body is not a well-formed form (the answer is a 400 with this message). */
    static final class MalformedFormException extends IOException {
        MalformedFormException(String message) {
            super(message);
        }
    }

    /** Thrown when the file part is longer than the limit; the partial file is removed. */
    static final class FileTooLargeException extends IOException {
        FileTooLargeException() {
            super("the file is larger than the upload limit");
        }
    }

    static final String FILE_FIELD = "file";
    /** Read, searched and written 64 KiB at a time, the size a body upload is written in (RequestBodyContent says why). */
    static final int BUFFER_BYTES = RequestBodyContent.WRITE_BYTES;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_FIELD_BYTES = 4 * 1024;
    private static final int MAX_PARTS = 16;
    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(\"([^\"]{1,70})\"|([^;\\s\"]{1,70}))");
    private static final Pattern PARAMETER = Pattern.compile("(?i);\\s*(name|filename)=(\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]*))");

    private final InputStream body;
    private final byte[] delimiter;
    private final int[] shift;
    private final byte[] buffer;
    private int start;
    private int end;
    private boolean exhausted;

    private MultipartFormReader(InputStream body, String boundary) {
        this.body = body;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.shift = shifts(delimiter);
        this.buffer = new byte[BUFFER_BYTES + delimiter.length];
        // the first delimiter opens the body without a line break before it
        buffer[0] = '\r';
        buffer[1] = '\n';
        this.end = 2;
    }

    /**
     * Reads the whole form, the file part into {@code file} (created or replaced, removed again on any
     * failure).
     *
     * @throws MalformedFormException when the body is no multipart form or ends before its closing delimiter
     * @throws FileTooLargeException  when the file part holds more than {@code maxFileBytes}
     */
    static Form read(InputStream body, String contentType, Path file, long maxFileBytes) throws IOException {
        MultipartFormReader reader = new MultipartFormReader(body, boundary(contentType));
        try {
            return reader.readParts(file, maxFileBytes);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static String boundary(String contentType) throws MalformedFormException {
        Matcher matcher = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!matcher.find()) {
            throw new MalformedFormException("the Content-Type names no multipart boundary");
        }
        return matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
    }

    private Form readParts(Path file, long maxFileBytes) throws IOException {
        // anything before the first delimiter is a preamble, which carries nothing
        copyToDelimiter(OutputStream.nullOutputStream(), Long.MAX_VALUE, null);
        boolean fileSeen = false;
        String fileName = null;
        Map<String, String> fields = new HashMap<>();
        for (int parts = 0; !closingDelimiter(); parts++) {
            if (parts == MAX_PARTS) {
                throw new MalformedFormException("the form holds more than " + MAX_PARTS + " parts");
            }
            Map<String, String> disposition = partHeaders();
            String name = disposition.get("name");
            if (name == null) {
                throw new MalformedFormException("a part has no form field name");
            }
            if (name.equals(FILE_FIELD)) {
                if (fileSeen) {
                    throw new MalformedFormException("the form holds more than one file; upload one file per request");
                }
                fileSeen = true;
                fileName = disposition.get("filename");
                try (OutputStream out = Files.newOutputStream(file)) {
                    copyToDelimiter(out, maxFileBytes, FileTooLargeException::new);
                }
            } else {
                ByteArrayOutputStream value = new ByteArrayOutputStream();
                copyToDelimiter(value, MAX_FIELD_BYTES,
                        () -> new MalformedFormException("the form field '" + name + "' is longer than " + MAX_FIELD_BYTES + " bytes"));
                fields.put(name, value.toString(StandardCharsets.UTF_8));
            }
        }
        if (!fileSeen) {
            throw new MalformedFormException("the multipart field '" + FILE_FIELD + "' is missing");
        }
        return new Form(fileName, fields);
    }

    /** After a delimiter: {@code --} ends the form, a line break starts the next part. */
    private boolean closingDelimiter() throws IOException {
        if (!available(2)) {
            throw new MalformedFormException("the body ends right after a part delimiter");
        }
        if (buffer[start] == '-' && buffer[start + 1] == '-') {
            return true;
        }
        if (!line().isBlank()) {
            throw new MalformedFormException("unexpected bytes after a part delimiter");
        }
        return false;
    }

    /** The part's headers up to the empty line; returns the parameters of its Content-Disposition. */
    private Map<String, String> partHeaders() throws IOException {
        Map<String, String> disposition = new HashMap<>();
        int bytes = 0;
        for (String header = line(); !header.isEmpty(); header = line()) {
            bytes += header.length();
            if (bytes > MAX_HEADER_BYTES) {
                throw new MalformedFormException("a part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (header.indexOf('\0') >= 0) {
                throw new MalformedFormException("a part header holds a NUL character");
            }
            if (header.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                Matcher parameter = PARAMETER.matcher(header);
                while (parameter.find()) {
                    // a quoted value may escape a quote or a backslash; any other backslash is part of the name
                    String value = parameter.group(3) != null ? parameter.group(3).replaceAll("\\\\([\"\\\\])", "$1") : parameter.group(4);
                    disposition.put(parameter.group(1).toLowerCase(Locale.ROOT), value);
                }
            }
        }
        return disposition;
    }

    /** One header line, UTF-8 (browsers send file names so), without its line break. */
    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (start == end && !fill()) {
                throw new MalformedFormException("the body ends inside a part's headers");
            }
            byte b = buffer[start++];
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_HEADER_BYTES) {
                throw new MalformedFormException("a part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
            }
            line.write(b);
        }
    }

    /** Copies the bytes up to the next delimiter and consumes the delimiter; more than {@code limit} bytes fail. */
    private void copyToDelimiter(OutputStream out, long limit, Supplier<IOException> overLimit) throws IOException {
        long copied = 0;
        while (true) {
            int found = indexOfDelimiter();
            // without a match, the last bytes may be the start of a delimiter cut by the read
            int safeEnd = found >= 0 ? found : Math.max(start, end - (delimiter.length - 1));
            copied += safeEnd - start;
            if (copied > limit) {
                throw overLimit.get();
            }
            out.write(buffer, start, safeEnd - start);
            start = safeEnd;
            if (found >= 0) {
                start += delimiter.length;
                return;
            }
            if (!fill()) {
                throw new MalformedFormException("the body ends before the form's closing delimiter");
            }
        }
    }

    /**
     * Boyer-Moore-Horspool: the window's last byte decides how far the delimiter can move on, so a search
     * through file data looks at about one byte in forty instead of every byte.
     */
    private int indexOfDelimiter() {
        int last = delimiter.length - 1;
        for (int i = start; i <= end - delimiter.length; i += shift[buffer[i + last] & 0xFF]) {
            if (buffer[i + last] == delimiter[last] && matchesAt(i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean matchesAt(int at) {
        for (int k = 0; k < delimiter.length; k++) {
            if (buffer[at + k] != delimiter[k]) {
                return false;
            }
        }
        return true;
    }

    private static int[] shifts(byte[] delimiter) {
        int[] shift = new int[256];
        Arrays.fill(shift, delimiter.length);
        for (int k = 0; k < delimiter.length - 1; k++) {
            shift[delimiter[k] & 0xFF] = delimiter.length - 1 - k;
        }
        return shift;
    }

    private boolean available(int bytes) throws IOException {
        while (end - start < bytes) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Moves the unread bytes (always fewer than a delimiter) to the front and reads up to a buffer's worth
     * more; false at the end of the body.
     */
    private boolean fill() throws IOException {
        if (exhausted) {
            return false;
        }
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        start = 0;
        int wanted = buffer.length - end;
        int n = body.readNBytes(buffer, end, wanted);
        end += n;
        exhausted = n < wanted;
        return n > 0;
    }
}
