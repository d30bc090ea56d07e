package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.objects.SafeString;
import dev.rolehop.python.PythonObject;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * Formats the values a template sees the way Python's {@code str()} and {@code repr()} format
 * the equivalent Python values, so a template that mixes text and values renders as Ansible
 * renders it: Python's rules themselves are {@link dev.rolehop.python.PythonRepr}'s; this class
 * adds Jinjava's {@link SafeString} (Jinja2's {@code Markup}).
 *
 * <p>Ansible (Jinja2) turns {@code "{{ [1, 'a'] }}x"} into {@code [1, 'a']x}, {@code true} into
 * {@code True} and a dict into {@code {'k': 'v'}}; Jinjava would print {@code [1, a]x},
 * {@code true} and {@code {k=v}}. Mapping used: {@code null} = None, {@link Boolean} = bool,
 * integral {@link Number}s = int, {@link Double}/{@link Float}/{@link BigDecimal} = float,
 * {@link CharSequence} = str, {@link Map} = dict, {@link PythonTuple} = tuple, other
 * {@link Collection}s = list; an {@link Undefined} raises Ansible's undefined error.
 */
public final class PythonRepr {
    private static final dev.rolehop.python.PythonRepr JINJA =
            dev.rolehop.python.PythonRepr.withForeign(PythonRepr::markup);

    private PythonRepr() {}

    /**
     * Renders a template expression's value into surrounding text as Ansible does: like
     * {@code str()}, except that None renders as the empty string (Ansible's finalize hook) and a
     * dict view as the list it holds (what ansible-playbook 2.14 shows for {@code {{ d.keys() }}}).
     */
    public static String of(Object value) {
        if (value instanceof PythonDictView view) {
            return repr(view);
        }
        return value == null ? "" : str(value);
    }

    /** Returns Python's {@code str(value)}: strings as they are, everything else as repr. */
    public static String str(Object value) {
        return JINJA.strOf(value);
    }

    /** Returns Python's {@code repr(value)}. */
    public static String repr(Object value) {
        return JINJA.reprOf(value);
    }

    /** Returns Python's {@code repr(float)}: shortest digits, exponent outside 1e-4 .. 1e16. */
    public static String floatRepr(double value) {
        return dev.rolehop.python.PythonRepr.floatRepr(value);
    }

    /** Jinja2's {@code Markup} (Jinjava's SafeString): a str that reprs as {@code Markup('...')}. */
    private static PythonObject markup(Object value) {
        if (!(value instanceof SafeString safe)) {
            return null;
        }
        return new PythonObject() {
            @Override
            public String repr() {
                return "Markup(" + dev.rolehop.python.PythonRepr.stringRepr(safe.getValue()) + ")";
            }

            @Override
            public String str() {
                return safe.getValue();
            }

            @Override
            public String typeName() {
                return "Markup";
            }

            @Override
            public Object toJson() {
                return safe.getValue();
            }
        };
    }
}
