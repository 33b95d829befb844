package org.medrec;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dependencies run one way, down the stages a page or a row passes through: intake, page, ocr,
 * extraction, spreadsheet, matching, store, review, then what reads the store (export, report) and
 * what drives it all (job, web, cli). The record model, the audit log and the configuration sit
 * below them all. A package may use the packages listed before it, never one after it.
 */
class DependencyTests {

    /** From the bottom up; each entry is one layer, named by its packages. */
    private static final List<String[]> LAYERS = List.of(
            new String[] {"config", "record", "audit"},
            new String[] {"intake"},
            new String[] {"page"},
            new String[] {"ocr"},
            new String[] {"extraction"},
            new String[] {"spreadsheet"},
            new String[] {"matching"},
            new String[] {"store"},
            new String[] {"review"},
            new String[] {"export", "report"},
            new String[] {"job", "web"},
            new String[] {"cli"});

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.medrec");

    @Test
    void shouldOnlyUseTheStagesBeforeItsOwn() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (int i = 0; i < LAYERS.size(); i++) {
            layers = layers.layer(name(i)).definedBy(packages(LAYERS.get(i)));
        }
        layers = layers.layer("application").definedBy("org.medrec");
        for (int i = 0; i < LAYERS.size(); i++) {
            String[] above = new String[LAYERS.size() - i];
            for (int j = i + 1; j < LAYERS.size(); j++) {
                above[j - i - 1] = name(j);
            }
            above[above.length - 1] = "application";
            layers = layers.whereLayer(name(i)).mayOnlyBeAccessedByLayers(above);
        }
        layers.check(MAIN);
    }

    @Test
    void shouldHaveNoCyclesBetweenPackages() {
        slices().matching("org.medrec.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    private static String name(int layer) {
        return String.join("+", LAYERS.get(layer));
    }

    private static String[] packages(String[] names) {
        String[] packages = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            packages[i] = "org.medrec." + names[i] + "..";
        }
        return packages;
    }
}
