import Foundation
import Testing

/// A copy of the package's `deploy/` folder in a temporary directory, so a test can point
/// a file's absolute paths (`/etc/prometheus/…`, `/usr/local/bin/tta-monitor`) at files that
/// exist, or break a file on purpose, without touching the checkout.
final class DeployCopy {
    private let directory: TemporaryDirectory

    /// The copy's root: `deploy/` of the checkout, as it is.
    var root: String { directory.path + "/deploy" }

    init() throws {
        directory = try TemporaryDirectory()
        try FileManager.default.copyItem(atPath: DocumentationFiles.path("deploy"), toPath: root)
    }

    /// The absolute path of `relativePath` (e.g. `prometheus/prometheus.yml`) in the copy.
    func path(_ relativePath: String) -> String { root + "/" + relativePath }

    /// A scratch file beside the copy (a token, a certificate).
    @discardableResult
    func scratch(_ name: String, _ text: String) throws -> String {
        try directory.write(name, text)
    }

    /// Replaces `text` by `replacement` in `relativePath`; records an issue when `text` is
    /// not there, so a test never checks a file it meant to change but did not.
    func replace(_ text: String, with replacement: String, in relativePath: String,
                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = path(relativePath)
        let contents = try String(contentsOfFile: file, encoding: .utf8)
        #expect(contents.contains(text), "\(relativePath) no longer contains '\(text)'", sourceLocation: sourceLocation)
        try contents.replacingOccurrences(of: text, with: replacement).write(toFile: file, atomically: true, encoding: .utf8)
    }

    /// The path of the installed `tool`; a missing tool fails the test with the package to install.
    static func tool(_ name: String, package: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(ShellProcess.find(name) ?? ["/usr/sbin/\(name)", "/usr/bin/\(name)"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }, "\(name) is not installed: apt-get install \(package) (scripts/install-deps.sh does)", sourceLocation: sourceLocation)
    }
}
