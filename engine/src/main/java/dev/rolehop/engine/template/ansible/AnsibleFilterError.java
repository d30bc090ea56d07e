package dev.rolehop.engine.template.ansible;

/**
 * Signals that an Ansible filter, test or lookup rejected its input, with Ansible's own message.
 *
 * <p>The message is exactly what ansible-core 2.14 puts in the task result's {@code msg}
 * (for example {@code Mandatory variable 'x'  not defined.}), so the engine can show it verbatim.
 * Jinjava wraps exceptions thrown by plugins; the engine finds this one in the cause chain.
 */
public final class AnsibleFilterError extends RuntimeException {
  /** Creates the error with Ansible's message. */
  public AnsibleFilterError(String message) {
    super(message);
  }

  /** Creates the error with Ansible's message and the underlying cause. */
  public AnsibleFilterError(String message, Throwable cause) {
    super(message, cause);
  }
}
