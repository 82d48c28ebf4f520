/// Assembles a PDF 1.4 file from numbered objects: header, objects, cross-reference table
/// with exact byte offsets, trailer. Content streams are stored uncompressed (no zlib
/// dependency); charts are downsampled so reports stay small anyway.
struct PDFFileWriter {
    private var objects: [[UInt8]?] = []

    /// Reserves an object number for an object written later (pages point at their parent).
    mutating func reserve() -> Int {
        objects.append(nil)
        return objects.count
    }

    /// Adds an object whose body is `text` (a dictionary, array, …) and returns its number.
    @discardableResult
    mutating func add(_ text: String) -> Int {
        objects.append(Array(text.utf8))
        return objects.count
    }

    /// Sets the body of a reserved object.
    mutating func set(_ number: Int, _ bytes: [UInt8]) {
        objects[number - 1] = bytes
    }

    /// Sets the body of a reserved object from text.
    mutating func set(_ number: Int, _ text: String) {
        set(number, Array(text.utf8))
    }

    /// Adds a stream object with `data` and returns its number.
    mutating func addStream(_ data: [UInt8]) -> Int {
        var body = Array("<< /Length \(data.count) >>\nstream\n".utf8)
        body += data
        body += Array("\nendstream".utf8)
        objects.append(body)
        return objects.count
    }

    /// The whole file; `root` and `info` are the catalog and document-information objects.
    func render(root: Int, info: Int) -> [UInt8] {
        // The second line's high bytes tell transfer tools the file is binary.
        var out: [UInt8] = Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 10]
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(index + 1) 0 obj\n".utf8)
            out += object ?? Array("null".utf8)
            out += Array("\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            table += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        table += "trailer\n<< /Size \(objects.count + 1) /Root \(root) 0 R /Info \(info) 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        out += Array(table.utf8)
        return out
    }
}
