package kanade.agent.exec.containment;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.win32.StdCallLibrary;

/** The kernel32 calls for Windows Job Objects, through JNA (jna-platform's Kernel32 does not map them). */
interface Kernel32Jobs extends StdCallLibrary {
    int JOB_OBJECT_BASIC_ACCOUNTING_INFORMATION = 1;
    int JOB_OBJECT_EXTENDED_LIMIT_INFORMATION = 9;
    int JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x2000;
    int PROCESS_TERMINATE = 0x0001;
    int PROCESS_SET_QUOTA = 0x0100;

    Pointer CreateJobObjectW(Pointer attributes, WString name);

    boolean SetInformationJobObject(Pointer job, int infoClass, Pointer info, int length);

    boolean QueryInformationJobObject(Pointer job, int infoClass, Pointer info, int length, Pointer returnLength);

    boolean AssignProcessToJobObject(Pointer job, Pointer process);

    boolean TerminateJobObject(Pointer job, int exitCode);

    Pointer OpenProcess(int access, boolean inheritHandle, int pid);

    boolean CloseHandle(Pointer handle);

    /** Binds kernel32; throws {@link LinkageError} when JNA cannot load. */
    static Kernel32Jobs load() {
        return Native.load("kernel32", Kernel32Jobs.class);
    }
}
