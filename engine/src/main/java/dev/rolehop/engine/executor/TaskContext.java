package dev.rolehop.engine.executor;

import dev.rolehop.engine.builtin.ActionContext;
import dev.rolehop.engine.template.Templar;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** The {@link ActionContext} of one task run on one host. */
record TaskContext(
        boolean checkMode,
        boolean diffMode,
        int verbosity,
        Map<String, String> environment,
        Path playbookDir,
        String hostName,
        SecretMasker masker,
        BiConsumer<Integer, String> logger,
        Prompter prompter,
        Templar templar,
        Map<String, Object> variables,
        Path baseDir,
        FileFinder finder,
        String taskName,
        java.util.function.Consumer<String> printer,
        Sleeper sleeper,
        boolean noLog)
        implements ActionContext {

    @Override
    public Path findFile(String kind, String name) {
        return finder.find(kind, name);
    }

    @Override
    public void display(String line) {
        printer.accept(line);
    }

    @Override
    public void sleep(java.time.Duration duration) {
        sleeper.sleep(duration);
    }

    @Override
    public void markSecret(String value) {
        masker.add(value);
    }

    @Override
    public void log(int minVerbosity, String message) {
        if (verbosity >= minVerbosity) {
            logger.accept(minVerbosity, message);
        }
    }

    @Override
    public Optional<String> prompt(String prompt, boolean hidden) {
        return prompter.ask(prompt, hidden);
    }
}
