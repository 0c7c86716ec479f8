package dev.sparks.common.testing;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Requests to the service under test exactly as given, byte for byte: no client adds a charset, re-encodes a body or
 * fixes a path. Also answers a request that only declares its body length (for the size limit).
 */
final class RawHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** An answer; status 0 when there was none (the connection failed or closed). */
    record Answer(int status, String contentType, Map<String, java.util.List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
        }
    }

    private RawHttp() {
    }

    /** {@code target} is the path with its query; {@code body} may be null for none. */
    static Answer send(String method, String target, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + target))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().map(), response.body());
        } catch (IOException e) {
            return new Answer(0, null, Map.of(), "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Declares a body of {@code length} bytes and sends only its start: a service must answer from the declared
     * length, before reading the body, as it would for a client streaming a huge one.
     */
    static Answer declaringLength(String method, String target, Map<String, String> headers, long length) {
        URI base = URI.create(base());
        StringBuilder head = new StringBuilder().append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write("{\"start\": \"of a body that never ends".getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                received.write(buffer, 0, read);
                if (complete(received.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
            return parse(received.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Answer(0, null, Map.of(), "no answer: " + e);
        }
    }

    private static String base() {
        URI base = URI.create(RestAssured.baseURI);
        return base.getScheme() + "://" + base.getHost() + ":" + RestAssured.port;
    }

    private static boolean complete(String response) {
        int end = response.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String line : response.substring(0, end).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return response.length() - end - 4 >= Integer.parseInt(line.substring(15).strip());
            }
        }
        return false;
    }

    private static Answer parse(String response) {
        int end = response.indexOf("\r\n\r\n");
        if (!response.startsWith("HTTP/1.1 ") || end < 0) {
            return new Answer(0, null, Map.of(), "not an HTTP answer: " + response);
        }
        String[] lines = response.substring(0, end).split("\r\n");
        String contentType = null;
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                contentType = line.substring(13).strip();
            }
        }
        return new Answer(Integer.parseInt(lines[0].substring(9, 12)), contentType, Map.of(),
                response.substring(end + 4));
    }
}
