import Foundation
import Testing

/// The layout section of ARCHITECTURE.md and the folders under Sources/ are the same list:
/// a folder added, moved or removed without the document following fails here.
@Suite struct ArchitectureLayoutTests {
    /// The `Sources/…/` paths listed in the first fenced block under `## Layout`.
    static func documentedFolders() throws -> Set<String> {
        let document = try MarkdownDocument(path: "ARCHITECTURE.md")
        let heading = try #require(document.prose.first { $0.text == "## Layout" }?.number, "ARCHITECTURE.md has no '## Layout'")
        let block = try #require(document.blocks.first { ($0.lines.first?.number ?? 0) > heading }, "no layout block")
        return Set(block.lines.compactMap { line in
            line.text.split(separator: " ").first.map(String.init).flatMap { $0.hasPrefix("Sources/") ? $0 : nil }
        }.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 })
    }

    /// Every directory under Sources/, as `Sources/A/B`.
    static func sourceFolders() throws -> Set<String> {
        let root = DocumentationFiles.path("Sources")
        var folders: Set<String> = []
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), isDirectory.boolValue {
                folders.insert("Sources/" + relative)
            }
        }
        return folders
    }

    @Test func everyListedFolderExists() throws {
        let missing = try Self.documentedFolders().subtracting(Self.sourceFolders())
        #expect(missing.isEmpty, "ARCHITECTURE.md lists folders that do not exist: \(missing.sorted())")
    }

    @Test func everyFolderIsListed() throws {
        let unlisted = try Self.sourceFolders().subtracting(Self.documentedFolders())
        #expect(unlisted.isEmpty, "folders missing from ARCHITECTURE.md's layout: \(unlisted.sorted())")
    }
}
