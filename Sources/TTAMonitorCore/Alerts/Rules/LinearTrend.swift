/// An ordinary least-squares line through (time, value) samples.
struct LinearTrend: Sendable, Equatable {
    /// Value per millisecond.
    var slope: Double
    /// The fitted value at `origin`.
    var valueAtOrigin: Double
    /// The time (ms) the fit is centred on; keeps the sums small and exact enough.
    var origin: Int64

    /// The fit, or nil with fewer than two distinct times.
    init?(_ samples: [MetricSeries.Sample]) {
        guard samples.count >= 2, let first = samples.first else { return nil }
        origin = first.ts
        let n = Double(samples.count)
        var sumX = 0.0, sumY = 0.0
        for sample in samples {
            sumX += Double(sample.ts - origin)
            sumY += sample.value
        }
        let meanX = sumX / n, meanY = sumY / n
        var sxx = 0.0, sxy = 0.0
        for sample in samples {
            let dx = Double(sample.ts - origin) - meanX
            sxx += dx * dx
            sxy += dx * (sample.value - meanY)
        }
        guard sxx > 0 else { return nil }
        slope = sxy / sxx
        valueAtOrigin = meanY - slope * meanX
    }

    /// The fitted value at `time` (ms).
    func value(at time: Int64) -> Double { valueAtOrigin + slope * Double(time - origin) }

    /// When the line reaches `level` (ms), nil when it is flat.
    func time(reaching level: Double) -> Int64? {
        guard slope != 0 else { return nil }
        let offset = (level - valueAtOrigin) / slope
        guard offset.isFinite, abs(offset) < 1e15 else { return nil }
        return origin + Int64(offset.rounded())
    }
}
