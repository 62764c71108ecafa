package org.carbonsink.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The one set of package boundaries every service is held to (docs/service-conventions.md):
 * <ul>
 * <li>a feature is a top-level package under the service's base package; its top level is its API,
 * its subpackages ({@code web}, {@code messaging}, ...) are its own: other features reach a feature
 * only through its top-level package;</li>
 * <li>a feature's use cases talk to the outside through interfaces its adapters implement, never to
 * the adapters themselves;</li>
 * <li>adapters never call each other: {@code web} never uses {@code messaging}, nor the reverse;</li>
 * <li>only {@code messaging} packages know the event contracts;</li>
 * <li>features depend on each other without cycles;</li>
 * <li>the plain-Java cores (the matching book, the ledger's block arithmetic, the removal
 * calculation) depend on the JDK and on themselves only: no framework, no database;</li>
 * <li>no {@code *Service} grab-bags and no {@code *Impl} names.</li>
 * </ul>
 * A service's ArchitectureTest returns {@link #tests()}, one test per rule.
 */
public final class ServiceArchitecture {

    private static final String CONTRACTS = "org.carbonsink.contracts..";

    private final String base;
    private final List<String> plainJavaCores;

    private ServiceArchitecture(String base, List<String> plainJavaCores) {
        this.base = base;
        this.plainJavaCores = List.copyOf(plainJavaCores);
    }

    /** The rules for the service whose code lives under {@code basePackage}, e.g. {@code org.carbonsink.trading}. */
    public static ServiceArchitecture of(String basePackage) {
        return new ServiceArchitecture(basePackage, List.of());
    }

    /**
     * Declares a package (relative to the base, e.g. {@code matching} or {@code ledger.core}) that must
     * stay plain Java.
     */
    public ServiceArchitecture withPlainJavaCore(String relativePackage) {
        List<String> cores = new ArrayList<>(plainJavaCores);
        cores.add(base + "." + relativePackage);
        return new ServiceArchitecture(base, cores);
    }

    /** Every rule by name, in the order of the class comment. */
    public Map<String, ArchRule> rules() {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("features reach each other only through their top-level package",
                classes().that().resideInAPackage(base + "..").should(reachOtherFeaturesOnlyThroughTheirTopLevel()));
        rules.put("features do not reach into their own adapters",
                noClasses().that().resideInAPackage(base + ".*")
                        .should().dependOnClassesThat().resideInAnyPackage(base + "..web..", base + "..messaging.."));
        rules.put("web adapters do not call messaging adapters",
                noClasses().that().resideInAPackage(base + "..web..")
                        .should().dependOnClassesThat().resideInAPackage(base + "..messaging.."));
        rules.put("messaging adapters do not call web adapters",
                noClasses().that().resideInAPackage(base + "..messaging..")
                        .should().dependOnClassesThat().resideInAPackage(base + "..web.."));
        rules.put("only messaging packages know the event contracts",
                noClasses().that().resideInAPackage(base + "..").and().resideOutsideOfPackage("..messaging..")
                        .should().dependOnClassesThat().resideInAPackage(CONTRACTS));
        rules.put("features depend on each other without cycles",
                slices().matching(base + ".(*)..").should().beFreeOfCycles());
        for (String core : plainJavaCores) {
            rules.put(core + " is plain Java",
                    classes().that().resideInAPackage(core + "..")
                            .should().onlyDependOnClassesThat().resideInAnyPackage(core + "..", "java.."));
        }
        rules.put("no Service grab-bags or Impl suffixes",
                noClasses().that().resideInAPackage(base + "..")
                        .should().haveSimpleNameEndingWith("Service").orShould().haveSimpleNameEndingWith("Impl"));
        return rules;
    }

    /** One dynamic test per rule, checked on the service's compiled production classes. */
    public Stream<DynamicTest> tests() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);
        return rules().entrySet().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getKey(), () -> rule.getValue().check(classes)));
    }

    /** The names of the rules that {@code classes} break. */
    public List<String> brokenRules(JavaClasses classes) {
        return rules().entrySet().stream().filter(rule -> rule.getValue().allowEmptyShould(true).evaluate(classes).hasViolation())
                .map(Map.Entry::getKey).toList();
    }

    private ArchCondition<JavaClass> reachOtherFeaturesOnlyThroughTheirTopLevel() {
        return new ArchCondition<>("reach other features only through their top-level package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> from = feature(origin.getPackageName());
                if (from.isEmpty()) {
                    return;
                }
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    Optional<String> to = feature(target);
                    if (to.isPresent() && !to.equals(from) && !target.equals(base + "." + to.get())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                + ": feature " + from.get() + " reaches inside feature " + to.get()));
                    }
                }
            }
        };
    }

    /** The feature a package belongs to: its first segment under the base package. */
    private Optional<String> feature(String packageName) {
        if (!packageName.startsWith(base + ".")) {
            return Optional.empty();
        }
        String rest = packageName.substring(base.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
