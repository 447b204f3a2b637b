package dev.reviewgate.bench;

/**
 * One line of {@code /proc/<pid>/stat} or {@code /proc/<pid>/task/<tid>/stat}: the command name
 * (field 2, in parentheses, may hold spaces and parentheses) and the CPU times that follow it.
 */
record ProcStat(String name, long userTicks, long systemTicks, long childUserTicks, long childSystemTicks) {

    static ProcStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        // Fields from 3 on; utime, stime, cutime, cstime are fields 14 to 17.
        String[] f = line.substring(close + 2).trim().split("\\s+");
        return new ProcStat(
                line.substring(open + 1, close),
                Long.parseLong(f[11]),
                Long.parseLong(f[12]),
                Long.parseLong(f[13]),
                Long.parseLong(f[14]));
    }

    /** The process's (or thread's) own user + system time. */
    long ticks() {
        return userTicks + systemTicks;
    }

    /** Its own time and that of its children that have ended and been waited for. */
    long ticksWithEndedChildren() {
        return ticks() + childUserTicks + childSystemTicks;
    }
}
