/// The structure of an OpenMetrics histogram or gauge histogram, per label group: buckets with
/// an `le` in increasing order and values that never decrease, a closing `+Inf` bucket,
/// `_count` (`_gcount`) equal to it, `_sum` (`_gsum`) and the count together or not at all,
/// and no NaN or negative count. A histogram with a negative bucket has no `_sum`; a gauge
/// histogram's `_gsum` may be negative only when it has one.
enum OpenMetricsHistogramRules {
    private struct Group {
        var firstLine: Int
        var lastLe = -Double.infinity
        var lastBucket = 0.0
        var infinityBucket: Double?
        var hasBuckets = false
        var negativeBucket = false
        var count: (value: Double, line: Int)?
        var sum: (value: Double, line: Int)?
    }

    /// Checks an ended family of type histogram or gaugehistogram.
    static func check(_ open: OpenMetricsOpenFamily) throws(PrometheusParseError) {
        let family = open.family
        let gauge = family.type == .gaugehistogram
        var group: Group?
        var groupKey: String?
        for (index, sample) in family.samples.enumerated() {
            let line = open.lines[index]
            let key = OpenMetricsOpenFamily.key(sample.labels, without: ["le"])
            if key != groupKey {
                if let group { try finish(group, family: family, gauge: gauge) }
                group = Group(firstLine: line)
                groupKey = key
            }
            let suffix = String(sample.name.dropFirst(family.name.count))
            func failure(_ message: String) -> PrometheusParseError { PrometheusParseError(line: line, message: message) }
            switch suffix {
            case "_bucket":
                if let problem = OpenMetricsFamilyRules.countProblem(sample) { throw failure(problem) }
                guard let text = sample.label("le") else { throw failure("\(sample.name) has no 'le' label") }
                guard let le = PrometheusNumber.labelNumber(text), !le.isNaN else {
                    throw failure("\(sample.name) has le '\(text)' (a number or +Inf)")
                }
                guard group?.infinityBucket == nil, le > group!.lastLe else {
                    throw failure("the buckets of \(family.name) are out of order at le=\"\(text)\"")
                }
                guard sample.value >= group!.lastBucket else {
                    throw failure("bucket le=\"\(text)\" of \(family.name) is below the bucket before it")
                }
                group!.hasBuckets = true
                group!.lastLe = le
                group!.lastBucket = sample.value
                if le < 0 { group!.negativeBucket = true }
                if le == .infinity { group!.infinityBucket = sample.value }
            case "_count", "_gcount":
                if let problem = OpenMetricsFamilyRules.countProblem(sample) { throw failure(problem) }
                group!.count = (sample.value, line)
            case "_sum", "_gsum":
                if sample.value.isNaN { throw failure("\(sample.name) is NaN") }
                group!.sum = (sample.value, line)
            default:
                break
            }
        }
        if let group { try finish(group, family: family, gauge: gauge) }
    }

    private static func finish(_ group: Group, family: PrometheusFamily, gauge: Bool) throws(PrometheusParseError) {
        let countName = family.name + (gauge ? "_gcount" : "_count")
        let sumName = family.name + (gauge ? "_gsum" : "_sum")
        guard let infinity = group.infinityBucket else {
            let onlyCreated = !group.hasBuckets && group.count == nil && group.sum == nil
            if onlyCreated { return }
            throw PrometheusParseError(line: group.firstLine, message: "\(family.name) has no le=\"+Inf\" bucket")
        }
        if let count = group.count, count.value != infinity {
            throw PrometheusParseError(line: count.line, message: "\(countName) is \(PrometheusSeriesText.number(count.value)), "
                + "not the +Inf bucket's \(PrometheusSeriesText.number(infinity))")
        }
        switch (group.count, group.sum) {
        case (.some(let count), nil):
            throw PrometheusParseError(line: count.line, message: "\(countName) without \(sumName)")
        case (nil, .some(let sum)):
            throw PrometheusParseError(line: sum.line, message: "\(sumName) without \(countName)")
        default:
            break
        }
        guard let sum = group.sum else { return }
        if !gauge && group.negativeBucket {
            throw PrometheusParseError(line: sum.line, message: "\(sumName) in a histogram with negative buckets")
        }
        if sum.value < 0 && !group.negativeBucket {
            throw PrometheusParseError(line: sum.line, message: "\(sumName) is negative without negative buckets")
        }
    }
}
