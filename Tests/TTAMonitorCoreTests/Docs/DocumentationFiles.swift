import Foundation

/// The documentation files of the package, found from this source file's own path so the
/// tests read the checkout they were built from, whatever the working directory.
enum DocumentationFiles {
    /// The package root: this file is Tests/TTAMonitorCoreTests/Docs/DocumentationFiles.swift.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }()

    static let manPage = "man/tta-monitor.1"
    static let bashCompletion = "completions/tta-monitor.bash"
    static let zshCompletion = "completions/_tta-monitor"
    static let fishCompletion = "completions/tta-monitor.fish"

    /// The absolute path of `relativePath`.
    static func path(_ relativePath: String) -> String {
        packageRoot.appendingPathComponent(relativePath).path
    }

    /// The text of `relativePath`.
    static func read(_ relativePath: String) throws -> String {
        try String(contentsOfFile: path(relativePath), encoding: .utf8)
    }
}
