import Foundation

/// A temporary directory for one test, removed when the test lets go of it.
final class DocsSandbox {
    /// Its absolute path.
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("tta-docs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `name` inside the sandbox and returns the file's path.
    @discardableResult
    func write(_ text: String, to name: String, executable: Bool = false) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file) }
        return file
    }

    /// An environment for a shell run inside the sandbox: `$HOME` there, and `$PATH` with
    /// `bin` (where tests put a stand-in `tta-monitor`) ahead of the system directories.
    var shellEnvironment: [String: String] {
        BinaryEnvironment.clean(home: path, ["PATH": path + "/bin:/usr/local/bin:/usr/bin:/bin", "LC_ALL": "C.UTF-8", "TERM": "dumb"])
    }
}
