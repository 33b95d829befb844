package org.medrec.extraction.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medrec.extraction.validation.Normalized.Status;

class PhonesTests {

    @ParameterizedTest
    @ValueSource(strings = {"(503) 555-0134", "503-555-0134", "503.555.0134", "5035550134", "503 555 0134",
            "1-503-555-0134", "+1 (503) 555-0134", "15035550134", "5035550134.0", "503/555-0134", "(503)555-0134"})
    void shouldKeepTheTenDigits(String written) {
        assertThat(Phones.normalize(written)).isEqualTo(Normalized.ok("5035550134"));
    }

    @Test
    void shouldSplitOffTheExtension() {
        for (String written : new String[] {"503-555-0134 x12", "503-555-0134 ext. 12", "503-555-0134 Ext 12",
                "503-555-0134, extension 12", "(503) 555-0134 #12", "503-555-0134x12"}) {
            Phones.Phone phone = Phones.parse(written);
            assertThat(phone.result()).as(written).isEqualTo(Normalized.ok("5035550134"));
            assertThat(phone.extension()).as(written).isEqualTo("12");
        }
        assertThat(Phones.parse("503-555-0134").extension()).isNull();
    }

    @Test
    void shouldRepairOcrLettersInsideTheDigits() {
        assertThat(Phones.normalize("5O3-555-Ol34")).isEqualTo(Normalized.corrected("5035550134"));
    }

    @Test
    void shouldRejectAreaCodesAndExchangesThatCannotBe() {
        assertThat(Phones.normalize("011-555-0134").problem()).contains("area code 011");
        assertThat(Phones.normalize("(123) 555-0134").problem()).contains("area code 123");
        assertThat(Phones.normalize("503-055-0134").problem()).contains("exchange 055");
        assertThat(Phones.normalize("503-155-0134").problem()).contains("exchange 155");
        assertThat(Phones.normalize("911-555-0134").problem()).contains("service code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"555-0134", "503-555-01345", "+44 20 7946 0958", "1-800-FLOWERS", "unknown", "25035550134"})
    void shouldRejectWhatIsNotATenDigitUsNumber(String written) {
        assertThat(Phones.normalize(written).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void shouldReportBlankAsEmpty() {
        assertThat(Phones.parse(" ").result()).isEqualTo(Normalized.empty());
    }
}
