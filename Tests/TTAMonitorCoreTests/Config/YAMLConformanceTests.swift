import Foundation
import Testing
@testable import TTAMonitorCore

/// Runs every case of the public yaml-test-suite (its `data` branch) through the subset parser.
///
/// The bar (see ../shared/conformance/README.md): every case marked `error` is rejected; every
/// other case either parses to exactly its `in.json` or is rejected with a `YAMLError` — never a
/// different value.
///
/// Comparing with `in.json`: types must agree, except that the suite's JSON writer prints floats
/// with integral values as integers (`price: 450.00` is written `450`), so a JSON integer literal
/// matches a YAML int of that value *or* a YAML float with exactly that integral value; a JSON
/// number with a fraction or an exponent matches only a YAML float. Objects compare as unordered
/// key sets (the suite writes some keys in a different order from the YAML).
@Suite struct YAMLConformanceTests {
    struct Case {
        var id: String
        var directory: URL
    }

    enum Outcome {
        case matched, rejectedUnsupported(String), rejectedOther(String), wrong(String), invalidRejected, invalidAccepted, noExpectation
    }

    /// Cases where the parser follows PyYAML (which TTA reads its config with; ruamel.yaml
    /// agrees) rather than the suite, with the value PyYAML gives: a block scalar that ends
    /// the file without a final line break takes no break there (README, YAML).
    static let pyYAMLValues: [String: String] = [
        "JEF9/02": #"[""]"#,
        "L24T/01": #"{"foo":"x\n "}"#,
    ]

    static var suiteDirectory: URL {
        if let path = ProcessInfo.processInfo.environment["TTA_YAML_SUITE"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance/yaml-test-suite")
    }

    static func cases(in suite: URL) -> [Case] {
        let manager = FileManager.default
        let names = ((try? manager.contentsOfDirectory(atPath: suite.path)) ?? []).sorted()
        var result: [Case] = []
        for name in names {
            let directory = suite.appendingPathComponent(name)
            if manager.fileExists(atPath: directory.appendingPathComponent("in.yaml").path) {
                result.append(Case(id: name, directory: directory))
                continue
            }
            let subnames = ((try? manager.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
            for subname in subnames where manager.fileExists(atPath: directory.appendingPathComponent(subname).appendingPathComponent("in.yaml").path) {
                result.append(Case(id: "\(name)/\(subname)", directory: directory.appendingPathComponent(subname)))
            }
        }
        return result
    }

    @Test func everyCaseMatchesOrIsRejected() throws {
        let suite = Self.suiteDirectory
        guard FileManager.default.fileExists(atPath: suite.path) else {
            print("YAMLConformanceTests: yaml-test-suite not found at \(suite.path); skipped (set TTA_YAML_SUITE)")
            return
        }
        let cases = Self.cases(in: suite)
        #expect(cases.count > 300, "expected the whole suite, found \(cases.count) cases")
        var outcomes: [(id: String, outcome: Outcome)] = []
        for testCase in cases {
            outcomes.append((testCase.id, try Self.run(testCase)))
        }

        var matched = 0, unsupported = 0, invalidRejected = 0, noExpectation = 0
        var rejectedOther: [String] = [], wrong: [String] = [], invalidAccepted: [String] = []
        for (id, outcome) in outcomes {
            switch outcome {
            case .matched: matched += 1
            case .rejectedUnsupported(let message):
                unsupported += 1
                if ProcessInfo.processInfo.environment["TTA_YAML_SUITE_VERBOSE"] != nil { print("  unsupported: \(id): \(message)") }
            case .rejectedOther(let message): rejectedOther.append("\(id): \(message)")
            case .wrong(let detail): wrong.append("\(id): \(detail)")
            case .invalidRejected: invalidRejected += 1
            case .invalidAccepted: invalidAccepted.append(id)
            case .noExpectation: noExpectation += 1
            }
        }
        print("""
            YAML conformance (\(cases.count) cases): matched \(matched), rejected as unsupported \(unsupported), \
            rejected with another error \(rejectedOther.count), wrong \(wrong.count); \
            invalid rejected \(invalidRejected), invalid accepted \(invalidAccepted.count); \
            no expectation (parsed or rejected without crashing) \(noExpectation)
            """)
        for line in rejectedOther { print("  rejected (valid case): \(line)") }
        for line in wrong { print("  WRONG: \(line)") }
        for id in invalidAccepted { print("  INVALID ACCEPTED: \(id)") }
        #expect(wrong.isEmpty, "cases parsed to a different value: \(wrong)")
        #expect(invalidAccepted.isEmpty, "invalid cases accepted: \(invalidAccepted)")
        #expect(matched >= 200, "the subset should match most valid single-document cases")
        #expect(matched == 211, "209 cases as the suite reads them and the PyYAML values of \(Self.pyYAMLValues.keys.sorted())")
        #expect(invalidRejected == 94)
    }

    static func run(_ testCase: Case) throws -> Outcome {
        let directory = testCase.directory
        let yaml = String(decoding: try Data(contentsOf: directory.appendingPathComponent("in.yaml")), as: UTF8.self)
        let parsed: Result<YAMLNode?, YAMLError>
        do {
            parsed = .success(try YAMLParser.parse(yaml, file: "in.yaml"))
        } catch {
            parsed = .failure(error)
        }
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("error").path) {
            if case .success = parsed { return .invalidAccepted }
            return .invalidRejected
        }
        let jsonURL = directory.appendingPathComponent("in.json")
        guard FileManager.default.fileExists(atPath: jsonURL.path) else { return .noExpectation }
        let expectedText = try pyYAMLValues[testCase.id] ?? String(decoding: Data(contentsOf: jsonURL), as: UTF8.self)
        let expected = try splitJSONValues(expectedText).map { try JSONParser.parse($0) }
        switch parsed {
        case .failure(let error):
            return error.isUnsupportedFeature ? .rejectedUnsupported(error.message) : .rejectedOther(error.message)
        case .success(nil):
            return expected.isEmpty ? .matched : .wrong("parsed as an empty stream, expected \(expected.count) document(s)")
        case .success(let node?):
            guard expected.count == 1 else { return .wrong("parsed one document, expected \(expected.count)") }
            let actual = node.jsonValue
            guard matches(actual, expected[0]) else {
                return .wrong("got \(JSONWriter.render(actual, pretty: false)), expected \(JSONWriter.render(expected[0], pretty: false))")
            }
            return .matched
        }
    }

    /// Whether the parser's value equals the suite's JSON under the rules in the suite comment.
    static func matches(_ actual: JSONValue, _ expected: JSONValue) -> Bool {
        switch (actual, expected) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .int(b)): return a == Double(b)
        case let (.double(a), .double(b)): return a == b
        case let (.array(a), .array(b)):
            return a.count == b.count && zip(a, b).allSatisfy { matches($0, $1) }
        case let (.object(a), .object(b)):
            guard a.count == b.count, Set(a.map(\.0)).count == a.count else { return false }
            return a.allSatisfy { key, value in
                b.first { $0.0 == key }.map { matches(value, $0.1) } ?? false
            }
        default: return false
        }
    }

    /// `in.json` holds one JSON value per document, one after another: split them.
    static func splitJSONValues(_ text: String) throws -> [String] {
        let scalars = Array(text.unicodeScalars)
        var values: [String] = []
        var index = 0
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" }
        while index < scalars.count {
            if isSpace(scalars[index]) {
                index += 1
                continue
            }
            let start = index
            var depth = 0
            var inString = false
            repeat {
                let scalar = scalars[index]
                if inString {
                    if scalar == "\\" { index += 1 } else if scalar == "\"" { inString = false }
                } else if scalar == "\"" {
                    inString = true
                } else if scalar == "[" || scalar == "{" {
                    depth += 1
                } else if scalar == "]" || scalar == "}" {
                    depth -= 1
                }
                index += 1
                // A bare scalar (number, true, null) runs to the next space or bracket.
                let isBare = depth == 0 && !inString && scalars[start] != "\"" && scalars[start] != "[" && scalars[start] != "{"
                if isBare, index < scalars.count, !isSpace(scalars[index]), !"[]{}\"".unicodeScalars.contains(scalars[index]) { continue }
                if depth == 0, !inString { break }
            } while index < scalars.count
            values.append(String(String.UnicodeScalarView(scalars[start..<index])))
        }
        return values
    }
}
