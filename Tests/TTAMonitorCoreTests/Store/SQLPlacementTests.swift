import Foundation
import Testing

/// SQL text appears only in the store files ARCHITECTURE.md names ("SQL lives in the
/// stores"): a query written into a command, a rule or an export file fails here, naming
/// the file and the line.
@Suite struct SQLPlacementTests {
    /// Folders whose every file may hold SQL, and single store files beside their domain.
    static let storeFolders = ["Sources/TTAMonitorCore/Store/", "Sources/TTAMonitorCore/Retention/"]
    static let storeFiles: Set<String> = [
        "Sources/TTAMonitorCore/Alerts/AlertStore.swift",
        "Sources/TTAMonitorCore/Alerts/OutboxStore.swift",
        "Sources/TTAMonitorCore/Carbon/CarbonRunStore.swift",
    ]

    /// Statement shapes, upper case as the code base writes SQL; prose in comments is skipped.
    static let sqlPattern = try! NSRegularExpression(pattern: """
        \\b(SELECT\\s+[\\w*(]|INSERT\\s+(OR\\s+\\w+\\s+)?INTO|UPDATE\\s+\\w+\\s+SET|DELETE\\s+FROM|WITH\\s+\\w+\\s+AS\\s*\\(|\
        CREATE\\s+(TABLE|INDEX|UNIQUE|TRIGGER|VIEW)|DROP\\s+(TABLE|INDEX)|ALTER\\s+TABLE|PRAGMA\\s+\\w+|BEGIN\\s+(IMMEDIATE|DEFERRED))
        """)

    /// The lines of `text` (1-based numbers) that hold SQL outside comments.
    static func sqlLines(in text: String) -> [Int] {
        var found: [Int] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code = line.trimmingCharacters(in: .whitespaces)
            if code.hasPrefix("//") { continue }
            let range = NSRange(code.startIndex..., in: code)
            if sqlPattern.firstMatch(in: code, range: range) != nil { found.append(offset + 1) }
        }
        return found
    }

    @Test func theScanFindsSQLAndSkipsComments() {
        let sample = """
            /// Reads rows with SELECT statements.
            let a = database.prepare("SELECT id FROM alerts")
            // DELETE FROM x is what the purge does
            try database.prepare(\"\"\"
                UPDATE components SET missing_since = ? WHERE name = ?
                \"\"\")
            let b = "BEGIN IMMEDIATE"
            """
        #expect(Self.sqlLines(in: sample) == [2, 5, 7])
    }

    @Test func sqlAppearsOnlyInStoreFiles() throws {
        let sources = DocumentationFiles.path("Sources")
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources))
        var misplaced: [String] = []
        var storeFilesWithSQL = 0
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let path = "Sources/" + relative
            let text = try DocumentationFiles.read(path)
            let lines = Self.sqlLines(in: text)
            if Self.storeFolders.contains(where: path.hasPrefix) || Self.storeFiles.contains(path) {
                if !lines.isEmpty { storeFilesWithSQL += 1 }
                continue
            }
            misplaced += lines.map { "\(path):\($0)" }
        }
        #expect(misplaced.isEmpty, "SQL outside the stores (ARCHITECTURE.md, \"SQL lives in the stores\"): \(misplaced.sorted())")
        // The scan must be seeing the stores, or an empty result would prove nothing.
        #expect(storeFilesWithSQL >= 10)
    }
}
