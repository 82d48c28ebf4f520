/// RAM power as CodeCarbon 3.3.2 estimates it (`external/ram.py`, machine tracking): a DIMM
/// count guessed from the total size, 5 W per DIMM on x86 (1.5 W on ARM), with smaller
/// marginal power past 4, 8 and 16 DIMMs, and at least two DIMMs' worth (3 W on ARM).
enum RAMPowerModel {
    /// DIMMs for `totalGiB` of memory (CodeCarbon's `_estimate_dimm_count`; its "GB" is GiB).
    static func dimmCount(totalGiB: Double) -> Int {
        if totalGiB <= 2 { return 1 }
        if totalGiB <= 16 { return 2 }
        if totalGiB <= 32 { return 4 }
        if totalGiB <= 64 { return 4 }
        if totalGiB <= 128 { return 8 }
        // Large servers: the largest common DIMM size with at least 8 slots, at most 32 DIMMs.
        for size in [128.0, 64, 32, 16, 8, 4] where size <= totalGiB / 8 {
            return min(Int((totalGiB / size).rounded(.up)), 32)
        }
        return 8
    }

    /// Watts for `totalGiB` of memory.
    static func watts(totalGiB: Double, arm: Bool = false) -> Double {
        let count = Double(dimmCount(totalGiB: totalGiB))
        let perDIMM = arm ? 1.5 : 5.0
        let minimum = arm ? 3.0 : perDIMM * 2
        let total: Double
        if count <= 4 {
            total = perDIMM * count
        } else if count <= 8 {
            total = perDIMM * 4 + perDIMM * 0.9 * (count - 4)
        } else if count <= 16 {
            total = perDIMM * 4 + perDIMM * 0.9 * 4 + perDIMM * 0.8 * (count - 8)
        } else {
            total = perDIMM * 4 + perDIMM * 0.9 * 4 + perDIMM * 0.8 * 8 + perDIMM * 0.7 * (count - 16)
        }
        return max(minimum, total)
    }

    /// `MemTotal` of `/proc/meminfo` in GiB.
    static func totalGiB(meminfo: String) -> Double? {
        guard let line = meminfo.split(separator: "\n").first(where: { $0.hasPrefix("MemTotal:") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return nil }
        return kilobytes * 1_024 / 1_073_741_824
    }
}
