package dev.rolehop.cli;

import dev.rolehop.engine.Engine;
import dev.rolehop.engine.ExtraVars;
import dev.rolehop.engine.PlayRequest;
import dev.rolehop.engine.error.AnsibleError;
import dev.rolehop.engine.error.ExitCode;
import dev.rolehop.engine.executor.Prompter;
import dev.rolehop.engine.executor.RunOptions;
import dev.rolehop.engine.executor.Sleeper;
import dev.rolehop.engine.module.ModuleRegistry;
import dev.rolehop.engine.output.Display;
import dev.rolehop.engine.output.TextWrap;
import dev.rolehop.engine.vault.VaultRequest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rolehop play}: runs Ansible playbooks with ansible-playbook's options, output and exit codes. */
@Command(
        name = PlayCommand.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = "Run Ansible playbooks (hosts: localhost, connection: local) as ansible-playbook would.")
final class PlayCommand implements Callable<Integer> {

    static final String NAME = "play";

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "PLAYBOOK", arity = "1..*", description = "Playbook(s) to run, in order.")
    List<Path> playbooks = new ArrayList<>();

    @Option(
            names = {"-e", "--extra-vars"},
            paramLabel = "EXTRA_VARS",
            description = "Set variables as key=value (values are strings), JSON/YAML, or @file.")
    List<String> extraVars = new ArrayList<>();

    @Option(
            names = {"-i", "--inventory", "--inventory-file"},
            paramLabel = "INVENTORY",
            description = "Inventory file or directory (INI or YAML), or a comma-separated host list.")
    List<String> inventories = new ArrayList<>();

    @Option(
            names = "--vault-id",
            paramLabel = "VAULT_IDS",
            description =
                    "A vault identity: label@FILE, label@prompt or FILE (a password file or a script printing it).")
    List<String> vaultIds = new ArrayList<>();

    @Option(
            names = {"--vault-password-file", "--vault-pass-file"},
            paramLabel = "VAULT_PASSWORD_FILES",
            description = "A vault password file, or an executable script that prints the password.")
    List<String> vaultPasswordFiles = new ArrayList<>();

    @Option(
            names = {"--ask-vault-password", "--ask-vault-pass"},
            description = "Ask for the vault password on the terminal.")
    boolean askVaultPassword;

    @Option(
            names = {"-l", "--limit"},
            paramLabel = "SUBSET",
            description = "Limit the hosts to this pattern.")
    String limit;

    @Option(
            names = {"-f", "--forks"},
            paramLabel = "FORKS",
            defaultValue = "5",
            description = "Hosts to run in parallel (default ${DEFAULT-VALUE}).")
    int forks;

    @Option(
            names = {"-v", "--verbose"},
            description = "More output; repeat up to -vvvv.")
    boolean[] verbose = new boolean[0];

    @Option(
            names = {"-C", "--check"},
            description = "Don't make changes; predict some of them.")
    boolean check;

    @Option(
            names = {"-D", "--diff"},
            description = "Show the differences changes make.")
    boolean diff;

    @Option(names = "--syntax-check", description = "Check the playbooks' syntax; run nothing.")
    boolean syntaxCheck;

    @Option(names = "--list-tasks", description = "List the tasks that would run.")
    boolean listTasks;

    @Option(names = "--list-hosts", description = "List the hosts each play would run on.")
    boolean listHosts;

    @Option(names = "--list-tags", description = "List the tags in use.")
    boolean listTags;

    @Option(
            names = {"-t", "--tags"},
            paramLabel = "TAGS",
            split = ",",
            description = "Only run tasks with these tags.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--skip-tags", paramLabel = "SKIP_TAGS", split = ",", description = "Skip tasks with these tags.")
    List<String> skipTags = new ArrayList<>();

    @Option(names = "--start-at-task", paramLabel = "START_AT_TASK", description = "Start at the task with this name.")
    String startAtTask;

    @Option(
            names = "--output",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: text (ansible's default callback) or json (ansible's json callback).")
    String output;

    @Override
    public Integer call() {
        PrintStream out = main.out();
        PrintStream err = main.err();
        if (!output.equals("text") && !output.equals("json")) {
            err.println("ERROR! --output must be text or json, got '" + output + "'");
            return ExitCode.BAD_OPTIONS;
        }
        if (forks < 1) {
            // ansible-playbook's option parser rejects it: a usage error, exit code 2.
            throw new ParameterException(spec.commandLine(), "The number of processes (--forks) must be >= 1");
        }
        if (askVaultPassword && !vaultPasswordFiles.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "argument --ask-vault-password/--ask-vault-pass: not allowed with argument"
                            + " --vault-password-file/--vault-pass-file");
        }
        var warnings = new ArrayList<String>();
        RunOptions options;
        try {
            options = RunOptions.defaults()
                    .withExtraVars(ExtraVars.parse(extraVars, warnings::add))
                    .withCheck(check)
                    .withDiff(diff)
                    .withVerbosity(verbose.length)
                    .withForks(forks)
                    .withLimit(limit)
                    .withTags(tags, skipTags)
                    .withStartAtTask(startAtTask);
        } catch (AnsibleError e) {
            err.println("ERROR! " + e.describe());
            return Engine.exitCode(e);
        }
        warnings.forEach(w -> err.println(String.join("\n", TextWrap.wrap("[WARNING]: " + w, Display.COLUMNS))));
        PlayRequest.Mode mode = syntaxCheck
                ? PlayRequest.Mode.SYNTAX_CHECK
                : listTasks
                        ? PlayRequest.Mode.LIST_TASKS
                        : listHosts
                                ? PlayRequest.Mode.LIST_HOSTS
                                : listTags ? PlayRequest.Mode.LIST_TAGS : PlayRequest.Mode.RUN;
        PlayRequest request = new PlayRequest(
                playbooks,
                inventories,
                options,
                mode,
                output.equals("json"),
                PlayArguments.of(this),
                new VaultRequest(vaultIds, vaultPasswordFiles, askVaultPassword));
        boolean color = System.console() != null
                && System.getenv("NO_COLOR") == null
                && !"0".equals(System.getenv("ANSIBLE_FORCE_COLOR"));
        Engine engine = new Engine(ModuleRegistry.discover(), Prompter.console(), Sleeper.system());
        PlayInterrupt.install(out, err);
        return engine.run(request, out, err, color);
    }
}
