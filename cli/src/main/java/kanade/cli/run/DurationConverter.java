package kanade.cli.run;

import java.time.Duration;
import kanade.protocol.time.HumanDuration;
import picocli.CommandLine;

/** Parses humantime durations ({@code 500ms}, {@code 5s}, {@code 1m}) for options. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return HumanDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
