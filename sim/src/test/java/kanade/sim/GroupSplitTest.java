package kanade.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupSplitTest {
    @Test
    void splitsTheFleetByPercentage() {
        GroupSplit split = GroupSplit.parse("canary:5%,wave1:95%");
        long canary = java.util.stream.IntStream.range(0, 1000).filter(i -> split.groupsOf(i, 1000).equals(List.of("canary"))).count();
        assertThat(canary).isEqualTo(50);
        assertThat(split.groupsOf(999, 1000)).containsExactly("wave1");
    }

    @Test
    void rejectsBadSpecs() {
        assertThatThrownBy(() -> GroupSplit.parse("canary:60%,wave1:60%")).hasMessageContaining("100");
        assertThatThrownBy(() -> GroupSplit.parse("canary=5")).hasMessageContaining("name:5%");
    }
}
