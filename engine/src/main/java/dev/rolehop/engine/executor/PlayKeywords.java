package dev.rolehop.engine.executor;

import dev.rolehop.engine.error.ParseError;
import dev.rolehop.engine.playbook.Keyword;
import dev.rolehop.engine.playbook.KeywordValueError;
import dev.rolehop.engine.playbook.KeywordValues;
import dev.rolehop.engine.playbook.Play;
import dev.rolehop.engine.template.Templar;
import dev.rolehop.engine.template.TemplateException;
import dev.rolehop.engine.template.UndefinedVariableException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A play's own keywords that Ansible converts when the play starts ({@code always_post_validate}:
 * {@code gather_facts}, {@code max_fail_percentage}, {@code serial}, {@code gather_timeout}, ...),
 * templated with the extra variables and converted to their types. A value that does not convert
 * ends the run as Ansible's {@code ERROR!} (exit 4), at the play's position.
 */
final class PlayKeywords {

    /** The play keywords Ansible converts as the play starts, in its order. */
    private static final List<Keyword> CHECKED = List.of(
            Keyword.NAME,
            Keyword.HOSTS,
            Keyword.GATHER_FACTS,
            Keyword.GATHER_SUBSET,
            Keyword.GATHER_TIMEOUT,
            Keyword.FORCE_HANDLERS,
            Keyword.MAX_FAIL_PERCENTAGE,
            Keyword.SERIAL,
            Keyword.STRATEGY,
            Keyword.ORDER);

    private final Map<Keyword, Object> values;

    private PlayKeywords(Map<Keyword, Object> values) {
        this.values = values;
    }

    /**
     * Converts the play's keywords.
     *
     * @throws ParseError with Ansible's message when a value does not convert
     */
    static PlayKeywords of(Play play, Templar templar, Map<String, Object> extraVars) {
        // Ansible templates them with the play's vars and the extra vars (vars_files are read later).
        Map<String, Object> vars = new HashMap<>();
        if (play.own("vars") instanceof Map<?, ?> playVars) {
            playVars.forEach((k, v) -> vars.put(String.valueOf(k), v));
        }
        vars.putAll(extraVars);
        Map<Keyword, Object> values = new EnumMap<>(Keyword.class);
        for (Keyword keyword : CHECKED) {
            Object raw = play.own(keyword.key());
            if (raw == null) {
                continue;
            }
            Object value;
            try {
                value = templar.template(raw, vars);
            } catch (UndefinedVariableException e) {
                throw new ParseError(
                        "The field '" + keyword.key() + "' has an invalid value, which includes an undefined "
                                + "variable. The error was: " + e.getMessage() + ". " + e.getMessage(),
                        play.position());
            } catch (TemplateException e) {
                throw new ParseError(e.getMessage(), play.position());
            }
            if (value == Templar.OMIT) {
                continue;
            }
            try {
                values.put(keyword, KeywordValues.convert(keyword, raw, value));
            } catch (KeywordValueError e) {
                throw new ParseError(e.getMessage(), play.position());
            }
        }
        return new PlayKeywords(values);
    }

    /** Whether the play gathers facts ({@code gather_facts}, default true). */
    boolean gatherFacts() {
        return !Boolean.FALSE.equals(values.get(Keyword.GATHER_FACTS));
    }

    /** The play's {@code serial} as a list of sizes (numbers or percentages), or {@code null} when not set. */
    Object serial() {
        return values.get(Keyword.SERIAL);
    }
}
