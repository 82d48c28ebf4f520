/// The figures of /proc/meminfo the memory check judges, in bytes.
struct MemInfo: Sendable, Equatable {
    var totalBytes: Int64
    /// What the kernel estimates can be allocated without swapping (`MemAvailable`).
    var availableBytes: Int64
    var buffersBytes: Int64
    var cachedBytes: Int64
    var swapTotalBytes: Int64
    var swapFreeBytes: Int64

    var usedBytes: Int64 { max(0, totalBytes - availableBytes) }
    var swapUsedBytes: Int64 { max(0, swapTotalBytes - swapFreeBytes) }

    /// Used share of memory; page cache the kernel can drop does not count as used.
    var usedPercent: Double { totalBytes > 0 ? Double(usedBytes) / Double(totalBytes) * 100 : 0 }

    /// Used share of swap; 0 when the machine has none.
    var swapUsedPercent: Double { swapTotalBytes > 0 ? Double(swapUsedBytes) / Double(swapTotalBytes) * 100 : 0 }

    /// Parses the file's `Key:   123 kB` lines; nil without `MemTotal`.
    static func parse(_ text: String) -> MemInfo? {
        var fields: [Substring: Int64] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let words = line[line.index(after: colon)...].split(separator: " ")
            guard let number = words.first.flatMap({ Int64($0) }) else { continue }
            let multiplier: Int64 = words.count > 1 && words[1] == "kB" ? 1_024 : 1
            fields[line[..<colon]] = number.multipliedReportingOverflow(by: multiplier).partialValue
        }
        guard let total = fields["MemTotal"] else { return nil }
        let buffers = fields["Buffers"] ?? 0
        let cached = fields["Cached"] ?? 0
        // Kernels before 3.14 lack MemAvailable; free + buffers + cache is the old estimate.
        let available = fields["MemAvailable"] ?? ((fields["MemFree"] ?? 0) + buffers + cached)
        return MemInfo(totalBytes: total, availableBytes: min(available, total), buffersBytes: buffers,
                       cachedBytes: cached, swapTotalBytes: fields["SwapTotal"] ?? 0,
                       swapFreeBytes: fields["SwapFree"] ?? 0)
    }
}
