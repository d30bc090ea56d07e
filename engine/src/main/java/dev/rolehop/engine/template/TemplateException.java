package dev.rolehop.engine.template;

/** A template that cannot be rendered; the message is worded as Ansible's. */
public class TemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message, null, false, false);
    }
}
