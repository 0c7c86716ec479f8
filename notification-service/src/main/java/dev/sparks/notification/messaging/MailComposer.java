package dev.sparks.notification.messaging;

import dev.sparks.notification.config.NotificationConfig;
import dev.sparks.notification.domain.MailDetails;
import dev.sparks.notification.domain.Notification;
import dev.sparks.notification.domain.NotificationKind;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a notification into an email from the Qute templates in {@code templates/mail/}: an HTML part (user text
 * escaped by Qute) and a plain-text part (not escaped: it is not HTML), with the notification's stable Message-ID.
 */
@ApplicationScoped
public class MailComposer {

    /** The path of the invitation page under the public base URL; the REST root is /api/v1. */
    public static final String INVITATION_PATH = "/api/v1/invitations/";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Engine engine;
    private final NotificationConfig config;

    public MailComposer(Engine engine, NotificationConfig config) {
        this.engine = engine;
        this.config = config;
    }

    /**
     * @param token the link's token, for the invitation and the reminder; null for the other kinds
     */
    public Mail compose(Notification notification, MailDetails details, String token) {
        Map<String, Object> data = new HashMap<>();
        data.put("participantName", details.participantName());
        data.put("participantEmail", details.participantEmail());
        data.put("mentorName", details.mentorName());
        data.put("mentorEmail", details.mentorEmail());
        data.put("mentorBio", details.mentorBio() == null ? "" : details.mentorBio());
        data.put("reasons", details.reasons() == null ? List.of() : details.reasons());
        data.put("expiresOn", details.expiresAt() == null ? "" : DAY.format(details.expiresAt()));
        if (token != null) {
            String page = pageUrl(token);
            data.put("pageUrl", page);
            data.put("acceptUrl", page + "?answer=accept");
            data.put("declineUrl", page + "?answer=decline");
        }
        String name = templateName(notification.kind);
        String html = render("mail/" + name + ".html", data);
        String text = render("mail/" + name + ".txt", data);
        return new Mail()
                .addTo(notification.recipientEmail)
                .setSubject(subject(notification.kind, details))
                .setHtml(html)
                .setText(text)
                .addHeader("Message-ID", notification.messageId)
                .addHeader("X-Sparks-Notification", notification.kind.name());
    }

    public String pageUrl(String token) {
        String base = config.publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + INVITATION_PATH + token;
    }

    static String subject(NotificationKind kind, MailDetails details) {
        String mentor = oneLine(details.mentorName());
        String participant = oneLine(details.participantName());
        return switch (kind) {
            case INVITATION -> mentor + " would like to mentor you: your Sparks invitation";
            case MENTOR_NOTICE -> "You have been proposed as the mentor of " + participant;
            case REMINDER -> "Reminder: your Sparks invitation from " + mentor + " is waiting for your answer";
            case INTRODUCTION_PARTICIPANT -> "Meet your mentor, " + mentor;
            case INTRODUCTION_MENTOR -> "Meet your mentee, " + participant;
        };
    }

    private static String templateName(NotificationKind kind) {
        return switch (kind) {
            case INVITATION -> "invitation";
            case MENTOR_NOTICE -> "mentor-notice";
            case REMINDER -> "reminder";
            case INTRODUCTION_PARTICIPANT -> "introduction-participant";
            case INTRODUCTION_MENTOR -> "introduction-mentor";
        };
    }

    /** Names go into the Subject header: no line breaks or other control characters may reach it. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}+", " ").strip();
    }

    private String render(String template, Map<String, Object> data) {
        Template found = engine.getTemplate(template);
        if (found == null) {
            throw new IllegalStateException("no template " + template);
        }
        return found.data(data).render();
    }

    static String format(Instant instant) {
        return DAY.format(instant);
    }
}
