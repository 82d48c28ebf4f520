import Foundation
import Testing
@testable import TTAMonitorCore
#if canImport(Glibc)
import Glibc
#endif

/// Brief randomised and adversarial inputs: the parser must return or throw a line-numbered
/// error for anything, in time proportional to the input. The longer campaign runs under
/// libFuzzer (Tests/Fuzz/PrometheusTextFuzz).
///
/// Seconds of parsing would starve the timing-sensitive tests running beside these on a
/// 2-core machine, so the work runs one test at a time, on a thread of its own at the lowest
/// priority, and its time limits count that thread's CPU time rather than the wall clock.
@Suite(.serialized) struct PrometheusFuzzTests {
    /// Runs `work` on a fresh thread at nice 19 (on Linux a thread's own attribute) and
    /// returns its result with the CPU time it took.
    static func inBackground<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> (T, Duration) {
        try await offloaded {
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
            let start = threadCPUTime()
            let value = work()
            return (value, threadCPUTime() - start)
        }
    }

    static func threadCPUTime() -> Duration {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
    }

    /// Fragments that steer mutations into the grammar's corners.
    static let tokens: [[UInt8]] = [
        "{", "}", "\"", "\\", "\\\"", "\\n", "=", ",", "\n", " ", "\t", "\r\n", "#", "# EOF", "# EOF\n",
        "# TYPE h histogram\n", "# HELP h a\\\\b\n", "# UNIT h seconds\n", "NaN", "+Inf", "-Inf", "-", "e", "e+",
        ".", "1", "0", "9223372036854775808", "_bucket", "_count", "_sum", "_total", "le=\"", "quantile=\"",
        " # {a=\"b\"} 1 2", "\u{0}", "ü",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0x80]]

    static func mutate(_ input: [UInt8], corpus: [[UInt8]], using random: inout Selection.SplitMix) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...8, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0 where position < bytes.count:
                bytes[position] = UInt8.random(in: 0...255, using: &random)
            case 1:
                bytes.insert(contentsOf: tokens.randomElement(using: &random)!, at: position)
            case 2 where position < bytes.count:
                let length = Int.random(in: 1...min(64, bytes.count - position), using: &random)
                bytes.removeSubrange(position..<(position + length))
            case 3 where position < bytes.count:
                let length = Int.random(in: 1...min(256, bytes.count - position), using: &random)
                let copy = Array(bytes[position..<(position + length)])
                bytes.insert(contentsOf: copy, at: Int.random(in: 0...bytes.count, using: &random))
            case 4:
                bytes.removeSubrange(position...)
            case 5:
                let other = corpus.randomElement(using: &random)!
                guard !other.isEmpty else { break }
                let start = Int.random(in: 0..<other.count, using: &random)
                let end = min(other.count, start + Int.random(in: 1...512, using: &random))
                bytes.insert(contentsOf: other[start..<end], at: position)
            default:
                bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
            }
        }
        return bytes
    }

    /// Parses `bytes` and checks what came back is consistent with the input.
    static func exercise(_ bytes: [UInt8]) -> String? {
        let lines = bytes.reduce(1) { $1 == 10 ? $0 + 1 : $0 }
        do {
            let page = try PrometheusTextParser.parse(bytes)
            if page.sampleCount > lines { return "\(page.sampleCount) samples from \(lines) lines" }
        } catch {
            if error.line < 1 || error.line > lines { return "error on line \(error.line) of \(lines): \(error)" }
            if error.message.isEmpty { return "empty error message" }
        }
        return nil
    }

    @Test func mutatedPagesParseOrFailCleanly() async throws {
        let exporter = try await NodeExporterProcess.start()
        defer { exporter.stop() }
        let response = await HTTPProbe.perform(HTTPProbeRequest(url: exporter.metricsURL, timeout: .seconds(10)))
        try #require(response.statusCode == 200)
        let nodePage = response.body
        let corpus = [nodePage] + [PrometheusFixtures.tta, PrometheusFixtures.documentation, PrometheusFixtures.openMetrics].map { Array($0.utf8) }

        let seed: UInt64 = 0x7A7A_2026
        let ((iterations, problem), _) = try await Self.inBackground { () -> (Int, String?) in
            var random = Selection.SplitMix(seed: seed)   // seeded: a failure reproduces from the seed
            let start = Self.threadCPUTime()
            var iterations = 0
            while iterations < 4_000 && Self.threadCPUTime() - start < .seconds(8) {
                var input = corpus.randomElement(using: &random)!
                // Windows of the exporter's page keep each round cheap; a few rounds take it whole.
                if input.count > 4_096 && iterations % 200 != 0 {
                    let from = Int.random(in: 0..<(input.count - 4_096), using: &random)
                    input = Array(input[from..<(from + 4_096)])
                }
                let mutated = Self.mutate(input, corpus: corpus, using: &random)
                if let problem = Self.exercise(mutated) {
                    return (iterations, "seed \(seed) iteration \(iterations): \(problem)")
                }
                iterations += 1
            }
            return (iterations, nil)
        }
        #expect(problem == nil)
        #expect(iterations >= 1_000, "only \(iterations) iterations in the time budget")
    }

    /// Inputs built to make a careless parser take quadratic time or deep recursion.
    enum Adversary: String, CaseIterable, Sendable {
        case openingBraces, hundredThousandLabels, hundredThousandEqualLabels, megabyteOfDigits, backslashLabelValue,
             unterminatedLabelValue, manyFamilies, interleavedHistogram, megabyteOfNewlines, megabyteComment

        var input: [UInt8] {
            let text = switch self {
            case .openingBraces: String(repeating: "{", count: 1 << 20)
            case .hundredThousandLabels: "m{" + (0..<100_000).map { "l\($0)=\"v\"" }.joined(separator: ",") + "} 1\n"
            case .hundredThousandEqualLabels: "m{" + String(repeating: "a=\"v\",", count: 100_000) + "} 1\n"
            case .megabyteOfDigits: "m " + String(repeating: "9", count: 1 << 20) + "\n"
            case .backslashLabelValue: "m{a=\"" + String(repeating: "\\\\", count: 1 << 19) + "\"} 1\n"
            case .unterminatedLabelValue: "m{a=\"" + String(repeating: "x", count: 1 << 20)
            case .manyFamilies: (0..<25_000).map { "# TYPE f\($0) gauge\nf\($0) 1\n" }.joined()
            case .interleavedHistogram:
                "# TYPE h histogram\n# TYPE g gauge\n" + String(repeating: "h_bucket{le=\"1\"} 1\ng 2\n", count: 25_000)
            case .megabyteOfNewlines: String(repeating: "\n", count: 1 << 20)
            case .megabyteComment: "# " + String(repeating: "HELP ", count: 200_000)
            }
            return Array(text.utf8)
        }
    }

    @Test(arguments: Adversary.allCases)
    func adversarialInputsFinishQuickly(adversary: Adversary) async throws {
        let (problem, cpuTime) = try await Self.inBackground { Self.exercise(adversary.input) }
        #expect(problem == nil)
        #expect(cpuTime < .seconds(3), "took \(cpuTime) of CPU time")
    }
}
