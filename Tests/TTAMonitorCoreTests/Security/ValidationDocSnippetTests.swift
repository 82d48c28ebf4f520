import Foundation
import Testing
@testable import TTAMonitorCore

/// Item 26: every YAML example of the README, docs/*.md and the man page loads through the real
/// binary's `config validate`, completed with `tta_config.yaml.example` where it names
/// checks or channels defined elsewhere.
@Suite struct ValidationDocSnippetTests {
    static let snippets: [ValidationYAMLSnippet] = {
        let readme = (try? DocumentationFiles.read("README.md")) ?? ""
        let man = (try? DocumentationFiles.read(DocumentationFiles.manPage)) ?? ""
        var found = ValidationYAMLSnippet.markdown(readme, file: "README.md")
            + ValidationYAMLSnippet.manPage(man, file: DocumentationFiles.manPage)
        let docs = DocumentationFiles.path("docs")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: docs)) ?? []).sorted() where name.hasSuffix(".md") {
            let text = (try? String(contentsOfFile: docs + "/" + name, encoding: .utf8)) ?? ""
            found += ValidationYAMLSnippet.markdown(text, file: "docs/" + name)
        }
        return found
    }()

    @Test func theDocumentationHasConfigExamplesToCheck() {
        let config = Self.snippets.filter(\.isTTAConfig)
        #expect(config.count >= 5, "\(Self.snippets)")
        #expect(config.contains { $0.origin.hasPrefix("man/") }, "\(Self.snippets)")
        // The only other YAML documents shown are Prometheus's own files.
        for snippet in Self.snippets where !snippet.isTTAConfig {
            #expect(snippet.topLevelBlocks.allSatisfy { ["scrape_configs", "global", "rule_files", "alerting"].contains($0.key) },
                    "\(snippet.origin) is neither a tta_config.yaml nor a prometheus.yml fragment")
        }
    }

    @Test(arguments: snippets.filter(\.isTTAConfig))
    func loadsThroughConfigValidate(_ snippet: ValidationYAMLSnippet) async throws {
        let directory = try TemporaryDirectory()
        let example = try DocumentationFiles.read("tta_config.yaml.example")
        let config = try directory.write("tta_config.yaml", snippet.completed(with: example))
        let run = try await BinaryRunner.run(["config", "validate", "--config", config], in: directory.path,
                                             environment: snippet.requiredVariables)
        #expect(run.code == 0, "\(snippet.origin):\n\(snippet.text)\n\(run.err)")
    }

    /// The Markdown examples (README and docs/) describe one tool, so they must fit in one file.
    @Test func theMarkdownExamplesLoadTogether() async throws {
        let directory = try TemporaryDirectory()
        let readme = Self.snippets.filter { $0.isTTAConfig && !$0.origin.hasPrefix("man/") }
        let example = try DocumentationFiles.read("tta_config.yaml.example")
        let config = try directory.write("tta_config.yaml", ValidationYAMLSnippet.completed(readme, with: example))
        let environment = readme.reduce(into: [String: String]()) { $0.merge($1.requiredVariables) { a, _ in a } }
        let run = try await BinaryRunner.run(["config", "validate", "--config", config], in: directory.path, environment: environment)
        #expect(run.code == 0, "\(run.err)")
    }

    @Test func theExampleConfigItselfLoads() async throws {
        let directory = try TemporaryDirectory()
        let run = try await BinaryRunner.run(["config", "validate", "--config", DocumentationFiles.path("tta_config.yaml.example")],
                                             in: directory.path)
        #expect(run.code == 0, "\(run.err)")
    }
}
