package org.medrec.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.medrec.ocr.OcrEngine;

/**
 * Real Tesseract for tests: an {@link OcrEngine} parameter (of a test, or of {@code @BeforeAll})
 * is the test run's one engine, opened on first use and closed when the run ends. Tests run one
 * at a time in their JVM, so one engine serves them all (an engine is not thread-safe).
 */
public final class Tesseract implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Tesseract.class);

    /** The engine, closed with the run's root context. */
    private record Engine(OcrEngine engine) implements AutoCloseable {
        @Override
        public void close() {
            engine.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == OcrEngine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Engine.class, k -> new Engine(OcrEngine.open()), Engine.class).engine();
    }
}
