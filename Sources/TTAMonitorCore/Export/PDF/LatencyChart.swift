/// Small-multiple latency charts, two per row: per component the mean latency of each
/// bucket of the period as a line (gaps where there were no results), with a y axis in ms
/// and the period's start, middle and end on the x axis.
struct LatencyChart {
    /// The buckets of the period.
    var buckets: ChartBuckets

    private let chartHeight = 92.0
    private let gap = 22.0

    /// Draws one chart per component, continuing onto new pages as needed.
    func draw(_ components: [ComponentPeriodSummary], in flow: PDFPageFlow) {
        let width = (flow.contentWidth - gap) / 2
        let blockHeight = chartHeight + 46
        for pairStart in stride(from: 0, to: components.count, by: 2) {
            flow.ensure(blockHeight)
            for offset in 0..<2 where pairStart + offset < components.count {
                let x = flow.left + Double(offset) * (width + gap)
                let top = flow.y
                flow.draw { drawOne(components[pairStart + offset], canvas: &$0, x: x, top: top, width: width) }
            }
            flow.y += blockHeight
        }
    }

    private func drawOne(_ summary: ComponentPeriodSummary, canvas: inout PDFCanvas, x: Double, top: Double, width: Double) {
        let axisWidth = 34.0
        let plotLeft = x + axisWidth, plotRight = x + width
        let plotTop = top + 16, plotBottom = top + 16 + chartHeight
        let p95 = summary.p95.map { "p95 " + Timestamps.latency($0) } ?? "no latency"
        let title = TextWrapper.wrap(summary.state.name, width: width - 80, font: .bold, size: 8.5, maxLines: 1)[0]
        canvas.text(title, x: x, y: top + 9, font: .bold, size: 8.5)
        canvas.textRight(p95, right: plotRight, y: top + 9, size: 7.5, color: .muted)

        let means = summary.buckets.map(\.meanLatency)
        let peak = means.compactMap { $0 }.max() ?? 0
        let scale = Self.niceCeiling(peak)
        canvas.stroke(x: plotLeft, y: plotTop, width: plotRight - plotLeft, height: chartHeight, color: .rule)
        for step in 0...4 {
            let value = scale * Double(step) / 4
            let y = plotBottom - chartHeight * Double(step) / 4
            if step > 0, step < 4 { canvas.line(from: (plotLeft, y), to: (plotRight, y), color: .zebra.darker, lineWidth: 0.3) }
            let label = Self.axisLabel(value) + (step == 4 ? " ms" : "")
            canvas.textRight(label, right: plotLeft - 3, y: y + 2.5, size: 6.5, color: .muted)
        }
        let labels = [buckets.start, buckets.start + buckets.length * Int64(buckets.count) / 2,
                      buckets.start + buckets.length * Int64(buckets.count)]
        for (index, time) in labels.enumerated() {
            let position = plotLeft + (plotRight - plotLeft) * Double(index) / 2
            canvas.line(from: (position, plotBottom), to: (position, plotBottom + 3), color: .muted)
            let text = ExportTimeText.short(time, span: buckets.length * Int64(buckets.count))
            switch index {
            case 0: canvas.text(text, x: position, y: plotBottom + 11, size: 6.5, color: .muted)
            case 2: canvas.textRight(text, right: position, y: plotBottom + 11, size: 6.5, color: .muted)
            default: canvas.textCentered(text, center: position, y: plotBottom + 11, size: 6.5, color: .muted)
            }
        }
        guard peak > 0 || means.contains(where: { $0 != nil }) else {
            canvas.textCentered("no results in this period", center: (plotLeft + plotRight) / 2,
                                y: (plotTop + plotBottom) / 2, size: 7.5, color: .muted)
            return
        }
        var runs: [[(Double, Double)]] = [[]]
        let step = (plotRight - plotLeft) / Double(max(1, buckets.count))
        for (index, mean) in means.enumerated() {
            guard let mean else {
                if !(runs.last?.isEmpty ?? true) { runs.append([]) }
                continue
            }
            let px = plotLeft + step * (Double(index) + 0.5)
            let py = plotBottom - (scale > 0 ? mean / scale : 0) * chartHeight
            runs[runs.count - 1].append((px, py))
        }
        canvas.polyline(runs, color: .accent, lineWidth: 0.9)
    }

    /// 1, 2 or 5 times a power of ten at or above `value` (0 stays 1).
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        while power > value { power /= 10 }
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where factor * power >= value { return factor * power }
        return 10 * power
    }

    /// An axis value without needless decimals.
    static func axisLabel(_ value: Double) -> String {
        value >= 10 || value == value.rounded() ? String(Int(value.rounded())) : Timestamps.formatFixed(value, digits: value < 1 ? 2 : 1)
    }
}

extension PDFCanvas.Color {
    /// A slightly darker shade (grid lines on white).
    var darker: PDFCanvas.Color { .init(red: red * 0.9, green: green * 0.9, blue: blue * 0.9) }
}
