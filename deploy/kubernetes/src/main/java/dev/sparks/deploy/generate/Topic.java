package dev.sparks.deploy.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One line of deploy/local/topics.conf: {@code name partitions [key=value,...]}. */
public record Topic(String name, int partitions, Map<String, String> config) {

    /** Topics that only the tests use (the shared module's outbox tests); a cluster does not get them. */
    public boolean testOnly() {
        return name.startsWith("sparks.test.");
    }

    public static List<Topic> read(Path file) throws IOException {
        List<Topic> topics = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] fields = l.split("\\s+");
            Map<String, String> config = new LinkedHashMap<>();
            if (fields.length > 2) {
                for (String kv : fields[2].split(",")) {
                    String[] pair = kv.split("=", 2);
                    config.put(pair[0], pair[1]);
                }
            }
            topics.add(new Topic(fields[0], Integer.parseInt(fields[1]), config));
        }
        return topics;
    }
}
