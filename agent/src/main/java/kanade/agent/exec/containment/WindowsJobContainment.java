package kanade.agent.exec.containment;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Windows: a Job Object per job with {@code JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE}. The main process is assigned right
 * after it starts (children it creates from then on are in the job too); ending the job counts its active processes
 * ({@code JobObjectBasicAccountingInformation}) and terminates them, closing the handle kills anything left.
 */
final class WindowsJobContainment implements Containment {
    private static final Logger LOG = LoggerFactory.getLogger(WindowsJobContainment.class);
    /** sizeof(JOBOBJECT_EXTENDED_LIMIT_INFORMATION): 144 bytes on 64-bit, 112 on 32-bit; LimitFlags at offset 16. */
    private static final int EXTENDED_LIMIT_SIZE = Native.POINTER_SIZE == 8 ? 144 : 112;
    private static final int LIMIT_FLAGS_OFFSET = 16;
    /** sizeof(JOBOBJECT_BASIC_ACCOUNTING_INFORMATION): four LARGE_INTEGERs, four DWORDs; ActiveProcesses at 40. */
    private static final int ACCOUNTING_SIZE = 48;
    private static final int ACTIVE_PROCESSES_OFFSET = 40;

    private final Kernel32Jobs kernel32;

    private WindowsJobContainment(Kernel32Jobs kernel32) {
        this.kernel32 = kernel32;
    }

    /** The containment, if kernel32 can be bound. */
    static Optional<Containment> load() {
        try {
            return Optional.of(new WindowsJobContainment(Kernel32Jobs.load()));
        } catch (LinkageError e) {
            LOG.debug("cannot bind kernel32: {}", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public String describe() {
        return "a Windows Job Object per job (kill on close)";
    }

    @Override
    public ContainedRun open() throws IOException {
        Pointer job = kernel32.CreateJobObjectW(null, null);
        if (job == null) {
            throw new IOException("CreateJobObject failed, error " + Native.getLastError());
        }
        Memory limits = new Memory(EXTENDED_LIMIT_SIZE);
        limits.clear();
        limits.setInt(LIMIT_FLAGS_OFFSET, Kernel32Jobs.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE);
        if (!kernel32.SetInformationJobObject(job, Kernel32Jobs.JOB_OBJECT_EXTENDED_LIMIT_INFORMATION, limits,
                EXTENDED_LIMIT_SIZE)) {
            int error = Native.getLastError();
            kernel32.CloseHandle(job);
            throw new IOException("SetInformationJobObject failed, error " + error);
        }
        return new Run(kernel32, job);
    }

    /** One job's Job Object. */
    private static final class Run implements ContainedRun {
        private final Kernel32Jobs kernel32;
        private final Pointer job;
        private volatile Process main;
        private boolean closed;

        Run(Kernel32Jobs kernel32, Pointer job) {
            this.kernel32 = kernel32;
            this.job = job;
        }

        @Override
        public void prepare(ProcessBuilder launch) {
        }

        @Override
        public void started(Process process) {
            this.main = process;
            Pointer handle = kernel32.OpenProcess(Kernel32Jobs.PROCESS_SET_QUOTA | Kernel32Jobs.PROCESS_TERMINATE,
                    false, (int) process.pid());
            if (handle == null || !kernel32.AssignProcessToJobObject(job, handle)) {
                LOG.warn("cannot put process {} in its job object (error {}); only its tree is ended", process.pid(),
                        Native.getLastError());
            }
            if (handle != null) {
                kernel32.CloseHandle(handle);
            }
        }

        @Override
        public synchronized int endAll() {
            Process process = main;
            if (closed || process == null) {
                return 0;
            }
            int active = activeProcesses();
            boolean mainAlive = process.isAlive();
            kernel32.TerminateJobObject(job, 1);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            // the handle, not Process.destroyForcibly: that also closes the pipes and would lose unread output
            process.toHandle().destroyForcibly();
            return Math.max(0, active - (mainAlive ? 1 : 0));
        }

        private int activeProcesses() {
            Memory accounting = new Memory(ACCOUNTING_SIZE);
            accounting.clear();
            if (!kernel32.QueryInformationJobObject(job, Kernel32Jobs.JOB_OBJECT_BASIC_ACCOUNTING_INFORMATION,
                    accounting, ACCOUNTING_SIZE, null)) {
                return 0;
            }
            return accounting.getInt(ACTIVE_PROCESSES_OFFSET);
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                kernel32.CloseHandle(job);
            }
        }
    }
}
