#if canImport(Glibc)
import Glibc
#endif

/// GPU power from `nvidia-smi`, when the tool is installed. CodeCarbon reads the same
/// counters through NVML (pynvml); `nvidia-smi` is NVML's own command-line client, so no
/// library has to be loaded here. Each sample asks for
/// `--query-gpu=index,name,power.draw,utilization.gpu --format=csv,noheader,nounits`;
/// energy is the time integral of the sampled power draw.
enum NvidiaSMIReader {
    /// The arguments after the program name.
    static let arguments = ["--query-gpu=index,name,power.draw,utilization.gpu", "--format=csv,noheader,nounits"]

    /// One GPU at one moment.
    struct Sample: Equatable, Sendable {
        var index: Int
        var name: String
        /// Board power in watts; nil when the driver reports `[N/A]` or `[Not Supported]`.
        var watts: Double?
        /// GPU utilisation in percent; nil when not reported.
        var utilizationPercent: Double?
    }

    /// Parses the CSV output, one GPU per line; lines that are not `index, name, power, util`
    /// are ignored (nvidia-smi prints driver errors as plain text).
    static func parse(_ output: String) -> [Sample] {
        output.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).compactMap { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters() }
            guard fields.count >= 4, let index = Int(fields[0]) else { return nil }
            // A name could contain a comma: everything between the index and the last two fields.
            let name = fields[1..<(fields.count - 2)].joined(separator: ",")
            return Sample(index: index, name: name, watts: number(fields[fields.count - 2]),
                          utilizationPercent: number(fields[fields.count - 1]))
        }
    }

    private static func number(_ text: String) -> Double? {
        guard let value = Double(text), value.isFinite, value >= 0 else { return nil }
        return value
    }

    /// The path of `nvidia-smi` in `PATH`, if any.
    static func locate(path: String?) -> String? {
        for directory in (path ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = String(directory) + "/nvidia-smi"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}

private extension Substring {
    func trimmingCharacters() -> String { String(self).trimmingWhitespace() }
}
