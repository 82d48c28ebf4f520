import Foundation
import Testing
@testable import TTAMonitorCore

/// Runs every case of the OpenMetrics parser test suite (../shared/conformance/openmetrics,
/// or $TTA_OPENMETRICS_SUITE) through the OpenMetrics parser, and compares every accepted
/// page with `prometheus_client`'s reference parser sample by sample.
///
/// The bar (see the suite's README): all valid cases accepted, at least 150 of the 167
/// invalid ones refused with a line-numbered error, and no accepted page whose samples differ
/// from the reference's.
@Suite struct OpenMetricsConformanceTests {
    struct Case {
        var id: String
        var page: URL
        var shouldParse: Bool
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static var suiteDirectory: URL {
        if let path = ProcessInfo.processInfo.environment["TTA_OPENMETRICS_SUITE"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance/openmetrics/cases")
    }

    static func cases() -> [Case]? {
        let suite = suiteDirectory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: suite.path) else {
            print("OpenMetricsConformanceTests: suite not found at \(suite.path); skipped (set TTA_OPENMETRICS_SUITE)")
            return nil
        }
        return names.sorted().compactMap { name in
            let directory = suite.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: directory.appendingPathComponent("test.json")),
                  let json = try? JSONParser.parse(bytes: Array(data)), case .bool(let shouldParse)? = json["shouldParse"] else {
                return nil
            }
            return Case(id: name, page: directory.appendingPathComponent("metrics"), shouldParse: shouldParse)
        }
    }

    static func parse(_ testCase: Case) throws -> Result<PrometheusExposition, PrometheusParseError> {
        let bytes = Array(try Data(contentsOf: testCase.page))
        do throws(PrometheusParseError) {
            return .success(try PrometheusTextParser.parse(bytes, openMetrics: true))
        } catch {
            return .failure(error)
        }
    }

    @Test func validCasesAreAcceptedAndInvalidOnesRefusedWithTheirLine() throws {
        guard let cases = Self.cases() else { return }
        #expect(cases.count == 211, "expected the whole suite, found \(cases.count) cases")
        var validAccepted = 0, invalidRejected = 0
        var validRefused: [String] = [], invalidAccepted: [String] = []
        for testCase in cases {
            let result = try Self.parse(testCase)
            switch (testCase.shouldParse, result) {
            case (true, .success): validAccepted += 1
            case (true, .failure(let error)): validRefused.append("\(testCase.id): \(error)")
            case (false, .failure(let error)):
                invalidRejected += 1
                #expect(error.line >= 1, "\(testCase.id): \(error)")
            case (false, .success): invalidAccepted.append(testCase.id)
            }
        }
        let valid = cases.filter(\.shouldParse).count
        print("OpenMetrics conformance (\(cases.count) cases): valid accepted \(validAccepted)/\(valid), "
            + "invalid rejected \(invalidRejected)/\(cases.count - valid)")
        for line in validRefused { print("  VALID REFUSED: \(line)") }
        for id in invalidAccepted { print("  invalid accepted: \(id)") }
        #expect(validRefused.isEmpty)
        #expect(invalidRejected >= 150)
    }

    @Test func acceptedPagesHoldTheReferenceParsersSamples() throws {
        guard let cases = Self.cases() else { return }
        var accepted: [(Case, PrometheusExposition)] = []
        for testCase in cases {
            if case .success(let exposition) = try Self.parse(testCase) { accepted.append((testCase, exposition)) }
        }
        guard let reference = try OpenMetricsReference.read(accepted.map(\.0.page.path)) else { return }
        var mismatches: [String] = []
        for (testCase, exposition) in accepted {
            guard let expected = reference[testCase.page.path] else {
                mismatches.append("\(testCase.id): the reference parser refused it")
                continue
            }
            let actual = exposition.families.flatMap(\.samples)
            if let difference = OpenMetricsReference.difference(actual, expected) {
                mismatches.append("\(testCase.id): \(difference)")
            }
        }
        print("OpenMetrics reference comparison: \(accepted.count) accepted pages, \(mismatches.count) value mismatches")
        for line in mismatches { print("  MISMATCH: \(line)") }
        #expect(mismatches.isEmpty)
        #expect(accepted.count >= 44)
    }
}
