package org.medrec.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The fast tier stays fast: a test class that starts medrec processes is tagged {@code process}. */
class TestTiersTests {

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("org.medrec");

    @Test
    void shouldTagEveryTestClassThatStartsMedrecProcessesAsProcess() {
        classes().that().haveSimpleNameEndingWith("Tests")
                .and(DescribedPredicate.describe("start medrec processes", test -> test.getDirectDependenciesFromSelf()
                        .stream().anyMatch(used -> used.getTargetClass().getSimpleName().equals("MedrecProcess"))))
                .should().beAnnotatedWith(tag("process"))
                .check(TESTS);
    }

    private static DescribedPredicate<JavaAnnotation<?>> tag(String value) {
        return DescribedPredicate.describe("@Tag(\"" + value + "\")", annotation -> annotation.getRawType()
                .isEquivalentTo(Tag.class) && value.equals(annotation.get("value").orElse(null)));
    }
}
