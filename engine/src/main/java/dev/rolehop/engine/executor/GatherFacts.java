package dev.rolehop.engine.executor;

import dev.rolehop.engine.playbook.Play;
import dev.rolehop.engine.playbook.Task;
import java.util.LinkedHashMap;
import java.util.Map;

/** The implicit "Gathering Facts" task Ansible runs first in a play unless {@code gather_facts: false}. */
final class GatherFacts {

    private GatherFacts() {}

    static Task task(Play play) {
        Map<String, Object> keywords = new LinkedHashMap<>();
        keywords.put("name", "Gathering Facts");
        keywords.put("tags", "always");
        Map<String, Object> args = new LinkedHashMap<>();
        if (play.own("gather_subset") != null) {
            args.put("gather_subset", play.own("gather_subset"));
        }
        return new Task(play, keywords, play.position(), "ansible.builtin.gather_facts", args, false);
    }
}
