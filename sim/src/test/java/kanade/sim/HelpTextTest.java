package kanade.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every kanade-sim command's help renders without picocli warnings: descriptions are format strings, so a bare
 * {@code %} (as in "5%") must be written {@code %%}.
 */
class HelpTextTest {

    @Test
    void everyDescriptionIsAValidFormatString() {
        List<String> texts = new ArrayList<>();
        collect(new CommandLine(new SimMain()), texts);
        assertThat(texts).hasSizeGreaterThan(20);
        for (String text : texts) {
            assertThatCode(() -> String.format(text)).as(text).doesNotThrowAnyException();
        }
    }

    @Test
    void runHelpShowsGroupPercentages() {
        CommandLine run = new CommandLine(new SimMain()).getSubcommands().get("run");
        assertThat(run.getUsageMessage(CommandLine.Help.Ansi.OFF)).contains("canary:5%,wave1:95%");
    }

    /** The descriptions as written in the annotations (the spec's accessors return them already formatted). */
    private static void collect(CommandLine command, List<String> texts) {
        Class<?> type = command.getCommandSpec().userObject().getClass();
        CommandLine.Command annotation = type.getAnnotation(CommandLine.Command.class);
        if (annotation != null) {
            texts.addAll(List.of(annotation.description()));
        }
        collectFields(type, texts);
        command.getSubcommands().values().forEach(sub -> collect(sub, texts));
    }

    private static void collectFields(Class<?> type, List<String> texts) {
        for (Field field : type.getDeclaredFields()) {
            CommandLine.Option option = field.getAnnotation(CommandLine.Option.class);
            if (option != null) {
                texts.addAll(List.of(option.description()));
            }
            CommandLine.Parameters parameters = field.getAnnotation(CommandLine.Parameters.class);
            if (parameters != null) {
                texts.addAll(List.of(parameters.description()));
            }
            if (field.isAnnotationPresent(CommandLine.Mixin.class)) {
                collectFields(field.getType(), texts);
            }
        }
    }
}
