package dev.rolehop.engine.template.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.TruthyTypeConverter;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.misc.NumberOperations;
import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.TreeBuilder;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Parser;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.javax.el.ExpressionFactory;

/**
 * A Jinjava whose expressions multiply as Python does: {@code 'x' * 3} is {@code xxx} and
 * {@code [1] * 2} is {@code [1, 1]}, where Jinjava's expression language would turn both sides
 * into numbers. Everything else is Jinjava's own parser.
 */
final class PythonJinjava extends Jinjava {

    private final ExpressionFactory expressionFactory;

    PythonJinjava(JinjavaConfig config) {
        super(config);
        Properties properties = new Properties();
        properties.setProperty(TreeBuilder.class.getName(), SyntaxBuilder.class.getName());
        this.expressionFactory = new ExpressionFactoryImpl(properties, new TruthyTypeConverter());
    }

    @Override
    public ExpressionFactory getExpressionFactory() {
        return expressionFactory;
    }

    /** Builds {@link PythonParser}s; public because the expression factory creates it by name. */
    public static final class SyntaxBuilder extends ExtendedSyntaxBuilder {
        private static final long serialVersionUID = 1L;

        public SyntaxBuilder(Builder.Feature... features) {
            super(features);
        }

        @Override
        protected Parser createParser(String expression) {
            return new PythonParser(this, expression);
        }
    }

    private static final class PythonParser extends ExtendedParser {
        PythonParser(SyntaxBuilder builder, String expression) {
            super(builder, expression);
        }

        @Override
        protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
            return super.createAstBinary(left, right, operator == AstBinary.MUL ? MULTIPLY : operator);
        }
    }

    /** Python's {@code *}: a sequence times an integer repeats it; numbers multiply as before. */
    static final AstBinary.Operator MULTIPLY = new AstBinary.SimpleOperator() {
        @Override
        protected Object apply(TypeConverter converter, Object a, Object b) {
            if (isInteger(b) && (a instanceof CharSequence || a instanceof List)) {
                return repeat(a, ((Number) integer(b)).intValue());
            }
            if (isInteger(a) && (b instanceof CharSequence || b instanceof List)) {
                return repeat(b, ((Number) integer(a)).intValue());
            }
            return NumberOperations.mul(converter, a, b);
        }

        @Override
        public String toString() {
            return "*";
        }
    };

    private static boolean isInteger(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Boolean;
    }

    private static Object integer(Object value) {
        return value instanceof Boolean bool ? (bool ? 1 : 0) : value;
    }

    private static Object repeat(Object sequence, int times) {
        if (sequence instanceof CharSequence text) {
            return text.toString().repeat(Math.max(0, times));
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.addAll((List<?>) sequence);
        }
        return out;
    }
}
