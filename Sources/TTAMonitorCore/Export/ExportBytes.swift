/// Appends numbers and times to a byte buffer without building intermediate Strings: the
/// CSV and JSON exports format millions of them.
enum ExportBytes {
    /// Appends a decimal integer.
    @inline(__always)
    static func appendInteger(_ value: Int64, to buffer: inout [UInt8]) {
        if value < 0 {
            buffer.append(45)
            if value == Int64.min { buffer.append(contentsOf: "9223372036854775808".utf8); return }
        }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[count] = UInt8(magnitude % 10) + 48
                magnitude /= 10
                count += 1
            } while magnitude > 0
            while count > 0 {
                count -= 1
                buffer.append(raw[count])
            }
        }
    }

    /// Appends a Double the way JSON readers expect: integral values without a fraction,
    /// others in Swift's shortest round-tripping form; non-finite values as `null` text is
    /// the caller's business (see `isFinite`).
    static func appendReal(_ value: Double, to buffer: inout [UInt8]) {
        if value == value.rounded(), abs(value) < 1e15 {
            appendInteger(Int64(value), to: &buffer)
        } else {
            buffer.append(contentsOf: value.description.utf8)
        }
    }

    /// Appends `2026-11-23T10:34:00.123Z` for `milliseconds` since the epoch.
    static func appendRFC3339(_ milliseconds: Int64, to buffer: inout [UInt8]) {
        let seconds = milliseconds.floorDivided(by: 1_000)
        let millis = milliseconds - seconds * 1_000
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        let date = CivilDate.date(daysSinceEpoch: days)
        appendPadded(date.year, 4, &buffer)
        buffer.append(45)
        appendPadded(date.month, 2, &buffer)
        buffer.append(45)
        appendPadded(date.day, 2, &buffer)
        buffer.append(84)
        appendPadded(secondOfDay / 3_600, 2, &buffer)
        buffer.append(58)
        appendPadded(secondOfDay / 60 % 60, 2, &buffer)
        buffer.append(58)
        appendPadded(secondOfDay % 60, 2, &buffer)
        buffer.append(46)
        appendPadded(millis, 3, &buffer)
        buffer.append(90)
    }

    @inline(__always)
    private static func appendPadded(_ value: Int64, _ width: Int, _ buffer: inout [UInt8]) {
        var divisor: Int64 = 1
        for _ in 1..<width { divisor *= 10 }
        if value >= divisor * 10 { appendInteger(value, to: &buffer); return }
        var rest = value
        while divisor > 0 {
            buffer.append(UInt8(rest / divisor) + 48)
            rest %= divisor
            divisor /= 10
        }
    }

    /// The stored name of a status code (`OK`…), or the number when it is not one.
    static func statusName(_ code: Int64) -> String {
        CheckStatus(rawValue: Int(code))?.description ?? String(code)
    }
}
