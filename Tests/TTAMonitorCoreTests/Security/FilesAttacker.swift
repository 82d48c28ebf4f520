import Foundation
@testable import TTAMonitorCore

/// Another local user, as the threat model has them: plants links and files in a shared
/// directory while root runs tta-monitor. When the tests run as root, the links really
/// belong to `nobody` (`setpriv`); otherwise they are made by the test's own user, which
/// tests the same code paths.
enum FilesAttacker {
    /// Whether links and files can really be planted as `nobody` (root, with setpriv).
    static var actsAsNobody: Bool { geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") }

    /// A directory inside `directory` that everyone may write to: sticky (like /tmp) or
    /// not (a careless 0777 directory, where the kernel's protected_symlinks does not help).
    static func sharedDirectory(in directory: TemporaryDirectory, name: String, sticky: Bool) throws -> String {
        // The test's own directory is 0700; `nobody` must be able to reach the shared one.
        chmod(directory.path, 0o755)
        let path = directory.file(name)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        chmod(path, sticky ? 0o1777 : 0o777)
        return path
    }

    /// `ln -s target link`, as `nobody` when possible.
    static func plantLink(_ link: String, to target: String) throws {
        try runAsNobody(["/bin/ln", "-s", target, link])
    }

    /// A FIFO at `path`, as `nobody` when possible.
    static func plantFIFO(_ path: String) throws {
        try runAsNobody(["/usr/bin/mkfifo", path])
    }

    /// An empty, world-readable regular file at `path`, owned by `nobody` when possible.
    static func plantFile(_ path: String) throws {
        try runAsNobody(["/bin/sh", "-c", "umask 022; : > \"$0\"", path])
    }

    /// A file only root may write, standing for /etc/shadow; returns its path.
    static func victim(in directory: TemporaryDirectory) throws -> String {
        try directory.write("victim", "precious\n")
    }

    /// Runs the binary with `arguments` in a new PID namespace when possible, so its process
    /// id is 1: the temporary names of tta-monitor before random names were
    /// `<file>.tmp-<pid>`, which an attacker could then plant links at ahead of time.
    static func runAsPIDOne(_ arguments: [String], in directory: String,
                            environment: [String: String] = [:]) async throws -> BinaryRunner.Outcome {
        guard pidNamespaceWorks else {
            return try await BinaryRunner.run(arguments, in: directory, environment: environment)
        }
        return try await BinaryRunner.run(["--pid", "--fork", BinaryRunner.binaryPath] + arguments, in: directory,
                                          environment: environment, executable: "/usr/bin/unshare")
    }

    /// Whether `unshare --pid` is allowed here (root, and a container that permits it).
    static let pidNamespaceWorks: Bool = {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["--pid", "--fork", "/bin/true"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Links at every name a pid-1 tta-monitor used to write `target` through, pointing at `victim`.
    static func plantLegacyTemporaryLinks(for target: String, to victim: String) throws {
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        for legacy in ["\(name).tmp-1", ".\(name).tmp-1"] {
            try plantLink(directory + "/" + legacy, to: victim)
        }
    }

    private static func runAsNobody(_ command: [String]) throws {
        let process = Process()
        if actsAsNobody {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=nobody", "--regid=nogroup", "--clear-groups"] + command
        } else {
            process.executableURL = URL(fileURLWithPath: command[0])
            process.arguments = Array(command.dropFirst())
        }
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteNoPermission) }
    }
}
