package org.medrec.export;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

/**
 * HAPI's R4 context, shared: building one scans the whole R4 model and takes seconds, so the JVM
 * keeps one ({@link FhirContext#forR4Cached()}). The context is thread-safe; a parser is not, so
 * each caller gets a new one.
 */
public final class FhirR4 {

    private FhirR4() {
    }

    public static FhirContext context() {
        return FhirContext.forR4Cached();
    }

    /** A JSON parser that writes indented JSON. Not thread-safe: one per use. */
    public static IParser prettyJson() {
        return context().newJsonParser().setPrettyPrint(true);
    }
}
