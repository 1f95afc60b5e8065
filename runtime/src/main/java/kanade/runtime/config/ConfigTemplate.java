package kanade.runtime.config;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Renders a config file as a Pebble template before it is parsed (strict, no autoescape), offering kanade's
 * teravars helpers: {@code {{ system.host }}}, {@code {{ env(name="X", default="Y") }}}, {@code {% if is_windows() %}}.
 */
public final class ConfigTemplate {
    private final PebbleEngine engine;

    public ConfigTemplate(SystemFacts facts, Map<String, String> env) {
        this.engine = new PebbleEngine.Builder()
                .loader(new StringLoader())
                .autoEscaping(false)
                .strictVariables(true)
                .cacheActive(false)
                .newLineTrimming(false)
                .extension(new ConfigExtension(facts, Map.copyOf(env)))
                .build();
    }

    /** Renders {@code source}; errors name {@code file} and the template line. */
    public String render(Path file, String source) {
        try {
            PebbleTemplate template = engine.getTemplate(source);
            StringWriter out = new StringWriter();
            template.evaluate(out);
            return out.toString();
        } catch (PebbleException e) {
            int line = e.getLineNumber() == null ? -1 : e.getLineNumber();
            throw new ConfigException(file, line, null, "template error: " + e.getPebbleMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class ConfigExtension extends AbstractExtension {
        private final SystemFacts facts;
        private final Map<String, String> env;

        ConfigExtension(SystemFacts facts, Map<String, String> env) {
            this.facts = facts;
            this.env = env;
        }

        @Override
        public Map<String, Object> getGlobalVariables() {
            return Map.of("system", facts.asTemplateVariable());
        }

        @Override
        public Map<String, Function> getFunctions() {
            return Map.of("env", new EnvFunction(env), "is_windows", new IsOsFunction(facts, OsFamily.WINDOWS),
                    "is_linux", new IsOsFunction(facts, OsFamily.LINUX));
        }
    }

    /** {@code env(name="X", default="Y")}: the variable's value; without a default a missing variable is an error. */
    private record EnvFunction(Map<String, String> env) implements Function {
        @Override
        public List<String> getArgumentNames() {
            return List.of("name", "default");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
            Object name = args.get("name");
            if (name == null) {
                throw new PebbleException(null, "env() needs name=\"VARIABLE\"", lineNumber, self.getName());
            }
            String value = env.get(name.toString());
            if (value != null) {
                return value;
            }
            Object fallback = args.get("default");
            if (fallback == null) {
                throw new PebbleException(null, "environment variable " + name
                        + " is not set; set it or give env(name=\"" + name + "\", default=\"...\")", lineNumber,
                        self.getName());
            }
            return fallback.toString();
        }
    }

    /** {@code is_windows()} / {@code is_linux()}. */
    private record IsOsFunction(SystemFacts facts, OsFamily family) implements Function {
        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
            return facts.osFamily() == family;
        }
    }
}
