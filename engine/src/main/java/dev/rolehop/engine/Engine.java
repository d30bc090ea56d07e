package dev.rolehop.engine;

import dev.rolehop.engine.config.AnsibleConfig;
import dev.rolehop.engine.delegate.AnsibleSettings;
import dev.rolehop.engine.delegate.DelegatedModules;
import dev.rolehop.engine.delegate.PluginRouting;
import dev.rolehop.engine.error.AnsibleError;
import dev.rolehop.engine.error.ExitCode;
import dev.rolehop.engine.error.OptionError;
import dev.rolehop.engine.error.ParseError;
import dev.rolehop.engine.executor.Callback;
import dev.rolehop.engine.executor.PlaybookRunner;
import dev.rolehop.engine.executor.Prompter;
import dev.rolehop.engine.executor.SecretMasker;
import dev.rolehop.engine.executor.Sleeper;
import dev.rolehop.engine.inventory.HostPattern;
import dev.rolehop.engine.inventory.Inventory;
import dev.rolehop.engine.inventory.InventoryLoader;
import dev.rolehop.engine.module.Deprecation;
import dev.rolehop.engine.module.ModuleRegistry;
import dev.rolehop.engine.output.Color;
import dev.rolehop.engine.output.DefaultCallback;
import dev.rolehop.engine.output.Display;
import dev.rolehop.engine.output.JsonCallback;
import dev.rolehop.engine.template.Templar;
import dev.rolehop.engine.vault.Vault;
import dev.rolehop.engine.vault.VaultSecrets;
import dev.rolehop.python.Booleans;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link PlayRequest} end to end as ansible-playbook does and returns its exit code:
 * 0 ok, 1 error, 2 a host failed, 4 unreachable or a parse error, 5 bad options, 250 unexpected
 * ({@link ExitCode}).
 * Errors are printed as {@code ERROR! ...} on stderr, never as a stack trace (unless {@code -vvv}).
 */
public final class Engine {

    private final ModuleRegistry registry;
    private final Prompter prompter;
    private final Sleeper sleeper;

    public Engine(ModuleRegistry registry, Prompter prompter, Sleeper sleeper) {
        this.registry = registry;
        this.prompter = prompter;
        this.sleeper = sleeper;
    }

    /** ansible-playbook's exit code for an error: bad options, a parser error, or any other error. */
    public static int exitCode(AnsibleError error) {
        return error instanceof OptionError
                ? ExitCode.BAD_OPTIONS
                : error instanceof ParseError ? ExitCode.PARSER_ERROR : ExitCode.ERROR;
    }

    public int run(PlayRequest request, PrintStream out, PrintStream err, boolean color) {
        SecretMasker masker = new SecretMasker();
        Display display = new Display(out, err, color, request.options().verbosity(), masker);
        Map<String, String> environment = request.options().environment();
        AnsibleConfig config;
        try {
            config = AnsibleConfig.find(environment, Path.of("").toAbsolutePath());
        } catch (AnsibleError e) {
            display.error("ERROR! " + e.describe(), null);
            return exitCode(e);
        }
        // The file's settings join the environment's only where Ansible's settings are read, not
        // in the environment tasks and lookups see.
        Map<String, String> settings = config.settings(environment);
        if (!configFlag(settings, "ANSIBLE_DEPRECATION_WARNINGS")) {
            display.hideDeprecations();
        }
        config.warnings().forEach(display::warning);
        DelegatedModules delegated = new DelegatedModules(
                        settings,
                        new PluginRouting.Events() {
                            @Override
                            public void deprecated(Deprecation deprecation) {
                                display.deprecated(deprecation);
                            }

                            @Override
                            public void verbose(int level, String line) {
                                display.verbose(level, line);
                            }
                        },
                        DelegatedModules.discoverHooks())
                .prestart(request.mode() == PlayRequest.Mode.RUN);
        try {
            return run(request, display, registry.withFinder(delegated), config, settings);
        } finally {
            delegated.close();
        }
    }

    private int run(
            PlayRequest request,
            Display display,
            ModuleRegistry registry,
            AnsibleConfig config,
            Map<String, String> settings) {
        SecretMasker masker = display.masker();
        AnsibleSettings ansibleSettings = AnsibleSettings.of(settings);
        try {
            if (request.options().verbosity() >= 2) {
                display.display(VersionHeader.text(ansibleSettings, config.file()), Color.VERBOSE);
            }
            if (request.options().verbosity() >= 1) {
                display.display(config.file()
                        .map(file -> "Using " + file + " as config file")
                        .orElse("No config file found; using defaults"));
            }
            for (Path playbook : request.playbooks()) {
                if (!Files.exists(playbook)) {
                    throw new AnsibleError("the playbook: " + playbook + " could not be found");
                }
                if (!Files.isRegularFile(playbook)) {
                    throw new AnsibleError("the playbook: " + playbook + " does not appear to be a file");
                }
            }
            // As ansible-playbook: the vault secrets are read before anything is loaded.
            Vault vault = new VaultSecrets(
                            settings,
                            Path.of("").toAbsolutePath(),
                            prompt -> prompter.ask(prompt, true),
                            display::warning)
                    .load(request.vault());
            Inventory inventory = InventoryLoader.load(inventories(request, settings), display::warning, vault);
            if (!inventory.parsed() && configFlag(settings, "ANSIBLE_INVENTORY_UNPARSED_WARNING")) {
                display.warning("No inventory was parsed, only implicit localhost is available");
            }
            if (inventory.hosts().isEmpty()) {
                if (configFlag(settings, "ANSIBLE_LOCALHOST_WARNING")) {
                    display.warning("provided hosts list is empty, only localhost is available. Note that the "
                            + "implicit localhost does not match 'all'");
                }
            } else if (HostPattern.select(inventory, "all", request.options().limit(), display::warning)
                    .isEmpty()) {
                throw new AnsibleError(
                        "Specified inventory, host pattern and/or --limit leaves us with no hosts to target.");
            }
            Templar templar = new Templar(request.options().environment(), HostPattern::namesMatching, vault);
            Callback callback = StdoutCallback.json(request.json(), settings, display::warning)
                    ? new JsonCallback(display)
                    : new DefaultCallback(display, positional(request), request.arguments());
            PlaybookRunner runner = new PlaybookRunner(
                    registry, templar, callback, masker, prompter, sleeper, ansibleSettings.rolesPath());
            if (request.mode() != PlayRequest.Mode.RUN) {
                return new Listing(runner, inventory, request, display).print();
            }
            return runner.run(request.playbooks(), inventory, request.options());
        } catch (AnsibleError e) {
            display.error("ERROR! " + e.describe(), null);
            return exitCode(e);
        } catch (RuntimeException e) {
            display.error("ERROR! Unexpected Exception, this is probably a bug: " + e, null);
            if (request.options().verbosity() >= 3) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                display.error("the full traceback was:\n\n" + trace, null);
            } else {
                display.error("to see the full traceback, use -vvv", null);
            }
            return ExitCode.UNEXPECTED;
        }
    }

    /** The {@code -i} sources, else the configured inventory ({@code ANSIBLE_INVENTORY}, ansible.cfg's {@code inventory}). */
    private static List<String> inventories(PlayRequest request, Map<String, String> settings) {
        String configured = settings.get("ANSIBLE_INVENTORY");
        if (!request.inventories().isEmpty() || configured == null) {
            return request.inventories();
        }
        return Arrays.stream(configured.split(","))
                .filter(s -> !s.isBlank())
                .map(String::strip)
                .toList();
    }

    /** The playbooks as given on the command line, as {@code -vvvv} shows them. */
    private static String positional(PlayRequest request) {
        return String.join(" ", request.playbooks().stream().map(Path::toString).toList());
    }

    /** An Ansible boolean setting from the environment, on unless set to something not true. */
    private static boolean configFlag(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value == null || Booleans.lenient(value);
    }
}
