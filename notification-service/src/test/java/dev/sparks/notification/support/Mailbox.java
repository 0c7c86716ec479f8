package dev.sparks.notification.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real SMTP server's inboxes, read through GreenMail's HTTP API (deploy/local/infra-up runs it on
 * 127.0.0.1:8025). Mail is read as the raw MIME the server received and decoded here, so the tests see exactly
 * what a mail client would.
 */
public final class Mailbox {

    private static final String API = System.getenv().getOrDefault("SPARKS_GREENMAIL_API", "http://127.0.0.1:8025");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACCEPT_LINK = Pattern.compile(
            "https?://[^\\s\"<>]+/api/v1/invitations/[A-Za-z0-9_-]{43}\\?answer=accept");
    private static final Pattern DECLINE_LINK = Pattern.compile(
            "https?://[^\\s\"<>]+/api/v1/invitations/[A-Za-z0-9_-]{43}\\?answer=decline");

    /** One received message: its subject, Message-ID header and the raw MIME. */
    public record Received(String subject, String messageId, String raw) {

        public String text() {
            return part(raw, "text/plain");
        }

        public String html() {
            return part(raw, "text/html");
        }

        public String header(String name) {
            String headers = unfold(raw.substring(0, Math.max(0, raw.indexOf("\r\n\r\n"))));
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        /** The Accept link as the text part carries it. */
        public String acceptLink() {
            return find(ACCEPT_LINK, text());
        }

        public String declineLink() {
            return find(DECLINE_LINK, text());
        }

        /** The Accept link from the HTML part's anchor (what a reader clicks). */
        public String acceptLinkInHtml() {
            Matcher href = Pattern.compile("href=\"([^\"]+\\?answer=accept)\"").matcher(html());
            if (!href.find()) {
                throw new AssertionError("no Accept link in the HTML part:\n" + html());
            }
            return href.group(1).replace("&amp;", "&");
        }

        private static String find(Pattern pattern, String text) {
            Matcher matcher = pattern.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no link " + pattern + " in:\n" + text);
            }
            return matcher.group();
        }
    }

    private Mailbox() {
    }

    public static List<Received> messages(String email) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(API + "/api/user/"
                            + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/INBOX"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            List<Received> received = new ArrayList<>();
            if (response.statusCode() != 200) {
                return received; // GreenMail answers 400 for a user that received nothing yet
            }
            for (JsonNode node : JSON.readTree(response.body())) {
                received.add(new Received(node.path("subject").asText(), node.path("Message-ID").asText(null),
                        node.path("mimeMessage").asText()));
            }
            return received;
        } catch (java.io.IOException e) {
            return List.of(); // the server is down (the outage tests stop it): nothing readable now
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until at least {@code count} messages matching {@code filter} are in the inbox; returns them all. */
    public static List<Received> await(String email, Predicate<Received> filter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Received> matching = List.of();
        while (System.nanoTime() < deadline) {
            matching = messages(email).stream().filter(filter).toList();
            if (matching.size() >= count) {
                return matching;
            }
            sleep(250);
        }
        throw new AssertionError("expected " + count + " message(s) for " + email + " within " + timeout + ", got "
                + matching.size() + ": " + messages(email).stream().map(Received::subject).toList());
    }

    public static Predicate<Received> subjectContains(String text) {
        return message -> message.subject().contains(text);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ minimal MIME reading

    /** The decoded body of the first part of the given content type, searched through nested multiparts. */
    static String part(String raw, String wanted) {
        String found = findPart(raw, wanted.toLowerCase(Locale.ROOT));
        if (found == null) {
            throw new AssertionError("no " + wanted + " part in:\n" + raw);
        }
        return found;
    }

    private static String findPart(String entity, String wanted) {
        int split = entity.indexOf("\r\n\r\n");
        String headers = unfold(split < 0 ? entity : entity.substring(0, split));
        String body = split < 0 ? "" : entity.substring(split + 4);
        String contentType = headerValue(headers, "Content-Type");
        String type = contentType == null ? "text/plain" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE)
                    .matcher(contentType);
            if (!boundary.find()) {
                return null;
            }
            String delimiter = "--" + boundary.group(1);
            String[] pieces = body.split(Pattern.quote(delimiter));
            for (int i = 1; i < pieces.length; i++) {
                String piece = pieces[i];
                if (piece.startsWith("--")) {
                    break;
                }
                String result = findPart(piece.replaceFirst("^\r\n", ""), wanted);
                if (result != null) {
                    return result;
                }
            }
            return null;
        }
        if (!type.startsWith(wanted)) {
            return null;
        }
        String encoding = headerValue(headers, "Content-Transfer-Encoding");
        encoding = encoding == null ? "7bit" : encoding.toLowerCase(Locale.ROOT);
        if (encoding.equals("quoted-printable")) {
            return quotedPrintable(body);
        }
        if (encoding.equals("base64")) {
            return new String(Base64.getMimeDecoder().decode(body.trim()), StandardCharsets.UTF_8);
        }
        return body;
    }

    private static String headerValue(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static String unfold(String headers) {
        return headers.replaceAll("\r\n[ \t]+", " ");
    }

    static String quotedPrintable(String body) {
        String joined = body.replace("=\r\n", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() + 0 && isHex(joined.charAt(i + 1)) && isHex(joined.charAt(i + 2))) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
