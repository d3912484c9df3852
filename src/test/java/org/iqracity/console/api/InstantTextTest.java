package org.iqracity.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shared mapper reads instants exactly as Jackson's own reader does, by its fast path or through that reader. */
class InstantTextTest {
    private static final ObjectMapper MAPPER = Json.mapper();

    @Test
    void theSharedMappersReadInstantsWithIt() throws Exception {
        for (ObjectMapper mapper : List.of(Json.mapper(), Json.tolerantMapper())) {
            var context = ((DefaultDeserializationContext)
                    mapper.getDeserializationContext()).createDummyInstance(mapper.getDeserializationConfig());
            assertThat(context.findRootValueDeserializer(mapper.constructType(Instant.class)))
                    .isInstanceOf(InstantText.class);
        }
    }

    @Test
    void readsWhatThePlatformWritesAsTheJdkParsesIt() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            for (String text : List.of(t.toString(), fixedDigits(random.nextInt(10)).format(t),
                    MAPPER.writeValueAsString(t).replace("\"", ""))) {
                if (!text.startsWith("-") && !text.startsWith("+")) {
                    assertThat(InstantText.parse(text)).as(text).isEqualTo(Instant.parse(text));
                }
                assertThat(MAPPER.readValue('"' + text + '"', Instant.class)).as(text).isEqualTo(Instant.parse(text));
            }
        }
    }

    @Test
    void leavesEverythingElseToJacksonsReader() throws Exception {
        for (String other : List.of("2026-03-01T09:30:05+02:00", "2026-03-01t09:30:05z", "+12026-03-01T09:30:05Z",
                "2016-12-31T23:59:60Z", " 2026-03-01T09:30:05Z", "2026-03-01T24:00:00Z",
                "2026-03-01T09:30:05.Z")) {
            assertThat(InstantText.parse(other)).as(other).isNull();
            assertThat(MAPPER.readValue('"' + other + '"', Instant.class)).as(other)
                    .isEqualTo(DateTimeFormatter.ISO_INSTANT.parse(other.strip(), Instant::from));
        }
        assertThat(MAPPER.readValue("1700000000", Instant.class)).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        for (String bad : List.of("2026-02-30T09:30:05Z", "2026-03-01T25:00:00Z",
                "2026-03-01T09:30:05.1234567891Z", "2026-0x-01T09:30:05Z", "yesterday")) {
            assertThat(InstantText.parse(bad)).as(bad).isNull();
            assertThatThrownBy(() -> MAPPER.readValue('"' + bad + '"', Instant.class)).as(bad)
                    .isInstanceOf(JsonMappingException.class);
        }
    }

    private static DateTimeFormatter fixedDigits(int fraction) {
        return new DateTimeFormatterBuilder().appendInstant(fraction).toFormatter();
    }
}
