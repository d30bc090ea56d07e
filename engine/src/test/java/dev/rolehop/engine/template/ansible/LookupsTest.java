package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Fixtures.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.LazyExpression;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import dev.rolehop.engine.template.jinja.AnsibleEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookupsTest {
    @TempDir
    Path dir;

    private Jinjava jinjava;

    @BeforeEach
    void installWithAFixedEnvironment() {
        jinjava = AnsibleEnvironment.create(Map.of("HOME", "/home/u", "EMPTY", ""));
    }

    private String render(String template, Map<String, ?> vars) {
        RenderResult result = jinjava.renderForResult(template, vars);
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw new IllegalStateException(error.getMessage(), error.getException());
            }
        }
        return result.getOutput();
    }

    private String render(String template) {
        return render(template, Map.of("playbook_dir", dir.toString()));
    }

    @Test
    void envReadsTheControllerEnvironment() {
        assertThat(render("{{ lookup('env', 'HOME') }}")).isEqualTo("/home/u");
    }

    @Test
    void envGivesTheEmptyStringForAnUnsetVariable() {
        assertThat(render("[{{ lookup('env', 'NOPE') }}]")).isEqualTo("[]");
    }

    @Test
    void envTakesADefault() {
        assertThat(render("{{ lookup('env', 'NOPE', default='d') }}")).isEqualTo("d");
    }

    @Test
    void lookupJoinsSeveralStringsWithCommas() {
        assertThat(render("{{ lookup('env', 'HOME', 'NOPE') }}")).isEqualTo("/home/u,");
    }

    @Test
    void queryAlwaysGivesAList() {
        assertThat(render("{{ query('env', 'HOME') }} {{ q('env', 'HOME') }}")).isEqualTo("['/home/u'] ['/home/u']");
    }

    @Test
    void theBuiltinPrefixIsAccepted() {
        assertThat(render("{{ lookup('ansible.builtin.env', 'HOME') }}")).isEqualTo("/home/u");
    }

    @Test
    void anUnknownLookupFails() {
        assertThatThrownBy(() -> render("{{ lookup('nosuch', 'x') }}"))
                .rootCause()
                .hasMessage("lookup plugin (nosuch) not found");
    }

    @Test
    void anUnknownOptionFails() {
        assertThatThrownBy(() -> render("{{ lookup('env', 'HOME', foo=1) }}"))
                .rootCause()
                .hasMessage(
                        "Requested entry (plugin_type: lookup plugin: env setting: foo ) was not defined in configuration.");
    }

    @Test
    void varsGivesALoneNonStringValueAsItIs() {
        assertThat(render("{{ lookup('vars', 'x') }}", Map.of("x", List.of(1)))).isEqualTo("[1]");
    }

    @Test
    void varsEvaluatesALazilyBoundVariable() {
        LazyExpression lazy = LazyExpression.of(() -> "rendered", "{{ raw }}");
        assertThat(render("{{ query('vars', 'x') }}", Map.of("x", lazy))).isEqualTo("['rendered']");
    }

    @Test
    void varsFallsBackToTheCurrentHostsHostvars() {
        assertThat(render(
                        "{{ lookup('vars', 'x') }}",
                        Map.of("inventory_hostname", "h", "hostvars", Map.of("h", Map.of("x", "from host")))))
                .isEqualTo("from host");
    }

    @Test
    void varsFailsForAMissingVariable() {
        assertThatThrownBy(() -> render("{{ lookup('vars', 'nope') }}"))
                .rootCause()
                .hasMessage("No variable found with this name: nope");
    }

    @Test
    void varsTakesADefault() {
        assertThat(render("{{ lookup('vars', 'nope', default=5) }}")).isEqualTo("5");
    }

    @Test
    void fileReadsRelativeToThePlaybookDirAndStripsTheEnd() throws Exception {
        Files.writeString(dir.resolve("f.txt"), "hi\n\n");
        assertThat(render("[{{ lookup('file', 'f.txt') }}]")).isEqualTo("[hi]");
    }

    @Test
    void filePrefersTheFilesSubdirectory() throws Exception {
        Files.writeString(dir.resolve("f.txt"), "top");
        Files.createDirectory(dir.resolve("files"));
        Files.writeString(dir.resolve("files/f.txt"), "files");
        assertThat(render("{{ lookup('file', 'f.txt') }}")).isEqualTo("files");
    }

    @Test
    void fileSearchesTheRolePathBeforeThePlaybookDir() throws Exception {
        Path role = Files.createDirectories(dir.resolve("roles/r/files"));
        Files.writeString(role.resolve("f.txt"), "role");
        Files.writeString(dir.resolve("f.txt"), "play");
        assertThat(render(
                        "{{ lookup('file', 'f.txt') }}",
                        Map.of(
                                "playbook_dir",
                                dir.toString(),
                                "role_path",
                                dir.resolve("roles/r").toString())))
                .isEqualTo("role");
    }

    @Test
    void aMissingFileIsAnUnhandledLookupError() {
        assertThatThrownBy(() -> render("{{ lookup('file', 'nope.txt') }}"))
                .rootCause()
                .hasMessage("An unhandled exception occurred while running the lookup plugin 'file'. "
                        + "Error was a <class 'ansible.errors.AnsibleError'>, original message: could not locate file "
                        + "in lookup: nope.txt. could not locate file in lookup: nope.txt");
    }

    @Test
    void errorsIgnoreGivesNoneForLookupAndAnEmptyListForQuery() {
        assertThat(
                        render(
                                "[{{ lookup('file', 'nope.txt', errors='ignore') }}] {{ query('file', 'nope.txt', errors='ignore') }}"))
                .isEqualTo("[] []");
    }

    @Test
    void firstFoundGivesTheFirstExistingPath() throws Exception {
        Files.writeString(dir.resolve("b.yml"), "");
        assertThat(render("{{ lookup('first_found', ['a.yml', 'b.yml']) }}"))
                .isEqualTo(dir.resolve("b.yml").toString());
    }

    @Test
    void firstFoundTakesFilesAndPathsInADict() throws Exception {
        Path vars = Files.createDirectory(dir.resolve("vars"));
        Files.writeString(vars.resolve("b.yml"), "");
        assertThat(render(
                        "{{ lookup('first_found', params) }}",
                        map(
                                "playbook_dir",
                                dir.toString(),
                                "params",
                                map("files", List.of("a.yml", "b.yml"), "paths", List.of(vars.toString())))))
                .isEqualTo(vars.resolve("b.yml").toString());
    }

    @Test
    void firstFoundFailsWhenNothingExists() {
        assertThatThrownBy(() -> render("{{ lookup('first_found', ['a.yml']) }}"))
                .rootCause()
                .hasMessage("No file was found when using first_found.");
    }

    @Test
    void firstFoundWithSkipGivesAnEmptyList() {
        assertThat(render("{{ lookup('first_found', ['a.yml'], skip=true) }}")).isEqualTo("[]");
    }

    @Test
    void itemsFlattensOneLevel() {
        assertThat(render("{{ lookup('items', [1, [2, 3]], 4) }}")).isEqualTo("[1, [2, 3], 4]");
    }

    @Test
    void indexedItemsPairsIndexAndItem() {
        assertThat(render("{{ lookup('indexed_items', ['a', 'b']) }}")).isEqualTo("[(0, 'a'), (1, 'b')]");
    }

    @Test
    void dictGivesKeyValueItems() {
        assertThat(render("{{ query('dict', x) }}", Map.of("x", Map.of("a", 1))))
                .isEqualTo("[{'key': 'a', 'value': 1}]");
    }

    @Test
    void dictRejectsAList() {
        assertThatThrownBy(() -> render("{{ lookup('dict', [1]) }}"))
                .rootCause()
                .hasMessageEndingWith("original message: with_dict expects a dict. with_dict expects a dict");
    }

    @Test
    void togetherFillsShortListsWithNone() {
        assertThat(render("{{ lookup('together', [1, 2], ['a']) }}")).isEqualTo("[[1, 'a'], [2, None]]");
    }

    @Test
    void nestedGivesEveryCombination() {
        assertThat(render("{{ lookup('nested', [1, 2], ['a', 'b']) }}"))
                .isEqualTo("[[1, 'a'], [1, 'b'], [2, 'a'], [2, 'b']]");
    }

    @Test
    void sequenceReadsKeyValueArguments() {
        assertThat(render("{{ query('sequence', 'start=1 end=10 stride=3 format=x%02d') }}"))
                .isEqualTo("['x01', 'x04', 'x07', 'x10']");
    }

    @Test
    void sequenceReadsTheShortcutForm() {
        assertThat(render("{{ query('sequence', '2-6/2') }}")).isEqualTo("['2', '4', '6']");
    }

    @Test
    void sequenceReadsHexAndFormatsHex() {
        assertThat(render("{{ query('sequence', 'start=0x0e end=0x10 format=%x') }}"))
                .isEqualTo("['e', 'f', '10']");
    }

    @Test
    void sequenceCountsBackwardsOnlyWithANegativeStride() {
        assertThatThrownBy(() -> render("{{ query('sequence', 'start=5 end=1') }}"))
                .rootCause()
                .hasMessageEndingWith("original message: to count backwards make stride negative. "
                        + "to count backwards make stride negative");
    }

    @Test
    void sequenceRejectsUnknownArguments() {
        assertThatThrownBy(() -> render("{{ query('sequence', 'foo=1') }}"))
                .rootCause()
                .hasMessageContaining("unrecognized arguments to with_sequence: ['foo']");
    }

    @Test
    void pipeRunsAShellCommandInThePlaybookDir() {
        assertThat(render("{{ lookup('pipe', 'pwd; echo there') }}")).isEqualTo(dir + "\nthere");
    }

    @Test
    void pipeReportsANonZeroExit() {
        assertThatThrownBy(() -> render("{{ lookup('pipe', 'exit 3') }}"))
                .rootCause()
                .hasMessageEndingWith("lookup_plugin.pipe(exit 3) returned 3");
    }

    @Test
    void linesGivesEachLine() {
        assertThat(render("{{ query('lines', 'printf \"a\\\\nb\\\\n\"') }}")).isEqualTo("['a', 'b']");
    }

    @Test
    void templateRendersTheFileWithTheCurrentVariablesAndKeepsTrailingNewlines() throws Exception {
        Files.createDirectory(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/t.j2"), "Hello {{ who }} from {{ template_path }}\n\n");
        assertThat(render("{{ lookup('template', 't.j2') }}|", Map.of("playbook_dir", dir.toString(), "who", "you")))
                .isEqualTo("Hello you from t.j2\n\n|");
    }

    @Test
    void templateAddsTheTemplateVars() throws Exception {
        Files.writeString(dir.resolve("t.j2"), "{{ extra }}");
        assertThat(render("{{ lookup('template', 't.j2', template_vars={'extra': 'yes'}) }}"))
                .isEqualTo("yes");
    }

    @Test
    void templateReportsAMissingFile() {
        assertThatThrownBy(() -> render("{{ lookup('template', 'nope.j2') }}"))
                .rootCause()
                .hasMessageEndingWith("the template file nope.j2 could not be found for the lookup");
    }

    @Test
    void fileglobPrefersTheFilesDirectory() throws Exception {
        Files.createDirectory(dir.resolve("files"));
        Files.writeString(dir.resolve("files/b.txt"), "");
        Files.writeString(dir.resolve("files/a.txt"), "");
        Files.writeString(dir.resolve("files/.hidden.txt"), "");
        Files.writeString(dir.resolve("top.txt"), "");
        assertThat(render("{{ query('fileglob', '*.txt') }}"))
                .isEqualTo("['" + dir.resolve("files/a.txt") + "', '" + dir.resolve("files/b.txt") + "']");
    }

    @Test
    void fileglobFindsTheDirectoryOfAPatternInTheSearchPath() throws Exception {
        Files.createDirectories(dir.resolve("files/sub"));
        Files.writeString(dir.resolve("files/sub/c.txt"), "");
        assertThat(render("{{ lookup('fileglob', 'sub/*.txt') }}"))
                .isEqualTo(dir.resolve("files/sub/c.txt").toString());
    }

    @Test
    void theFileglobFilterMatchesAnAbsolutePattern() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "");
        Files.writeString(dir.resolve("c.txt"), "");
        Files.createDirectory(dir.resolve("b.txt"));
        assertThat(render("{{ pattern | fileglob }}", Map.of("pattern", dir + "/[ab].txt")))
                .isEqualTo("['" + dir.resolve("a.txt") + "']");
    }
}
