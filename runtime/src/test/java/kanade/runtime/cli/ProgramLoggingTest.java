package kanade.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class ProgramLoggingTest {
    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void clear() {
        System.clearProperty(ProgramLogging.PROGRAM_PROPERTY);
        context.stop();
    }

    @Test
    void aProgramLogsToStderrWithTheBrokerLibrariesAtWarn() {
        LogSetup.useProgramDefaults();
        ProgramLogging logging = new ProgramLogging();
        logging.setContext(context);

        assertThat(logging.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNotNull();
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("io.nats").getLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void outsideAProgramItLeavesLoggingToTheNextConfigurator() {
        ProgramLogging logging = new ProgramLogging();
        logging.setContext(context);

        assertThat(logging.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
    }
}
