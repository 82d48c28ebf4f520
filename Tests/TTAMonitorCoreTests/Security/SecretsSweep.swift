import Foundation

/// Searches everything a run left behind for secrets: the transcript of stdout and stderr,
/// and every file under a directory (the database, its WAL, reports, alert files), except
/// the inputs the test wrote itself.
struct SecretsSweep {
    private(set) var transcript = ""

    /// Appends one run's output under a `$ command` header (without URL arguments, which
    /// the test itself wrote).
    mutating func record(_ arguments: [String], _ run: BinaryRunner.Outcome) {
        let shown = arguments.map { $0.contains("://") ? "URL" : $0 }
        transcript += "$ \(shown.joined(separator: " "))\n\(run.out)\n\(run.err)\n"
    }

    /// Every file under `directory` by relative path, as text (binary bytes decoded lossily,
    /// so an ASCII secret inside a database page still matches), minus `inputs`.
    static func writtenFiles(in directory: String, inputs: Set<String>) throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory)
        while let name = enumerator?.nextObject() as? String {
            let path = directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !inputs.contains(name), !name.hasPrefix(".std") else { continue }
            files[name] = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        }
        return files
    }

    /// `(needle, where)` for every secret found in the transcript or a file.
    func leaks(of secrets: [String], files: [String: String]) -> [String] {
        var found: [String] = []
        for secret in secrets {
            if let range = transcript.range(of: secret) {
                found.append("'\(secret)' printed: …\(Self.context(range, in: transcript))…")
            }
            for (name, content) in files.sorted(by: { $0.key < $1.key }) {
                if let range = content.range(of: secret) {
                    found.append("'\(secret)' written to \(name): …\(Self.context(range, in: content))…")
                }
            }
        }
        return found
    }

    private static func context(_ range: Range<String.Index>, in text: String) -> String {
        let start = text.index(range.lowerBound, offsetBy: -160, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 80, limitedBy: text.endIndex) ?? text.endIndex
        return String(text[start..<end])
    }
}
