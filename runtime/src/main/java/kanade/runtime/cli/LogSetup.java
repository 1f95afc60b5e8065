package kanade.runtime.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import kanade.runtime.config.LogConfig;
import org.slf4j.LoggerFactory;

/** Applies a {@code [log]} section: root level, plus a daily rolling file with {@code keep_days} retention. */
public final class LogSetup {
    private LogSetup() {
    }

    /**
     * Marks this JVM as a Kanade program, so that logback starts with the programs' console configuration
     * ({@link ProgramLogging}; libraries ship no logback.xml) unless the operator chose a file with
     * {@code -Dlogback.configurationFile}; call first thing in {@code main}, before any logger exists.
     */
    public static void useProgramDefaults() {
        System.setProperty(ProgramLogging.PROGRAM_PROPERTY, "true");
    }

    /** Applies {@code config}; {@code RUST_LOG} or {@code KANADE_LOG} in the environment override the level. */
    public static void apply(LogConfig config, String envLevel) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        String level = envLevel != null && !envLevel.isBlank() ? envLevel : config.level();
        root.setLevel(Level.toLevel(level, Level.INFO));
        if (config.path() == null || config.keepDays() == 0) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{1} - %msg%n");
        encoder.start();
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(config.path().toString());
        TimeBasedRollingPolicy<ILoggingEvent> policy = new TimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(file);
        policy.setFileNamePattern(config.path() + ".%d{yyyy-MM-dd}.gz");
        policy.setMaxHistory(config.keepDays());
        policy.start();
        file.setRollingPolicy(policy);
        file.setEncoder(encoder);
        file.start();
        root.addAppender(file);
    }
}
