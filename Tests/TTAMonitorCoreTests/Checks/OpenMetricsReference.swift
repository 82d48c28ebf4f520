import Foundation
@testable import TTAMonitorCore

/// `prometheus_client`'s OpenMetrics parser, run through scripts/openmetrics-reference.py,
/// as the reference the tests compare parsed pages with.
enum OpenMetricsReference {
    struct Sample {
        var name: String
        var labels: [String: String]
        var value: Double
        var timestampMs: Double?
    }

    /// The reference's samples for each page it accepts, by path; nil (with a notice) where
    /// python3 or prometheus_client is missing.
    static func read(_ pages: [String], text: Bool = false) throws -> [String: [Sample]]? {
        let check = try CodeCarbonFixture.python(["-c", "import prometheus_client.openmetrics.parser"])
        guard check.code == 0 else {
            print("OpenMetricsReference: python3 with prometheus_client not found (pip install prometheus_client); comparison skipped")
            return nil
        }
        let script = OpenMetricsConformanceTests.packageRoot.appendingPathComponent("scripts/openmetrics-reference.py").path
        let run = try CodeCarbonFixture.python([script] + (text ? ["--text"] : []) + pages)
        guard run.code == 0 else { throw CodeCarbonFixture.FixtureError(message: "reference parser failed: \(run.output)") }
        var result: [String: [Sample]] = [:]
        for line in run.output.split(separator: "\n") {
            let json = try JSONParser.parse(String(line))
            guard case .string(let path)? = json["path"], case .bool(true)? = json["ok"],
                  case .array(let samples)? = json["samples"] else { continue }
            result[path] = samples.compactMap(sample)
        }
        return result
    }

    private static func sample(_ json: JSONValue) -> Sample? {
        guard case .array(let parts) = json, parts.count == 4, case .string(let name) = parts[0],
              case .object(let labels) = parts[1], case .string(let value) = parts[2] else { return nil }
        var labelMap: [String: String] = [:]
        for (key, value) in labels { if case .string(let text) = value { labelMap[key] = text } }
        let number: Double = switch value {
        case "nan": .nan
        case "inf": .infinity
        case "-inf": -.infinity
        default: Double(value) ?? .nan
        }
        return Sample(name: name, labels: labelMap, value: number, timestampMs: parts[3].number)
    }

    /// Where `actual` differs from `expected` (names, labels, values, NaN = NaN, timestamps;
    /// a timestamp beyond the store's range must be left to the scrape time), or nil.
    /// The reference keeps repeats at distinct nanoseconds; the store holds milliseconds, so
    /// a repeat in the same millisecond is compared as dropped (the first stands).
    static func difference(_ actual: [PrometheusSample], _ reference: [Sample]) -> String? {
        var seen: Set<String> = []
        let expected = reference.filter { sample in
            guard let time = sample.timestampMs else { return true }
            let key = sample.name + "\(sample.labels.sorted { $0.key < $1.key })" + "@\(time.rounded())"
            return seen.insert(key).inserted
        }
        guard actual.count == expected.count else { return "\(actual.count) samples, reference \(expected.count)" }
        for (ours, theirs) in zip(actual, expected) {
            let labels = Dictionary(ours.labels, uniquingKeysWith: { first, _ in first })
            let sameValue = ours.value == theirs.value || (ours.value.isNaN && theirs.value.isNaN)
            let sameTime: Bool
            if let reference = theirs.timestampMs {
                sameTime = abs(reference) < 9.2e18 ? ours.timestampMs.map(Double.init) == reference : ours.timestampMs == nil
            } else {
                sameTime = ours.timestampMs == nil
            }
            guard ours.name == theirs.name, labels == theirs.labels, sameValue, sameTime else {
                return "\(ours.name)\(ours.labels) \(ours.value) @\(String(describing: ours.timestampMs)) vs reference "
                    + "\(theirs.name)\(theirs.labels) \(theirs.value) @\(String(describing: theirs.timestampMs))"
            }
        }
        return nil
    }
}
