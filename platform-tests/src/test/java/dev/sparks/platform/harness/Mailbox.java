package dev.sparks.platform.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inboxes of the real SMTP server (GreenMail of deploy/local/infra-up), read through its HTTP API
 * ({@code GET /api/user/<email>/messages/INBOX}). Each message is the raw MIME the server received, parsed with
 * Jakarta Mail as a mail client would.
 */
public final class Mailbox {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");

    private Mailbox() {
    }

    /** One received mail. */
    public record Mail(String subject, String messageId, String from, String to, String text, String html) {

        /** The first link in the text part whose URL contains {@code fragment}, e.g. {@code "?answer=accept"}. */
        public String link(String fragment) {
            Matcher links = LINK.matcher(text);
            while (links.find()) {
                if (links.group().contains(fragment)) {
                    return links.group();
                }
            }
            throw new AssertionError("no link with " + fragment + " in the mail '" + subject + "':\n" + text);
        }
    }

    /** Everything in the address's inbox, oldest first; empty when nothing was ever sent there. */
    public static List<Mail> inbox(String address) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(Project.GREENMAIL_API
                            + "/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return List.of(); // GreenMail knows an address only once mail arrived for it
            }
            List<Mail> mails = new ArrayList<>();
            for (JsonNode message : JSON.readTree(response.body())) {
                mails.add(parse(message.path("mimeMessage").asText()));
            }
            return mails;
        } catch (IOException e) {
            throw new IllegalStateException("GreenMail API unreachable at " + Project.GREENMAIL_API, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The address's mails that satisfy {@code filter}. */
    public static List<Mail> inbox(String address, Predicate<Mail> filter) {
        return inbox(address).stream().filter(filter).toList();
    }

    /** Waits until at least {@code count} mails satisfying {@code filter} arrived; returns all that do. */
    public static List<Mail> await(String address, Predicate<Mail> filter, int count) {
        return Eventually.value(count + " mail(s) to " + address, () -> inbox(address, filter),
                mails -> mails.size() >= count);
    }

    public static Predicate<Mail> subjectContains(String text) {
        return mail -> mail.subject() != null && mail.subject().contains(text);
    }

    /** Mail with a link into {@code baseUrl}, e.g. one notification-service instance's invitation links. */
    public static Predicate<Mail> linkingTo(String baseUrl) {
        return mail -> mail.text().contains(baseUrl + "/");
    }

    static Mail parse(String raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION,
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            collect(message, text, html);
            return new Mail(message.getSubject(), message.getMessageID(),
                    message.getFrom() == null ? null : message.getFrom()[0].toString(),
                    message.getAllRecipients() == null ? null : message.getAllRecipients()[0].toString(),
                    text.toString(), html.toString());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable mail:\n" + raw, e);
        }
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart child = parts.getBodyPart(i);
                collect(child, text, html);
            }
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        }
    }
}
