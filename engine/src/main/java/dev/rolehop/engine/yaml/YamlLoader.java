package dev.rolehop.engine.yaml;

import dev.rolehop.engine.error.ErrorContext;
import dev.rolehop.engine.error.ParseError;
import dev.rolehop.engine.error.Position;
import dev.rolehop.engine.vault.Vault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML 1.1 documents as PyYAML's safe loader does ({@code yes}/{@code no} are booleans,
 * mappings keep their order), recording positions for error messages. A syntax error becomes a
 * {@link ParseError} worded as Ansible's loader words it.
 */
public final class YamlLoader {

    /** libyaml's wording (what ansible-playbook shows) for SnakeYAML's messages that differ. */
    private static final Map<String, String> LIBYAML_PROBLEMS = Map.of(
            "mapping values are not allowed here", "mapping values are not allowed in this context",
            "found unexpected end of stream", "found unexpected end of stream");

    private YamlLoader() {}

    /** Reads the single document of a file that holds no vault data. */
    public static Object load(Path file) {
        return load(file, Vault.NONE);
    }

    /**
     * Reads the single document of a file, decrypting it first when it is vault text (as
     * Ansible's {@code DataLoader} does every file it loads); an empty file gives {@code null}. A
     * file that is not UTF-8 fails with the line and column of its first bad byte
     * (ansible-playbook 2.14 ends with "Unexpected Exception" there).
     */
    public static Object load(Path file, Vault vault) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ParseError("Could not find or access '" + file + "'", null);
        } catch (IOException e) {
            throw new ParseError("Could not read '" + file + "': " + e.getMessage(), null);
        }
        bytes = vault.decryptIfEncrypted(bytes, file.toString());
        return load(YamlText.decode(bytes, file.toString()), file.toString(), vault);
    }

    /** Reads the single document of a text, naming {@code source} in positions and errors. */
    public static Object load(String text, String source) {
        return load(text, source, Vault.NONE);
    }

    /**
     * Reads the single document of a text, naming {@code source} in positions and errors;
     * {@code !vault} values decrypt with {@code vault} when used.
     */
    public static Object load(String text, String source, Vault vault) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(1000);
        options.setCodePointLimit(64 * 1024 * 1024);
        Yaml yaml = new Yaml(
                new MarkedConstructor(source, options, vault),
                new Representer(new DumperOptions()),
                new DumperOptions(),
                options,
                new Resolver());
        YamlText.checkPrintable(text, source);
        try {
            return yaml.load(text);
        } catch (MarkedYAMLException e) {
            throw syntaxError(text, source, e);
        } catch (YAMLException e) {
            throw new ParseError("Syntax Error while loading YAML.\n  " + e.getMessage(), null);
        }
    }

    /** The start of Ansible's message for text that neither JSON nor YAML can read. */
    static String unreadable(String text) {
        return "We were unable to read either as JSON nor YAML, these are the errors we got from each:\n" + "JSON: "
                + jsonError(text) + "\n\n";
    }

    private static ParseError syntaxError(String text, String source, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = problem(e);
        StringBuilder message = new StringBuilder()
                .append(unreadable(text))
                .append("Syntax Error while loading YAML.\n  ")
                .append(problem);
        Position position = mark == null ? null : new Position(source, mark.getLine() + 1, mark.getColumn() + 1);
        if (position != null) {
            message.append("\n\n").append(ErrorContext.locate(position).stripTrailing());
        }
        return new ParseError(message.toString(), null);
    }

    private static String problem(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? e.getContext() : e.getProblem();
        if (problem.startsWith("expected <block end>, but found")) {
            String context = e.getContext() == null ? "" : e.getContext();
            return context.contains("collection") && !context.contains("mapping")
                    ? "did not find expected '-' indicator"
                    : "did not find expected key";
        }
        if (problem.startsWith("found character '\\t")) {
            return "found character that cannot start any token";
        }
        return LIBYAML_PROBLEMS.getOrDefault(problem, problem);
    }

    /** What Python's json module says about text that is not JSON, as Ansible includes it. */
    private static String jsonError(String text) {
        int line = 1;
        int column = 1;
        int index = 0;
        while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
            if (text.charAt(index) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            index++;
        }
        return "Expecting value: line " + line + " column " + column + " (char " + index + ")";
    }
}
