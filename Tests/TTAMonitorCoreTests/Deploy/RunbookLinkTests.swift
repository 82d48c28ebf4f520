import Foundation
import Testing

/// The alerting rules' `runbook_url` annotations name headings of docs/serve.md: an on-call
/// reader who follows one lands on its runbook, not on the top of the page.
@Suite struct RunbookLinkTests {
    @Test func everyRunbookURLNamesAHeadingOfTheServeGuide() throws {
        let rules = try String(contentsOfFile: DocumentationFiles.path("deploy/prometheus/tta-monitor.rules.yml"), encoding: .utf8)
        let urls = rules.split(separator: "\n").compactMap { line -> String? in
            let text = line.trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("runbook_url: ") else { return nil }
            return text.dropFirst("runbook_url: ".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        #expect(urls.count == 8, "\(urls)")
        let anchors = try MarkdownDocument(path: "docs/serve.md").anchors
        for url in Set(urls) {
            let parts = url.split(separator: "#", maxSplits: 1).map(String.init)
            #expect(parts.first == "docs/serve.md", "\(url)")
            #expect(parts.count == 2 && anchors.contains(parts[1]), "\(url): no such heading in docs/serve.md")
        }
    }
}
