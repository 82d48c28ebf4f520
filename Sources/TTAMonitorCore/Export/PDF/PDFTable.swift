/// A table that wraps long cell text and continues across pages, repeating its header row
/// on each page it spans.
struct PDFTable {
    /// One column: its title, its share of the width, and whether numbers align right.
    struct Column {
        var title: String
        var weight: Double
        var alignRight = false
    }

    var columns: [Column]
    /// Cell text size.
    var size = 8.0
    /// Lines a cell may take before it is cut with an ellipsis (a huge message must not
    /// take a whole page).
    var maxLinesPerCell = 12
    /// The column whose text takes the row's colour (a status), if colours are given.
    var tintColumn = 1

    private var lineHeight: Double { size * 1.3 }
    private let padding = 3.0

    /// Draws `rows` starting at the flow's cursor; `colors[i]` tints row i's `tintColumn`.
    func draw(_ rows: [[String]], colors: [PDFCanvas.Color?] = [], in flow: PDFPageFlow) {
        let total = columns.reduce(0) { $0 + $1.weight }
        let widths = columns.map { $0.weight / total * flow.contentWidth }
        var lefts: [Double] = []
        var x = flow.left
        for width in widths { lefts.append(x); x += width }

        func header() {
            let wrapped = columns.enumerated().map { index, column in
                TextWrapper.wrap(column.title, width: widths[index] - 2 * padding, font: .bold, size: size, maxLines: 3)
            }
            let height = Double(wrapped.map(\.count).max() ?? 1) * lineHeight + 2 * padding
            flow.ensure(height + lineHeight * 2 + 2 * padding)
            let top = flow.y
            flow.draw { canvas in
                canvas.fill(x: flow.left, y: top, width: flow.contentWidth, height: height, color: .headerFill)
                for (index, lines) in wrapped.enumerated() {
                    for (number, line) in lines.enumerated() {
                        let baseline = top + padding + Double(number) * lineHeight + size
                        if columns[index].alignRight {
                            let width = HelveticaMetrics.width(line, font: .bold, size: size)
                            canvas.text(line, x: lefts[index] + widths[index] - padding - width, y: baseline, font: .bold, size: size)
                        } else {
                            canvas.text(line, x: lefts[index] + padding, y: baseline, font: .bold, size: size)
                        }
                    }
                }
            }
            flow.y += height
        }

        header()
        var pageOfHeader = flow.pages.count
        for (rowIndex, row) in rows.enumerated() {
            let wrapped = row.enumerated().map { index, text in
                TextWrapper.wrap(text, width: widths[min(index, widths.count - 1)] - 2 * padding, font: .regular, size: size,
                                 maxLines: maxLinesPerCell)
            }
            let height = Double(wrapped.map(\.count).max() ?? 1) * lineHeight + 2 * padding
            if flow.y + height > flow.bottom {
                flow.newPage()
            }
            if flow.pages.count != pageOfHeader {
                header()
                pageOfHeader = flow.pages.count
            }
            let top = flow.y
            flow.draw { canvas in
                if rowIndex % 2 == 1 {
                    canvas.fill(x: flow.left, y: top, width: flow.contentWidth, height: height, color: .zebra)
                }
                for (index, lines) in wrapped.enumerated() where index < columns.count {
                    for (number, line) in lines.enumerated() {
                        let baseline = top + padding + Double(number) * lineHeight + size
                        let tint = (index == tintColumn && rowIndex < colors.count) ? (colors[rowIndex] ?? .text) : .text
                        if columns[index].alignRight {
                            let width = HelveticaMetrics.width(line, font: .regular, size: size)
                            canvas.text(line, x: lefts[index] + widths[index] - padding - width, y: baseline, size: size, color: tint)
                        } else {
                            canvas.text(line, x: lefts[index] + padding, y: baseline, size: size, color: tint)
                        }
                    }
                }
                canvas.line(from: (flow.left, top + height), to: (flow.right, top + height), color: .rule, lineWidth: 0.3)
            }
            flow.y += height
        }
        if rows.isEmpty {
            flow.paragraph("No rows in this period.", size: size, color: .muted)
        }
        flow.y += 8
    }
}
