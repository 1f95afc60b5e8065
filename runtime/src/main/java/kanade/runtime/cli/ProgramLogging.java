package kanade.runtime.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The console logging every Kanade program starts with, set up in code (no XML to parse at every start): one line
 * per event on stderr, {@code io.nats}, Jetty, Hikari and Flyway at WARN, the root at {@code -Dkanade.log.level}
 * (INFO). Logback finds it through {@code META-INF/services}; it acts only in a program whose {@code main} called
 * {@link LogSetup#useProgramDefaults()}, so tests keep their {@code logback-test.xml} and an operator's
 * {@code -Dlogback.configurationFile} wins.
 */
public final class ProgramLogging extends ContextAwareBase implements Configurator {
    /** Set by {@link LogSetup#useProgramDefaults()}: this JVM is a Kanade program. */
    static final String PROGRAM_PROPERTY = "kanade.program";
    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{1} - %msg%n";

    public ProgramLogging() {
        // found by logback through ServiceLoader
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(PROGRAM_PROPERTY) == null || System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        for (String quiet : new String[] {"io.nats", "org.eclipse.jetty", "com.zaxxer.hikari", "org.flywaydb"}) {
            context.getLogger(quiet).setLevel(Level.WARN);
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty("kanade.log.level", "INFO"), Level.INFO));
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
