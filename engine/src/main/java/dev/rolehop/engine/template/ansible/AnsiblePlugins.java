package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.Jinjava;
import java.util.List;

/**
 * Installs Ansible's Jinja2 filters, tests and lookup functions into a Jinjava instance, under
 * Ansible's names, replacing Jinjava built-ins whose behaviour differs from Jinja2's.
 *
 * <p>The reference is ansible-core 2.14 with Jinja2 3.1. docs/templating.md lists every plugin
 * and each known difference.
 */
public final class AnsiblePlugins {
  private AnsiblePlugins() {}

  /** Registers every filter, test and function on the instance's global context. */
  public static void install(Jinjava jinjava) {
    for (List<PluginFilter> group : List.of(CoreFilters.all(), TypeFilters.all(), SerializationFilters.all())) {
      group.forEach(jinjava::registerFilter);
    }
  }
}
