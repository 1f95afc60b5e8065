package kanade.protocol.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubjectsTest {
    @Test
    void buildsContractSubjects() {
        assertThat(Subjects.commandsPc("PC1")).isEqualTo("commands.pc.PC1");
        assertThat(Subjects.commandsGroup("canary")).isEqualTo("commands.group.canary");
        assertThat(Subjects.results("r1")).isEqualTo("results.r1");
        assertThat(Subjects.heartbeat("PC1")).isEqualTo("heartbeat.PC1");
        assertThat(Subjects.agentPing("PC1")).isEqualTo("agents.PC1.ping");
        assertThat(Subjects.kill("j1")).isEqualTo("kill.j1");
        assertThat(Subjects.logsFetch("PC1")).isEqualTo("logs.fetch.PC1");
        assertThat(Subjects.audit("alice", "run", "PC1")).isEqualTo("audit.alice.run.PC1");
        assertThat(Subjects.audit("alice", "jetstream_setup", null)).isEqualTo("audit.alice.jetstream_setup");
    }

    @Test
    void rejectsPcIdThatSpansTokens() {
        assertThatThrownBy(() -> Subjects.commandsPc("a.b")).hasMessageContaining("pc_id");
        assertThatThrownBy(() -> Subjects.commandsPc("*")).hasMessageContaining("pc_id");
        assertThatThrownBy(() -> Subjects.commandsPc("")).hasMessageContaining("pc_id");
    }

    @Test
    void auditSanitizesFreeFormActorAndTarget() {
        assertThat(Subjects.audit("ops@corp.example", "kill", "job 1")).isEqualTo("audit.ops@corp_example.kill.job_1");
    }
}
