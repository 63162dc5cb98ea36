import java.io.FileReader;
import java.io.Reader;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads a .properties file with java.util.Properties, the parser MirrorMaker 2 itself reads mm2.properties with,
 * and prints what it read as one JSON object, so the tests see the keys and values exactly as Kafka would.
 */
public class PropertiesToJson {
    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = new FileReader(args[0], java.nio.charset.StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        StringBuilder json = new StringBuilder("{");
        for (var entry : new TreeMap<>(properties).entrySet()) {
            if (json.length() > 1) json.append(',');
            json.append(quote((String) entry.getKey())).append(':').append(quote((String) entry.getValue()));
        }
        System.out.println(json.append('}'));
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') quoted.append('\\').append(c);
            else if (c < 0x20 || c > 0x7e) quoted.append(String.format("\\u%04x", (int) c));
            else quoted.append(c);
        }
        return quoted.append('"').toString();
    }
}
