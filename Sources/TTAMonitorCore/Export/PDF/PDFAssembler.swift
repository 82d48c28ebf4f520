/// Turns laid-out pages into a PDF file: catalog, page tree, one content stream per page,
/// the two Helvetica fonts with WinAnsi encoding, and the document information dictionary
/// (Title, Producer, CreationDate).
enum PDFAssembler {
    /// The file's bytes.
    static func assemble(pages: [PDFCanvas], title: String, producer: String, created: Int64) -> [UInt8] {
        var file = PDFFileWriter()
        let catalog = file.reserve()
        let pageTree = file.reserve()
        let regular = file.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        let bold = file.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
        let resources = file.add("<< /Font << /F1 \(regular) 0 R /F2 \(bold) 0 R >> /ProcSet [/PDF /Text] >>")
        var kids: [Int] = []
        for page in pages {
            let content = file.addStream(page.bytes)
            kids.append(file.add("""
                << /Type /Page /Parent \(pageTree) 0 R /MediaBox [0 0 \(PDFPageFlow.pageWidth) \(PDFPageFlow.pageHeight)] \
                /Resources \(resources) 0 R /Contents \(content) 0 R >>
                """))
        }
        file.set(pageTree, "<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(kids.count) >>")
        file.set(catalog, "<< /Type /Catalog /Pages \(pageTree) 0 R >>")
        var info = Array("<< /Title ".utf8) + WinAnsiEncoding.literal(WinAnsiEncoding.encode(title))
        info += Array(" /Producer ".utf8) + WinAnsiEncoding.literal(WinAnsiEncoding.encode(producer))
        info += Array(" /Creator (tta-monitor) /CreationDate (\(pdfDate(created))) >>".utf8)
        let infoObject = file.reserve()
        file.set(infoObject, info)
        return file.render(root: catalog, info: infoObject)
    }

    /// `D:20261123103400Z`, the PDF date format, in UTC.
    static func pdfDate(_ milliseconds: Int64) -> String {
        let text = Timestamps.rfc3339(milliseconds: milliseconds)
        let digits = text.prefix(19).filter(\.isNumber)
        return "D:\(digits)Z"
    }
}
