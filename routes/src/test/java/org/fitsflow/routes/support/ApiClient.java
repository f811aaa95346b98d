package org.fitsflow.routes.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/** A plain HTTP client for the service on its real port, like curl in the README. */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String[] headers;

    public ApiClient(int port) {
        this("http://127.0.0.1:" + port);
    }

    private ApiClient(String base, String... headers) {
        this.base = base;
        this.headers = headers;
    }

    /** A client that sends these request headers (name, value, name, value, ...) with every request. */
    public ApiClient with(String... requestHeaders) {
        return new ApiClient(base, requestHeaders);
    }

    public record Answer(int status, String body, HttpResponse<byte[]> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public byte[] bytes() {
            return raw.body();
        }
    }

    /** GET with extra request headers, given as name, value, name, value, ... */
    public Answer get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        return send(headers.length == 0 ? request : request.headers(headers));
    }

    public Answer delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public Answer postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** multipart/form-data with the file streamed from disk under the given client file name. */
    /** A multipart upload without {@code file_type} (the service takes it as stacked). */
    public Answer upload(String path, Path file, String clientName) {
        return upload(path, file, clientName, null);
    }

    public Answer upload(String path, Path file, String clientName, String fileType) {
        String boundary = "----fitsflow" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        if (fileType != null) {
            head.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"file_type\"\r\n\r\n")
                    .append(fileType).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(clientName).append("\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n");
        String tail = "\r\n--" + boundary + "--\r\n";
        try {
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofByteArray(head.toString().getBytes(StandardCharsets.UTF_8)),
                    HttpRequest.BodyPublishers.ofFile(file),
                    HttpRequest.BodyPublishers.ofByteArray(tail.getBytes(StandardCharsets.UTF_8)));
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as the whole request body ({@code application/octet-stream}), its client name in {@code ?filename=}. */
    /** The file as the body, without {@code file_type}. */
    public Answer uploadBody(String path, Path file, String clientName) {
        return uploadBody(path, file, clientName, null);
    }

    public Answer uploadBody(String path, Path file, String clientName, String fileType) {
        String query = "?filename=" + URLEncoder.encode(clientName, StandardCharsets.UTF_8)
                + (fileType == null ? "" : "&file_type=" + URLEncoder.encode(fileType, StandardCharsets.UTF_8));
        try {
            return send(HttpRequest.newBuilder(uri(path + query)).header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new upload session; its id. */
    public long createSession(String name) {
        return postJson("/api/process/sessions", "{\"session_name\":\"" + name + "\"}").json().get("id").asLong();
    }

    /** The job as {@code GET /jobs/{id}} shows it. */
    public JsonNode job(long id) {
        return get("/api/process/jobs/" + id).json();
    }

    /** Uploads the file into the session, finalizes it and processes it with the pipeline; the first job's id. */
    public long process(long session, Path file, String clientName, String pipeline) {
        upload(uploadPath(session), file, clientName);
        postJson("/api/process/sessions/" + session + "/finalize", "");
        return postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\":\"" + pipeline + "\"}")
                .json().get("id").asLong();
    }

    public static String uploadPath(long session) {
        return "/api/process/sessions/" + session + "/upload";
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public HttpClient http() {
        return http;
    }

    private Answer send(HttpRequest.Builder request) {
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
