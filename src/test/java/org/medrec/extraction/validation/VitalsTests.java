package org.medrec.extraction.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medrec.extraction.validation.Normalized.Status;

class VitalsTests {

    @ParameterizedTest
    @ValueSource(strings = {"128/82", "128/82 mmHg", "128 / 82", "128/82 mm Hg", "l28/82"})
    void shouldReadBloodPressureWithItsTwoNumbers(String written) {
        // when
        Vitals.BloodPressure bp = Vitals.bloodPressure(written);

        // then
        assertThat(bp.result().value()).isEqualTo("128/82");
        assertThat(bp.result().isOk()).isTrue();
        assertThat(bp.systolic()).isEqualTo(128);
        assertThat(bp.diastolic()).isEqualTo(82);
    }

    @Test
    void shouldRejectImplausibleBloodPressures() {
        assertThat(Vitals.bloodPressure("82/128").result().problem()).contains("not above diastolic");
        assertThat(Vitals.bloodPressure("300/80").result().problem()).contains("systolic 300");
        assertThat(Vitals.bloodPressure("120/10").result().problem()).contains("diastolic 10");
        assertThat(Vitals.bloodPressure("120/80.5").result().status()).isEqualTo(Status.INVALID);
        assertThat(Vitals.bloodPressure("120").result().status()).isEqualTo(Status.INVALID);
        assertThat(Vitals.bloodPressure("120/80").systolic()).isEqualTo(120);
        assertThat(Vitals.bloodPressure("82/128").systolic()).isNull();
        assertThat(Vitals.bloodPressure("").result()).isEqualTo(Normalized.empty());
    }

    @Test
    void shouldReadPulseRespirationsAndSaturation() {
        assertThat(Vitals.pulse("72")).isEqualTo(Normalized.ok("72"));
        assertThat(Vitals.pulse("72 bpm")).isEqualTo(Normalized.ok("72"));
        assertThat(Vitals.pulse("72.0")).isEqualTo(Normalized.ok("72"));
        assertThat(Vitals.respiratoryRate("16/min")).isEqualTo(Normalized.ok("16"));
        assertThat(Vitals.spo2("98%")).isEqualTo(Normalized.ok("98"));
        assertThat(Vitals.spo2("100 %")).isEqualTo(Normalized.ok("100"));
    }

    @Test
    void shouldRejectOutOfRangePulseRespirationsAndSaturation() {
        assertThat(Vitals.pulse("300").problem()).contains("outside 20-250");
        assertThat(Vitals.pulse("19").status()).isEqualTo(Status.INVALID);
        assertThat(Vitals.pulse("72.5").status()).isEqualTo(Status.INVALID);
        assertThat(Vitals.respiratoryRate("61").status()).isEqualTo(Status.INVALID);
        assertThat(Vitals.respiratoryRate("3").status()).isEqualTo(Status.INVALID);
        assertThat(Vitals.spo2("101%").status()).isEqualTo(Status.INVALID);
        assertThat(Vitals.spo2("49").status()).isEqualTo(Status.INVALID);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"98.6|98.6", "98.6 F|98.6", "98.6°F|98.6", "98.6 °F|98.6", "98.6F|98.6",
            "99.0|99.0", "101.8 degrees F|101.8", "90|90", "110|110"})
    void shouldKeepTemperatureInFahrenheitAsWritten(String written, String expected) {
        assertThat(Vitals.temperatureF(written)).isEqualTo(Normalized.ok(expected));
    }

    @Test
    void shouldNeverConvertCelsius() {
        assertThat(Vitals.temperatureF("37.0 C").problem()).contains("°C");
        assertThat(Vitals.temperatureF("37.2°C").status()).isEqualTo(Status.INVALID);
        assertThat(Vitals.temperatureF("37.0").problem()).contains("looks like °C");
        assertThat(Vitals.temperatureF("89.9").status()).isEqualTo(Status.INVALID);
        assertThat(Vitals.temperatureF("111").status()).isEqualTo(Status.INVALID);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"182.4|182.4", "182.4 lb|182.4", "182.4 lbs|182.4", "182lbs|182",
            "135.2 pounds|135.2", "26.5 lb|26.5", "7 lb 4 oz|7.25", "7 lbs 8 oz|7.5", "182#|182"})
    void shouldReadWeightInPounds(String written, String expected) {
        assertThat(Vitals.weightLb(written)).isEqualTo(Normalized.ok(expected));
    }

    @Test
    void shouldRejectWeightInOtherUnitsOrOutOfRange() {
        assertThat(Vitals.weightLb("80 kg").problem()).contains("kg");
        assertThat(Vitals.weightLb("12 oz").status()).isEqualTo(Status.INVALID);
        assertThat(Vitals.weightLb("7 lb 17 oz").status()).isEqualTo(Status.INVALID);
        assertThat(Vitals.weightLb("1200").status()).isEqualTo(Status.INVALID);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"68|68", "68 in|68", "68\"|68", "63 inches|63", "5'8\"|68", "5' 8\"|68",
            "6' 1\"|73", "5 ft 8 in|68", "5'|60", "5'8.5\"|68.5", "26 in|26"})
    void shouldReadHeightInInches(String written, String expected) {
        assertThat(Vitals.heightIn(written)).isEqualTo(Normalized.ok(expected));
    }

    @Test
    void shouldRejectHeightInOtherUnitsOrImpossibleInches() {
        assertThat(Vitals.heightIn("170 cm").problem()).contains("metric");
        assertThat(Vitals.heightIn("5'13\"").status()).isEqualTo(Status.INVALID);
        assertThat(Vitals.heightIn("170").status()).isEqualTo(Status.INVALID);
        assertThat(Vitals.heightIn("tall").status()).isEqualTo(Status.INVALID);
    }

    @Test
    void shouldRepairOcrLettersInTheDigitsAndSaySo() {
        assertThat(Vitals.temperatureF("9B.6")).isEqualTo(Normalized.corrected("98.6"));
        assertThat(Vitals.pulse("7O")).isEqualTo(Normalized.corrected("70"));
        assertThat(Vitals.bloodPressure("l28/B2").result()).isEqualTo(Normalized.corrected("128/82"));
    }
}
