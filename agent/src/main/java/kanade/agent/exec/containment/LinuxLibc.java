package kanade.agent.exec.containment;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

/** The two libc calls the subreaper fallback needs, through JNA. */
interface LinuxLibc extends Library {
    int PR_SET_CHILD_SUBREAPER = 36;
    int WNOHANG = 1;

    /** {@code prctl(2)}. */
    int prctl(int option, long arg2, long arg3, long arg4, long arg5) throws LastErrorException;

    /** {@code waitpid(2)}; {@code status} may be null. */
    int waitpid(int pid, int[] status, int options) throws LastErrorException;

    /** Binds libc; throws {@link LinkageError} when JNA or its native part cannot load. */
    static LinuxLibc load() {
        return Native.load("c", LinuxLibc.class);
    }
}
