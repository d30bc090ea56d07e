package dev.rolehop.engine;

import dev.rolehop.engine.error.ExitCode;
import dev.rolehop.engine.executor.PlaybookRunner;
import dev.rolehop.engine.inventory.Host;
import dev.rolehop.engine.inventory.HostPattern;
import dev.rolehop.engine.inventory.Inventory;
import dev.rolehop.engine.output.Display;
import dev.rolehop.engine.playbook.Block;
import dev.rolehop.engine.playbook.Play;
import dev.rolehop.engine.playbook.Playbook;
import dev.rolehop.engine.playbook.RoleScope;
import dev.rolehop.engine.playbook.Scope;
import dev.rolehop.engine.playbook.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Prints what {@code --syntax-check}, {@code --list-tasks}, {@code --list-hosts} and {@code --list-tags} print. */
final class Listing {

    private final PlaybookRunner runner;
    private final Inventory inventory;
    private final PlayRequest request;
    private final Display display;

    Listing(PlaybookRunner runner, Inventory inventory, PlayRequest request, Display display) {
        this.runner = runner;
        this.inventory = inventory;
        this.request = request;
        this.display = display;
    }

    int print() {
        for (Path file : request.playbooks()) {
            Playbook playbook = runner.load(file);
            display.display("\nplaybook: " + file);
            if (request.mode() == PlayRequest.Mode.SYNTAX_CHECK) {
                continue;
            }
            int number = 0;
            for (Play play : playbook.plays()) {
                number++;
                display.display("\n  play #" + number + " (" + play.hostPattern() + "): " + play.name() + "\tTAGS: "
                        + tags(play.tags()));
                switch (request.mode()) {
                    case LIST_HOSTS -> {
                        List<Host> hosts = HostPattern.select(
                                inventory, play.hostPattern(), request.options().limit(), display::warning);
                        display.display("    pattern: ['" + play.hostPattern() + "']");
                        display.display("    hosts (" + hosts.size() + "):");
                        hosts.forEach(h -> display.display("      " + h.name()));
                    }
                    case LIST_TAGS -> {
                        Set<String> all = new TreeSet<>();
                        for (Task task : tasks(play)) {
                            all.addAll(task.tags());
                        }
                        display.display("      TASK TAGS: " + tags(all));
                    }
                    default -> {
                        display.display("    tasks:");
                        for (Task task : tasks(play)) {
                            if (!selected(task)) {
                                continue;
                            }
                            String name = task.name() == null ? task.action() : task.name();
                            if (task.role() != null) {
                                name = task.role().name() + " : " + name;
                            }
                            display.display("      " + name + "\tTAGS: " + tags(task.tags()));
                        }
                    }
                }
            }
        }
        return ExitCode.OK;
    }

    /** Whether --tags/--skip-tags keep the task, as the run would. */
    private boolean selected(Task task) {
        return new dev.rolehop.engine.executor.TagSelection(
                        request.options().tags(), request.options().skipTags())
                .allows(task.tags());
    }

    private static String tags(Set<String> tags) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(tags));
        return "[" + String.join(", ", sorted) + "]";
    }

    private static List<Task> tasks(Play play) {
        List<Task> out = new ArrayList<>();
        collect(play.preTasks(), out);
        for (RoleScope role : play.roles()) {
            collect(List.of(role), out);
        }
        collect(play.tasks(), out);
        collect(play.postTasks(), out);
        return out;
    }

    private static void collect(List<Scope> items, List<Task> out) {
        for (Scope item : items) {
            if (item instanceof Task task) {
                out.add(task);
            } else if (item instanceof Block block) {
                collect(block.block(), out);
                collect(block.rescue(), out);
                collect(block.always(), out);
            } else if (item instanceof RoleScope role) {
                collect(role.tasks(), out);
            }
        }
    }
}
