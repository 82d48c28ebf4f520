/// The two base-14 fonts the report uses; neither is embedded (every viewer has them).
enum PDFFont: Sendable {
    case regular, bold

    /// The resource name in page content (`/F1`).
    var resourceName: String { self == .bold ? "F2" : "F1" }
    /// The PostScript name.
    var baseFont: String { self == .bold ? "Helvetica-Bold" : "Helvetica" }
}
