import Foundation
import Testing

/// Relative links between the docs resolve: the file exists and, with `#anchor`, the target
/// Markdown file has that heading. Web links are left to the reader.
@Suite struct DocsLinkTests {
    struct Link: CustomTestStringConvertible, Sendable {
        let origin: String
        let document: String
        let target: String
        var testDescription: String { "\(origin): \(target)" }
    }

    static let links: [Link] = {
        let pattern = try! NSRegularExpression(pattern: #"\]\(([^)\s]+)\)"#)
        var links: [Link] = []
        for document in (try? MarkdownDocument.all()) ?? [] {
            for (number, text) in document.prose {
                // Inline code may show link-like text; only real links count.
                let outsideCode = text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                    .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
                let range = NSRange(outsideCode.startIndex..., in: outsideCode)
                for match in pattern.matches(in: outsideCode, range: range) {
                    let target = String(outsideCode[Range(match.range(at: 1), in: outsideCode)!])
                    guard !target.contains("://"), !target.hasPrefix("mailto:") else { continue }
                    links.append(Link(origin: "\(document.path):\(number)", document: document.path, target: target))
                }
            }
        }
        return links
    }()

    @Test func theDocsLinkToEachOther() {
        #expect(Self.links.count >= 20, "\(Self.links.map(\.testDescription))")
    }

    @Test(arguments: links)
    func resolves(_ link: Link) throws {
        let parts = link.target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let directory = (link.document as NSString).deletingLastPathComponent
        let file = parts[0].isEmpty ? link.document
            : ((directory as NSString).appendingPathComponent(parts[0]) as NSString).standardizingPath
        #expect(FileManager.default.fileExists(atPath: DocumentationFiles.path(file)), "\(link.testDescription): no file \(file)")
        guard parts.count == 2 else { return }
        #expect(file.hasSuffix(".md"), "\(link.testDescription): an anchor into a file that is not Markdown")
        let anchors = try MarkdownDocument(path: file).anchors
        #expect(anchors.contains(parts[1]), "\(link.testDescription): no heading '#\(parts[1])' in \(file)")
    }
}
