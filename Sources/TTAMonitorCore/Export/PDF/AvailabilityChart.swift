/// A horizontal bar chart of availability per component over the period, 0–100 % with
/// gridlines; bars are green at 99.9 % or more, amber from 99 %, red below, grey when
/// nothing was judged. Long lists continue on further pages with the axis repeated.
struct AvailabilityChart {
    private let barHeight = 10.0
    private let rowHeight = 15.0
    private let labelWidth = 150.0

    /// Draws one bar per component.
    func draw(_ components: [ComponentPeriodSummary], in flow: PDFPageFlow) {
        var index = 0
        while index < components.count {
            flow.ensure(rowHeight * 3 + 24)
            let available = Int((flow.bottom - flow.y - 24) / rowHeight)
            let count = max(1, min(components.count - index, available))
            drawBlock(Array(components[index..<index + count]), in: flow)
            index += count
        }
        if components.isEmpty { flow.paragraph("No components.", color: .muted) }
    }

    private func drawBlock(_ components: [ComponentPeriodSummary], in flow: PDFPageFlow) {
        let plotLeft = flow.left + labelWidth, plotRight = flow.right - 46
        let top = flow.y
        let plotBottom = top + Double(components.count) * rowHeight
        flow.draw { canvas in
            for tick in stride(from: 0, through: 100, by: 20) {
                let x = plotLeft + (plotRight - plotLeft) * Double(tick) / 100
                canvas.line(from: (x, top), to: (x, plotBottom), color: tick == 0 ? .muted : .rule, lineWidth: 0.3)
                canvas.textCentered("\(tick) %", center: x, y: plotBottom + 10, size: 6.5, color: .muted)
            }
            for (row, summary) in components.enumerated() {
                let y = top + Double(row) * rowHeight
                let name = TextWrapper.wrap(summary.state.name, width: labelWidth - 14, font: .regular, size: 7.5, maxLines: 1)[0]
                canvas.text(name, x: flow.left, y: y + 10, size: 7.5)
                guard let percent = summary.availabilityPercent else {
                    canvas.text("no data", x: plotLeft + 3, y: y + 10, size: 7, color: .muted)
                    continue
                }
                let color: PDFCanvas.Color = percent >= 99.9 ? .ok : percent >= 99 ? .warning : .critical
                let width = (plotRight - plotLeft) * percent / 100
                canvas.fill(x: plotLeft, y: y + (rowHeight - barHeight) / 2, width: max(0.5, width), height: barHeight, color: color)
                canvas.text(ExportTimeText.percent(percent), x: plotRight + 4, y: y + 10, size: 7, color: .text)
            }
        }
        flow.y = plotBottom + 18
    }
}
