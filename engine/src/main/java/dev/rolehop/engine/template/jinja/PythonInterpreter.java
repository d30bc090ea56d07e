package dev.rolehop.engine.template.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import dev.rolehop.engine.template.ansible.PythonRepr;

/**
 * A Jinjava interpreter that prints expression values as Python's {@code str()} does
 * ({@code True}, {@code [1, 'a']}), which is what Jinja2 under Ansible prints.
 */
final class PythonInterpreter extends JinjavaInterpreter {

    PythonInterpreter(Jinjava jinjava, Context context, JinjavaConfig config) {
        super(jinjava, context, config);
    }

    PythonInterpreter(JinjavaInterpreter parent) {
        super(parent);
    }

    @Override
    public String getAsString(Object object) {
        return PythonRepr.of(object);
    }

    /** Creates these interpreters wherever Jinjava creates one (includes, macros, child scopes). */
    static final class Factory implements InterpreterFactory {
        @Override
        public JinjavaInterpreter newInstance(JinjavaInterpreter orig) {
            return new PythonInterpreter(orig);
        }

        @Override
        public JinjavaInterpreter newInstance(Jinjava application, Context context, JinjavaConfig config) {
            return new PythonInterpreter(application, context, config);
        }
    }
}
