package dev.rolehop.cli.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.List;

/**
 * The dependency rules of DESIGN.md, on the compiled main classes of every module (imported once
 * for all rules): {@code cli -> aws -> {engine, creds} -> python}, {@code local} alone, the engine
 * free of the AWS SDK, the executor free of the output package, built-in modules free of the
 * executor, and no package cycles inside a module.
 *
 * <p>Byte code does not show a compile-time constant's class (javac copies the value), so
 * {@link SourceImportsTest} holds the same arrows on the sources' import lines.
 */
@AnalyzeClasses(locations = RolehopModules.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String CLI = "dev.rolehop.cli..";
    static final String AWS = "dev.rolehop.aws..";
    static final String ENGINE = "dev.rolehop.engine..";
    static final String CREDS = "dev.rolehop.creds..";
    /** Python's values (repr, json, truth): a module with no dependencies, below engine and creds. */
    static final String PYTHON = "dev.rolehop.python..";

    static final String LOCAL = "dev.rolehop.local..";

    /**
     * Dependencies that close a package cycle today and that work on another branch removes (or
     * that wait for it to be merged), as {@code origin class -> target class}. Every entry must still be a violation (the
     * test says so when one is not): the list only shrinks, and is empty once the branches are
     * merged and the types moved.
     */
    static final List<String[]> KNOWN_CYCLE_EDGES = List.of(
            // engine.builtin -> engine.output -> engine.executor -> engine.builtin: two modules write
            // JSON with the output package's PyJson, which the python branch replaces by the python
            // module's JSON.
            new String[] {"dev.rolehop.engine.builtin.CopyModule", "dev.rolehop.engine.output.PyJson"},
            new String[] {"dev.rolehop.engine.builtin.UriModule", "dev.rolehop.engine.output.PyJson"});

    @ArchTest
    static final ArchRule nothingImportsTheCli = noClasses()
            .that()
            .resideOutsideOfPackage(CLI)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(CLI);

    @ArchTest
    static final ArchRule onlyTheCliImportsTheAwsModules = noClasses()
            .that()
            .resideOutsideOfPackages(CLI, AWS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(AWS);

    @ArchTest
    static final ArchRule theEngineImportsNoRolehopModuleButPython = noClasses()
            .that()
            .resideInAPackage(ENGINE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CLI, AWS, CREDS, LOCAL);

    @ArchTest
    static final ArchRule theEngineDoesNotImportTheAwsSdk = noClasses()
            .that()
            .resideInAPackage(ENGINE)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("software.amazon..");

    @ArchTest
    static final ArchRule credsImportsNoRolehopModuleButPython = noClasses()
            .that()
            .resideInAPackage(CREDS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CLI, AWS, ENGINE, LOCAL);

    /** Vacuous until the python module exists; then it holds its "no dependencies". */
    @ArchTest
    static final ArchRule pythonImportsNothingButTheJdk = classes()
            .that()
            .resideInAPackage(PYTHON)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", PYTHON)
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule localImportsNoOtherRolehopModule = noClasses()
            .that()
            .resideInAPackage(LOCAL)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CLI, AWS, ENGINE, CREDS, PYTHON);

    /** Tests of every module may start {@code rolehop local}; only the CLI ships it. */
    @ArchTest
    static final ArchRule onlyTheCliImportsLocal = noClasses()
            .that()
            .resideOutsideOfPackages(CLI, LOCAL)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(LOCAL);

    /** The executor emits typed events; only callbacks (output) format them. */
    @ArchTest
    static final ArchRule theExecutorDoesNotImportOutput = noClasses()
            .that()
            .resideInAPackage("dev.rolehop.engine.executor..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.rolehop.engine.output..");

    /** A built-in module is a module like any other: it sees the module SPI, not the executor. */
    @ArchTest
    static final ArchRule builtinModulesDoNotImportTheExecutor = noClasses()
            .that()
            .resideInAPackage("dev.rolehop.engine.builtin..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.rolehop.engine.executor..");

    /**
     * No cycle between the packages of a module. Each package below a module's top package is a
     * slice with its own subpackages ({@code engine.template} holds {@code engine.template.ansible});
     * the top package ({@code dev.rolehop.creds}, {@code dev.rolehop.aws}...) is the module's API
     * (STYLE.md: public API on top) that its packages implement and that wires them together, so
     * it is in no slice.
     */
    @ArchTest
    static final ArchRule noModuleHasAPackageCycle = withKnownCycleEdges(slices().matching("dev.rolehop.(*).(*)..")
            .namingSlices("$1.$2")
            .should()
            .beFreeOfCycles());

    @ArchTest
    static void everyKnownCycleEdgeIsStillADependency(JavaClasses classes) {
        for (String[] edge : KNOWN_CYCLE_EDGES) {
            boolean present = classes.contain(edge[0])
                    && classes.get(edge[0]).getDirectDependenciesFromSelf().stream()
                            .anyMatch(dependency ->
                                    dependency.getTargetClass().getName().equals(edge[1]));
            assertThat(present)
                    .as("%s -> %s is gone: remove it from KNOWN_CYCLE_EDGES", edge[0], edge[1])
                    .isTrue();
        }
    }

    private static ArchRule withKnownCycleEdges(SliceRule rule) {
        for (String[] edge : KNOWN_CYCLE_EDGES) {
            rule = rule.ignoreDependency(edge[0], edge[1]);
        }
        return rule;
    }
}
