package kanade.agent.exec.containment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Finding the agent's own cgroup v2 directory from /proc text as hybrid, modern and containerised systems write it. */
class CgroupV2Test {
    private static final String HYBRID = """
            31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;
    private static final String MODERN = """
            22 1 0:20 / /sys rw,nosuid - sysfs sysfs rw
            26 22 0:23 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate
            """;

    @Test
    void hybridSystemsHaveTheV2HierarchyUnderUnified() {
        assertThat(CgroupV2.locate(HYBRID, "4:memory:/x\n0::/\n")).contains(Path.of("/sys/fs/cgroup/unified"));
    }

    @Test
    void modernSystemsNameTheServiceCgroup() {
        assertThat(CgroupV2.locate(MODERN, "0::/system.slice/kanade-agent.service\n"))
                .contains(Path.of("/sys/fs/cgroup/system.slice/kanade-agent.service"));
    }

    @Test
    void aMountOfASubtreeIsResolvedRelativeToItsRoot() {
        String container = "30 25 0:26 /kubepods/pod1 /sys/fs/cgroup ro - cgroup2 cgroup2 rw\n";
        assertThat(CgroupV2.locate(container, "0::/kubepods/pod1/agent\n")).contains(Path.of("/sys/fs/cgroup/agent"));
    }

    @Test
    void escapedMountPointsAreDecoded() {
        String spaced = "26 22 0:23 / /mnt/cgroup\\040two rw - cgroup2 cgroup2 rw\n";
        assertThat(CgroupV2.locate(spaced, "0::/a\n")).contains(Path.of("/mnt/cgroup two/a"));
    }

    @Test
    void noV2LineOrNoV2MountMeansNoCgroup() {
        assertThat(CgroupV2.locate(HYBRID, "4:memory:/x\n")).isEmpty();
        assertThat(CgroupV2.locate("31 23 0:28 / /sys/fs/cgroup rw - tmpfs tmpfs rw\n", "0::/\n")).isEmpty();
        assertThat(CgroupV2.locate(MODERN, "0::/gone (deleted)\n")).isEmpty();
    }

    @Test
    void procStatLinesParseEvenWithParenthesesInTheName() {
        String stat = "4242 (a) b (c)) S 17 4242 4242 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 987654 1 1 1";
        assertThat(ProcTable.parse(stat)).contains(new ProcTable.Entry(4242, 17, 'S', 987654));
    }
}
