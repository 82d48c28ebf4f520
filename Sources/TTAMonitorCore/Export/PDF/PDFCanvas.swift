/// The drawing operations of one page, as PDF content-stream text. Coordinates are points
/// from the page's top-left corner (y grows downwards, as layouts think); the canvas turns
/// them into PDF's bottom-left system.
struct PDFCanvas {
    /// The page height, for flipping y.
    let pageHeight: Double
    /// The content stream so far.
    private(set) var bytes: [UInt8] = []

    /// An RGB colour, components 0…1.
    struct Color: Sendable {
        var red: Double, green: Double, blue: Double
        static let black = Color(red: 0, green: 0, blue: 0)
        static let text = Color(red: 0.13, green: 0.13, blue: 0.15)
        static let muted = Color(red: 0.42, green: 0.44, blue: 0.48)
        static let rule = Color(red: 0.78, green: 0.8, blue: 0.83)
        static let headerFill = Color(red: 0.91, green: 0.93, blue: 0.96)
        static let zebra = Color(red: 0.97, green: 0.975, blue: 0.985)
        static let accent = Color(red: 0.16, green: 0.38, blue: 0.71)
        static let ok = Color(red: 0.18, green: 0.6, blue: 0.32)
        static let warning = Color(red: 0.9, green: 0.6, blue: 0.1)
        static let critical = Color(red: 0.8, green: 0.18, blue: 0.18)
        static let unknown = Color(red: 0.55, green: 0.55, blue: 0.6)

        /// The colour that stands for `status`.
        static func of(_ status: CheckStatus?) -> Color {
            switch status {
            case .ok?: .ok
            case .warning?: .warning
            case .critical?: .critical
            case .unknown?, nil: .unknown
            }
        }
    }

    /// Writes `text` (already WinAnsi) with its baseline at `y`.
    mutating func text(_ encoded: [UInt8], x: Double, y: Double, font: PDFFont = .regular, size: Double,
                       color: Color = .text) {
        append("BT \(rgb(color)) rg /\(font.resourceName) \(n(size)) Tf \(n(x)) \(n(pageHeight - y)) Td ")
        bytes += WinAnsiEncoding.literal(encoded)
        append(" Tj ET\n")
    }

    /// Writes `text`, encoding it first.
    mutating func text(_ text: String, x: Double, y: Double, font: PDFFont = .regular, size: Double, color: Color = .text) {
        self.text(WinAnsiEncoding.encode(text), x: x, y: y, font: font, size: size, color: color)
    }

    /// Writes `text` so that it ends at `right`.
    mutating func textRight(_ text: String, right: Double, y: Double, font: PDFFont = .regular, size: Double,
                            color: Color = .text) {
        let encoded = WinAnsiEncoding.encode(text)
        self.text(encoded, x: right - HelveticaMetrics.width(encoded, font: font, size: size), y: y, font: font,
                  size: size, color: color)
    }

    /// Writes `text` centred on `center`.
    mutating func textCentered(_ text: String, center: Double, y: Double, font: PDFFont = .regular, size: Double,
                               color: Color = .text) {
        let encoded = WinAnsiEncoding.encode(text)
        self.text(encoded, x: center - HelveticaMetrics.width(encoded, font: font, size: size) / 2, y: y, font: font,
                  size: size, color: color)
    }

    /// Fills a rectangle whose top-left corner is (x, y).
    mutating func fill(x: Double, y: Double, width: Double, height: Double, color: Color) {
        append("\(rgb(color)) rg \(n(x)) \(n(pageHeight - y - height)) \(n(width)) \(n(height)) re f\n")
    }

    /// Strokes a rectangle whose top-left corner is (x, y).
    mutating func stroke(x: Double, y: Double, width: Double, height: Double, color: Color, lineWidth: Double = 0.5) {
        append("\(rgb(color)) RG \(n(lineWidth)) w \(n(x)) \(n(pageHeight - y - height)) \(n(width)) \(n(height)) re S\n")
    }

    /// Draws a straight line.
    mutating func line(from: (Double, Double), to: (Double, Double), color: Color, lineWidth: Double = 0.5) {
        append("\(rgb(color)) RG \(n(lineWidth)) w \(n(from.0)) \(n(pageHeight - from.1)) m \(n(to.0)) \(n(pageHeight - to.1)) l S\n")
    }

    /// Draws connected segments through `points`; an empty run of points breaks the line.
    mutating func polyline(_ runs: [[(Double, Double)]], color: Color, lineWidth: Double = 1) {
        var path = "\(rgb(color)) RG \(n(lineWidth)) w 1 j "
        for run in runs where !run.isEmpty {
            path += "\(n(run[0].0)) \(n(pageHeight - run[0].1)) m "
            if run.count == 1 {
                // A lone point still shows: a tiny horizontal stroke.
                path += "\(n(run[0].0 + 1)) \(n(pageHeight - run[0].1)) l "
            }
            for point in run.dropFirst() { path += "\(n(point.0)) \(n(pageHeight - point.1)) l " }
            path += "S\n"
        }
        append(path)
    }

    private mutating func append(_ text: String) { bytes += Array(text.utf8) }

    private func rgb(_ color: Color) -> String { "\(n(color.red)) \(n(color.green)) \(n(color.blue))" }

    /// Two decimals are finer than any printer resolves; trailing zeros are dropped.
    func n(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        var text = Timestamps.formatFixed(value, digits: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
