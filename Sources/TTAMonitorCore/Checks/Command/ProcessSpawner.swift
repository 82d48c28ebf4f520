#if canImport(Glibc)
import Glibc
#endif

/// Starts a command with posix_spawn: no shell unless the argv names one, its own process
/// group (so a timeout can stop everything it started), stdin from /dev/null (or a
/// descriptor the caller gives), stdout and stderr into one pipe. Blocking (exec may read a slow disk): call it on a thread of its own.
enum ProcessSpawner {
    /// Starts `argv` with the current environment plus `environment` (which wins).
    /// `standardInput`, when given, becomes the command's descriptor 0 (the caller closes it).
    static func spawn(argv: [String], environment: [String: String], workingDirectory: String?,
                      standardInput: Int32? = nil) -> Result<SpawnedChild, SpawnFailure> {
        guard let program = argv.first else { return .failure(.spawn("''", ENOENT)) }
        if let workingDirectory, let failure = checkDirectory(workingDirectory) { return .failure(failure) }

        // Close-on-exec: a command started by a concurrent check must not inherit the write
        // end, or this pipe would not reach end of file until that other command exits.
        var ends: [Int32] = [-1, -1]
        let pipeError = GNUSpawnFunctions.closeOnExecPipe(&ends)
        guard pipeError == 0 else { return .failure(.pipe(pipeError)) }
        let (readEnd, writeEnd) = (ends[0], ends[1])

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Duplicate before opening /dev/null: with this process's stdin closed, the write
        // end may itself be descriptor 0.
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
        if let standardInput {
            posix_spawn_file_actions_adddup2(&actions, standardInput, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        // Descriptors someone opened without close-on-exec (a library's socket, a pipe of the
        // embedding program) are no business of the command, and a long-running command
        // holding a pipe's write end would keep its reader waiting for end of file.
        _ = GNUSpawnFunctions.addCloseFrom(&actions, 3)
        if let workingDirectory, !GNUSpawnFunctions.addChdir(&actions, workingDirectory) {
            close(readEnd)
            close(writeEnd)
            return .failure(.workingDirectoryUnsupported)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        // The spawning thread may block signals (I/O threads block them all) and the process
        // may ignore SIGPIPE; neither must leak into the command, or it could not be stopped
        // by SIGTERM and would not die writing to a closed pipe.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let arguments = argv.map { strdup($0) } + [nil]
        let variables = mergedEnvironment(environment).map { strdup($0) } + [nil]
        defer {
            arguments.forEach { free($0) }
            variables.forEach { free($0) }
        }
        var pid = pid_t()
        // Stays ECANCELED when the process is terminating (a signal arrived) and starts nothing.
        var code = ECANCELED
        ChildProcessGroups.starting {
            code = program.contains("/")
                ? posix_spawn(&pid, program, &actions, &attributes, arguments, variables)
                : posix_spawnp(&pid, program, &actions, &attributes, arguments, variables)
            return code == 0 ? pid : nil
        }
        close(writeEnd)
        guard code == 0 else {
            close(readEnd)
            return .failure(.spawn(program, code))
        }
        return .success(SpawnedChild(pid: pid, outputDescriptor: readEnd))
    }

    /// `KEY=value` lines of this process's environment with `overrides` applied.
    static func mergedEnvironment(_ overrides: [String: String]) -> [String] {
        var lines: [String] = []
        var cursor = environ
        while let entry = cursor.pointee {
            let line = String(cString: entry)
            let key = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? line
            if overrides[key] == nil { lines.append(line) }
            cursor += 1
        }
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) { lines.append("\(key)=\(value)") }
        return lines
    }

    /// A clearer error than posix_spawn's bare ENOENT, which could mean the program or the
    /// directory.
    private static func checkDirectory(_ path: String) -> SpawnFailure? {
        var info = stat()
        guard stat(path, &info) == 0 else { return .workingDirectory(path, errno) }
        return (info.st_mode & S_IFMT) == S_IFDIR ? nil : .workingDirectory(path, ENOTDIR)
    }
}
