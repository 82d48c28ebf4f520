/// Lays content out top to bottom over A4 pages: a cursor, a new page when the next block
/// does not fit, and (once all pages exist) a footer on each with "Page i of n".
final class PDFPageFlow {
    /// A4 portrait, in points.
    static let pageWidth = 595.28, pageHeight = 841.89
    /// Space kept free around the content.
    static let margin = 48.0
    /// Height reserved at the bottom for the footer.
    static let footerHeight = 28.0

    /// Finished and current pages.
    private(set) var pages: [PDFCanvas] = []
    /// The current vertical position (top-down).
    var y = margin

    /// Left and right edges of the content area.
    var left: Double { Self.margin }
    var right: Double { Self.pageWidth - Self.margin }
    var contentWidth: Double { right - left }
    /// The lowest y content may reach.
    var bottom: Double { Self.pageHeight - Self.margin - Self.footerHeight }

    init() { newPage() }

    /// Starts a new page and puts the cursor at its top.
    func newPage() {
        pages.append(PDFCanvas(pageHeight: Self.pageHeight))
        y = Self.margin
    }

    /// Starts a new page unless `height` more points fit on this one.
    func ensure(_ height: Double) {
        if y + height > bottom { newPage() }
    }

    /// Draws on the current page.
    func draw(_ body: (inout PDFCanvas) -> Void) {
        body(&pages[pages.count - 1])
    }

    /// A section heading with a rule under it.
    func heading(_ text: String) {
        ensure(60)
        y += 10
        draw { canvas in
            canvas.text(text, x: left, y: y + 12, font: .bold, size: 13, color: .accent)
            canvas.line(from: (left, y + 17), to: (right, y + 17), color: .rule)
        }
        y += 26
    }

    /// A paragraph, wrapped to the content width.
    func paragraph(_ text: String, size: Double = 9.5, font: PDFFont = .regular, color: PDFCanvas.Color = .text) {
        for line in TextWrapper.wrap(text, width: contentWidth, font: font, size: size) {
            ensure(size * 1.35)
            draw { $0.text(line, x: left, y: y + size, font: font, size: size, color: color) }
            y += size * 1.35
        }
    }

    /// Adds the footer (title left, "Page i of n" right) to every page.
    func addFooters(title: String) {
        let count = pages.count
        for index in pages.indices {
            let baseline = Self.pageHeight - Self.margin + 4
            pages[index].line(from: (left, baseline - 12), to: (right, baseline - 12), color: .rule)
            pages[index].text(title, x: left, y: baseline, size: 8, color: .muted)
            pages[index].textRight("Page \(index + 1) of \(count)", right: right, y: baseline, size: 8, color: .muted)
        }
    }
}
