package dev.rolehop.engine.executor;

import dev.rolehop.engine.error.AnsibleError;
import dev.rolehop.engine.inventory.Host;
import dev.rolehop.engine.template.PythonText;
import dev.rolehop.engine.template.Templar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a play's {@code vars_prompt} answers (before its banner, as ansible-playbook asks them) and
 * its {@code vars_files} (after the banner, once the play has hosts: Ansible reads them with the
 * first host's variables, so a play without hosts never misses one).
 */
final class PlayVariables {

    private final Services services;
    private final PlayContext play;

    PlayVariables(Services services, PlayContext play) {
        this.services = services;
        this.play = play;
    }

    /** Asks the {@code vars_prompt} questions not answered by extra vars; before the play's banner, as Ansible. */
    void prompts() {
        Object prompts = play.play.own("vars_prompt");
        if (!(prompts instanceof List<?> list)) {
            return;
        }
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> spec)) {
                continue;
            }
            String name = String.valueOf(spec.get("name"));
            if (play.options.extraVars().containsKey(name)) {
                continue;
            }
            String text = spec.get("prompt") == null ? name : PythonText.str(spec.get("prompt"));
            Object defaultValue = spec.get("default");
            boolean hidden = spec.get("private") == null || Boolean.TRUE.equals(spec.get("private"));
            String question = text + (defaultValue != null ? " [" + PythonText.str(defaultValue) + "]" : "") + ": ";
            String answer = services.prompter().ask(question, hidden).orElse("");
            if (Boolean.TRUE.equals(spec.get("confirm"))) {
                String again =
                        services.prompter().ask("confirm " + question, hidden).orElse("");
                if (!again.equals(answer)) {
                    throw new AnsibleError("***** VALUES ENTERED DO NOT MATCH ****");
                }
            }
            play.promptVars.put(name, answer.isEmpty() && defaultValue != null ? defaultValue : answer);
        }
    }

    /** Reads the {@code vars_files}, with the variables of the play's first host. */
    void varsFiles() {
        Object files = play.play.own("vars_files");
        if (files == null) {
            return;
        }
        List<?> list = files instanceof List<?> l ? l : List.of(files);
        Host first = play.hosts.isEmpty() ? play.inventory.host("localhost") : play.hosts.get(0);
        for (Object entry : list) {
            Map<String, Object> vars = VariableBuilder.build(play, first, null, Map.of());
            if (entry instanceof List<?> candidates) {
                Path found = null;
                for (Object candidate : candidates) {
                    Path path = resolve(candidate, vars);
                    if (Files.isRegularFile(path)) {
                        found = path;
                        break;
                    }
                }
                if (found == null) {
                    throw new AnsibleError(
                            "vars file " + PythonText.str(candidates) + " was not found on the Ansible Controller");
                }
                read(found);
            } else {
                Path path = resolve(entry, vars);
                if (!Files.isRegularFile(path)) {
                    throw new AnsibleError(
                            "vars file " + PythonText.str(entry) + " was not found\n"
                                    + "Could not find file on the Ansible Controller.\n"
                                    + "If you are using a module and expect the file to exist on the remote, see the remote_src option");
                }
                read(path);
            }
        }
    }

    private Path resolve(Object name, Map<String, Object> vars) {
        Object rendered = services.templar().template(name, vars);
        String text = rendered == Templar.OMIT ? "" : PythonText.str(rendered);
        return play.play.playbookDir().resolve(text);
    }

    private void read(Path file) {
        Object data = services.loader().loadYaml(file);
        if (data == null) {
            return;
        }
        if (!(data instanceof Map<?, ?> map)) {
            throw new AnsibleError("Invalid vars file " + file + ": must be a dictionary of variables");
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        map.forEach((k, v) -> vars.put(String.valueOf(k), v));
        play.varsFiles.putAll(vars);
    }
}
