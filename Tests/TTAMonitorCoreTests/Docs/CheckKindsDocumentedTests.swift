import Foundation
import Testing
@testable import TTAMonitorCore

/// The check-kind registry is the one list of kinds: the configuration reference's table,
/// the man page's CONFIGURATION list and the binary's own messages follow it, so a kind
/// added to the registry without docs (or documented but never registered) fails here.
@Suite struct CheckKindsDocumentedTests {
    @Test func theRegistryNamesEachKindOnce() {
        let names = CheckKindRegistry.names
        #expect(names.contains("http") && names.contains("file_age"), "\(names)")
        #expect(Set(names).count == names.count, "a kind is registered twice: \(names)")
        #expect(names.allSatisfy { CheckKindRegistry.kind(named: $0).map { $0.kindName } == $0 })
        #expect(CheckKindRegistry.kind(named: "htp") == nil)
    }

    @Test func theConfigurationReferenceTablesEveryKind() throws {
        let text = try DocumentationFiles.read("docs/configuration.md")
        let rows = try NSRegularExpression(pattern: #"^\| `([a-z_0-9]+)` \|"#, options: .anchorsMatchLines)
        let table = text.components(separatedBy: "Check kinds:").dropFirst().first ?? ""
        let tableText = table.components(separatedBy: "\n\n").prefix(2).joined(separator: "\n\n")
        let documented = rows.matches(in: tableText, range: NSRange(tableText.startIndex..., in: tableText))
            .map { String(tableText[Range($0.range(at: 1), in: tableText)!]) }
        #expect(Set(documented) == Set(CheckKindRegistry.names), "docs/configuration.md kinds: \(documented)")
        #expect(documented.count == CheckKindRegistry.names.count, "a kind has two rows: \(documented)")
    }

    @Test func theManPageListsEveryKind() throws {
        let man = ManPageSource(text: try DocumentationFiles.read("man/tta-monitor.1"))
        let kinds = ManPageSource.items(in: man.section("CONFIGURATION"), depth: 1)
            .map(\.headWords).filter { $0.count == 3 && $0[1] == "Cm" }.map { $0[2] }
        #expect(kinds == CheckKindRegistry.names, "man page CONFIGURATION kinds, in registry order: \(kinds)")
    }

    @Test func theBinaryOffersEveryRegisteredKind() async throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("tta_config.yaml", """
            monitoring:
              checks:
                - {name: untyped}
            """)
        let run = try await BinaryRunner.run(["config", "validate", "--config", "tta_config.yaml"], in: directory.path)
        #expect(run.code == 78, "stdout: \(run.out) stderr: \(run.err)")
        #expect(run.err.contains("has no 'type' (one of \(CheckKindRegistry.names.joined(separator: ", ")))"), "stderr: \(run.err)")
    }
}
