import Foundation
import Testing
@testable import TTAMonitorCore

/// The TTA platform's real configuration files (../shared/reference/tta) must all parse, to the
/// values the platform's own Python tooling reads from them.
@Suite struct YAMLReferenceFilesTests {
    static var referenceDirectory: URL {
        if let path = ProcessInfo.processInfo.environment["TTA_REFERENCE_DIR"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/tta")
    }

    /// The parsed file, or nil (with a notice) when the reference checkout is absent.
    static func load(_ name: String) throws -> YAMLNode? {
        let url = referenceDirectory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("YAMLReferenceFilesTests: \(url.path) not found; skipped (set TTA_REFERENCE_DIR)")
            return nil
        }
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        return try YAMLParser.parse(text, file: name)
    }

    @Test func everyReferenceFileParses() throws {
        let directory = Self.referenceDirectory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            print("YAMLReferenceFilesTests: \(directory.path) not found; skipped (set TTA_REFERENCE_DIR)")
            return
        }
        let yamlFiles = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        #expect(yamlFiles.count >= 15)
        for name in yamlFiles {
            do {
                let root = try Self.load(name)
                #expect(root?.mappingPairs?.isEmpty == false, "\(name) should be a non-empty mapping")
            } catch {
                Issue.record("\(name) did not parse: \(error)")
            }
        }
    }

    @Test func ttaConfigValues() throws {
        guard let root = try Self.load("tta_config.head.yaml") else { return }
        let api = root["player_experience"]?["api"]
        #expect(api?["port"]?.scalar?.coreValue == .int(8080))
        #expect(api?["host"]?.scalar?.coreValue == .string("0.0.0.0"))
        #expect(api?["cors_origins"]?.jsonValue == .array([.string("http://localhost:3000"), .string("https://localhost:3000")]))
        #expect(root["player_experience"]?["database"]?["neo4j_url"]?.scalar?.text == "bolt://localhost:7687")
        #expect(root["carbon"]?["project_name"]?.scalar?.text == "TTA")
    }

    @Test func composeFileValues() throws {
        guard let root = try Self.load("docker-compose.dev.yml") else { return }
        let neo4j = root["services"]?["neo4j"]
        // "7474:7474" is text under YAML 1.2 (YAML 1.1 would read base-60 digits here).
        #expect(neo4j?["ports"]?.jsonValue == .array([.string("7474:7474"), .string("7687:7687")]))
        #expect(neo4j?["environment"]?.sequenceItems?[1].scalar?.text == #"NEO4J_PLUGINS=["apoc", "graph-data-science"]"#)
        let test = neo4j?["healthcheck"]?["test"]?.sequenceItems
        #expect(test?.first?.scalar?.text == "CMD-SHELL")
        #expect(test?.last?.scalar?.text == "wget --no-verbose --tries=1 --spider http://localhost:7474 || exit 1")
        #expect(neo4j?["healthcheck"]?["retries"]?.scalar?.coreValue == .int(5))
        #expect(neo4j?["security_opt"]?.jsonValue == .array([.string("no-new-privileges:true")]))
    }

    @Test func stagingMonitoringSection() throws {
        guard let root = try Self.load("staging.yaml") else { return }
        let monitoring = root["monitoring"]
        #expect(monitoring?["health_check_interval"]?.scalar?.coreValue == .int(60))
        #expect(monitoring?["carbon"]?["emissions_threshold_kg"]?.scalar?.coreValue == .float(1.0))
        #expect(root["logging"]?["level"]?.scalar?.style == .doubleQuoted)
    }

    @Test func prometheusRules() throws {
        guard let root = try Self.load("prometheus-rules.tta-alerts.yml") else { return }
        let rule = root["groups"]?.sequenceItems?.first?["rules"]?.sequenceItems?.first
        #expect(rule?["alert"]?.scalar?.text == "HighCPUUsage")
        #expect(rule?["for"]?.scalar?.text == "5m")
        #expect(rule?["labels"]?["service"]?.scalar?.text == "{{ $labels.job }}")
    }
}
