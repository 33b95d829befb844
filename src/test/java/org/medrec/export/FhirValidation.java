package org.medrec.export;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI's FHIR R4 validator over the R4 core definitions (from hapi-fhir-validation-resources-r4),
 * offline: no terminology server. Starting it takes seconds, so the JVM builds it once, on first
 * use. {@link FhirValidator} is thread-safe.
 */
public final class FhirValidation {

    private static final class Holder {
        static final FhirValidator VALIDATOR = create();
    }

    private FhirValidation() {
    }

    private static FhirValidator create() {
        FhirContext context = FhirR4.context();
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new SnapshotGeneratingValidationSupport(context));
        FhirValidator validator = context.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(chain));
        return validator;
    }

    /** Every message about a resource as JSON (as written to a file). */
    public static List<SingleValidationMessage> validate(String json) {
        return Holder.VALIDATOR.validateWithResult(json).getMessages();
    }

    /** The errors and fatal errors among the messages, one line each. */
    public static List<String> errors(List<SingleValidationMessage> messages) {
        return messages.stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(FhirValidation::line).toList();
    }

    public static String line(SingleValidationMessage m) {
        return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
    }
}
