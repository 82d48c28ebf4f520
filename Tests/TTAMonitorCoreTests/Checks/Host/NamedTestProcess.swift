import Foundation
@testable import TTAMonitorCore

/// A child process with a name no other process has: `program` is run through a symlink
/// called `name` in a temp directory, and the kernel takes the process name (`comm`) from
/// the path that was executed.
final class NamedTestProcess {
    let name: String
    let pid: pid_t
    private let directory: TemporaryDirectory
    private var reaped = false

    /// A fresh unique name that fits the 15 bytes the kernel keeps.
    static func uniqueName() -> String {
        "tta-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
    }

    /// Starts `program arguments…` as `name`.
    init(program: String, arguments: [String], name: String = NamedTestProcess.uniqueName()) throws {
        self.name = name
        directory = try TemporaryDirectory()
        let link = directory.file(name)
        guard symlink(program, link) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        let argv = ([link] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        // Without this the child would inherit other tests' pipes (Foundation's are not
        // close-on-exec) and keep their readers waiting until it exits.
        _ = GNUSpawnFunctions.addCloseFrom(&actions, 3)
        var pid = pid_t()
        let code = posix_spawn(&pid, link, &actions, nil, argv, environ)
        guard code == 0 else { throw POSIXError(.init(rawValue: code) ?? .EIO) }
        self.pid = pid
        // posix_spawn can return while the kernel is still switching the child to its new
        // image; until then /proc shows the old command line. Wait (2 s at most) so a scan
        // right after this sees the program the test started.
        let expected = ([link] + arguments).joined(separator: "\0")
        for _ in 0..<400 {
            let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") ?? Data()
            if String(decoding: data, as: UTF8.self).hasPrefix(expected) { break }
            usleep(5_000)
        }
    }

    /// `sleep 30` under a unique name.
    static func sleeper(name: String = uniqueName()) throws -> NamedTestProcess {
        try NamedTestProcess(program: "/bin/sleep", arguments: ["30"], name: name)
    }

    /// The process's state letter (`S`, `R`, `Z`), nil once reaped.
    var state: Character? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        return text[text.index(close, offsetBy: 2)]
    }

    /// Kills and reaps the process (reaping off the cooperative pool).
    func stop() async throws {
        guard !reaped else { return }
        kill(pid, SIGKILL)
        let pid = self.pid
        _ = try await offloaded { waitpid(pid, nil, 0) }
        reaped = true
    }

    deinit {
        // A test that ended early: kill, and reap on a thread of its own.
        guard !reaped else { return }
        kill(pid, SIGKILL)
        let pid = self.pid
        Thread.detachNewThread { waitpid(pid, nil, 0) }
    }
}
