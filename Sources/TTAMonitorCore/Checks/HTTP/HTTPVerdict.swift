/// Judges a completed HTTP exchange against a check's expectations, in the order a person
/// would look: status, then body, then JSON fields, then latency. The first failure wins.
enum HTTPVerdict {
    /// The verdict and message for `response`, which must have completed.
    static func judge(_ response: HTTPProbeResponse, spec: HTTPCheckSpec) -> (status: CheckStatus, message: String) {
        if let problem = statusProblem(response.statusCode, expected: spec.expectedStatuses)
            ?? bodyProblem(response, contains: spec.bodyContains)
            ?? jsonProblem(response.body, expectations: spec.jsonEquals) {
            return (.critical, problem)
        }
        let total = response.timings.totalMs
        if let thresholds = spec.latencyMs {
            switch thresholds.status(for: total) {
            case .critical:
                return (.critical, "latency \(milliseconds(total)) ms ≥ critical \(milliseconds(thresholds.critical!)) ms")
            case .warning:
                return (.warning, "latency \(milliseconds(total)) ms ≥ warning \(milliseconds(thresholds.warning!)) ms")
            default: break
            }
        }
        return (.ok, "HTTP \(response.statusCode) in \(milliseconds(total)) ms")
    }

    /// Whole milliseconds, except below 10 ms where a decimal still says something.
    static func milliseconds(_ value: Double) -> String {
        value < 10 ? JSONWriter.format((value * 10).rounded() / 10) : String(Int64(value.rounded()))
    }

    private static func statusProblem(_ status: Int, expected: [Int]) -> String? {
        if expected.isEmpty {
            return (200..<400).contains(status) ? nil : "HTTP \(status) (expected 2xx or 3xx)"
        }
        return expected.contains(status) ? nil : "HTTP \(status) (expected \(alternatives(expected.map(String.init))))"
    }

    private static func bodyProblem(_ response: HTTPProbeResponse, contains needle: String?) -> String? {
        guard let needle, !needle.isEmpty else { return nil }
        if response.body.firstRange(of: Array(needle.utf8)) != nil { return nil }
        let searched = response.bodyBytesSeen > response.body.count
            ? " (searched the first \(response.body.count) of \(response.bodyBytesSeen) bytes)" : ""
        return "body does not contain '\(quoted(needle))'\(searched)"
    }

    private static func jsonProblem(_ body: [UInt8], expectations: [JSONExpectation]) -> String? {
        guard !expectations.isEmpty else { return nil }
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes: body)
        } catch {
            return body.isEmpty ? "body is empty, expected JSON" : "body is not JSON: \(error)"
        }
        for expectation in expectations {
            guard let value = document.value(atDottedPath: expectation.path) else {
                return "json '\(expectation.path)' is missing, expected '\(quoted(expectation.expected))'"
            }
            guard let text = value.scalarText else {
                let shape = if case .array = value { "an array" } else { "an object" }
                return "json '\(expectation.path)' is \(shape), expected '\(quoted(expectation.expected))'"
            }
            if text != expectation.expected {
                return "json '\(expectation.path)' is '\(quoted(text))', expected '\(quoted(expectation.expected))'"
            }
        }
        return nil
    }

    /// Keeps messages one short line whatever the body holds.
    private static func quoted(_ text: String) -> String {
        let line = text.map { $0.isNewline ? " " : String($0) }.joined()
        return line.count > 60 ? line.prefix(57) + "..." : line
    }

    private static func alternatives(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + items.last!
    }
}
