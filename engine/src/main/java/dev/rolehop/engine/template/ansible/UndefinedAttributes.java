package dev.rolehop.engine.template.ansible;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;
import jinjava.javax.el.MethodNotFoundException;
import jinjava.javax.el.PropertyNotFoundException;

/**
 * Resolves attributes, keys and indexes as Jinja2 under Ansible does: one that does not exist
 * is an {@link Undefined} naming it ({@code 'dict object' has no attribute 'k'}, {@code list
 * object has no element 3}) rather than Jinjava's null, and any attribute of an undefined value
 * is that undefined value. Python's methods on strings, dicts and lists ({@link PythonMethods})
 * come before Java's. Everything else is left to Jinjava's resolver.
 */
public final class UndefinedAttributes extends ELResolver {
    private final ELResolver delegate;

    /** Wraps Jinjava's resolver, e.g. {@code JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY}. */
    public UndefinedAttributes(ELResolver delegate) {
        this.delegate = delegate;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base instanceof Undefined) {
            context.setPropertyResolved(true);
            return base;
        }
        if (base instanceof CharSequence text && index(String.valueOf(property)) != null) {
            context.setPropertyResolved(true);
            return character(text.toString(), index(String.valueOf(property)));
        }
        Object value;
        try {
            value = delegate.getValue(context, base, property);
        } catch (PropertyNotFoundException e) {
            if (base == null) {
                throw e;
            }
            context.setPropertyResolved(true);
            return Undefined.attribute(base, String.valueOf(property));
        }
        if (value == null && base != null && context.isPropertyResolved()) {
            return missing(base, property);
        }
        return value;
    }

    /** Returns the undefined value for a property the base lacks, or null where it holds None. */
    private static Object missing(Object base, Object property) {
        String name = String.valueOf(property);
        if (base instanceof Map<?, ?> map) {
            // Jinjava hands the key over as text; a map may hold it as a number (YAML's 1: a)
            Integer number = index(name);
            boolean holdsNone = map.containsKey(name) || (number != null && map.containsKey(number.longValue()));
            return holdsNone ? null : Undefined.attribute(base, name);
        }
        if (base instanceof List<?> list) {
            Integer index = index(name);
            if (index == null) {
                return Undefined.attribute(base, name);
            }
            int at = index < 0 ? index + list.size() : index;
            return at >= 0 && at < list.size() ? null : Undefined.element(base, name);
        }
        return null;
    }

    /** Python's {@code text[index]}, counting from the end for a negative index. */
    private static Object character(String text, int index) {
        int length = text.codePointCount(0, text.length());
        int at = index < 0 ? index + length : index;
        if (at < 0 || at >= length) {
            return Undefined.element(text, index);
        }
        int start = text.offsetByCodePoints(0, at);
        return text.substring(start, text.offsetByCodePoints(start, 1));
    }

    private static Integer index(String name) {
        try {
            return Integer.valueOf(name);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return delegate.getType(context, base, property);
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        delegate.setValue(context, base, property, value);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return delegate.isReadOnly(context, base, property);
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return delegate.getFeatureDescriptors(context, base);
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return delegate.getCommonPropertyType(context, base);
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base instanceof Undefined undefined) {
            // Jinja2 fails when an undefined value's method is called, naming the undefined value
            throw undefined.error();
        }
        Object result = PythonMethods.call(base, String.valueOf(method), params);
        if (result != PythonMethods.UNKNOWN) {
            context.setPropertyResolved(true);
            return result;
        }
        try {
            return delegate.invoke(context, base, method, paramTypes, params);
        } catch (MethodNotFoundException e) {
            if (base instanceof CharSequence || base instanceof Map || base instanceof List) {
                // a method Python's type lacks is an undefined attribute to Jinja2, not a Java error
                throw Undefined.attribute(base, String.valueOf(method)).error();
            }
            throw e;
        }
    }
}
