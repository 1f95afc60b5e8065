package kanade.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kanade.sim.bench.CliBench;
import kanade.testkit.TempDirs;
import picocli.CommandLine;

/**
 * {@code kanade-sim train-cli}: writes the kanade CLI's AOT cache (cli/target/kanade-cli.aot, JDK 25+) from a real
 * {@code kanade run} against a throwaway nats-server and agent. The build runs it after packaging (see
 * train_cli_aot in bin/lib/common.sh); exit 1 when training failed, and the cache is then left as it was.
 */
@CommandLine.Command(name = "train-cli", mixinStandardHelpOptions = true,
        description = "Write the kanade CLI's AOT cache (JDK 25+) from a real run against a throwaway broker and agent.")
public final class TrainCliCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("kanade-train-cli-");
        try {
            return CliBench.train(work) ? 0 : 1;
        } finally {
            TempDirs.deleteQuietly(work);
        }
    }
}
