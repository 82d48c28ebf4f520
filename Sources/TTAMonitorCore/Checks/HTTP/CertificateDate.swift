/// Reads the validity dates libcurl prints in its certificate info, by hand: Foundation's
/// date formatters are not available here, and the two spellings involved are fixed.
///
/// - OpenSSL builds (Debian's `libcurl4`) print `ASN1_TIME_print`'s form,
///   `Feb  1 00:00:00 2020 GMT` (day padded with a space, optional `.fff` seconds).
/// - Builds on other TLS libraries print curl's own form, `2020-02-01 00:00:00 GMT`, where
///   the zone may also be an offset such as `+0100`.
enum CertificateDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun",
                                 "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Milliseconds since the Unix epoch, or nil when `text` is in neither form.
    static func parse(_ text: String) -> Int64? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = tokens.first else { return nil }
        let date: (year: Int, month: Int, day: Int)
        let rest: ArraySlice<String>
        if let month = months.firstIndex(of: first.lowercased()) {
            guard tokens.count >= 4, let day = Int(tokens[1]), let year = Int(tokens[3]) else { return nil }
            date = (year, month + 1, day)
            rest = [tokens[2]] + tokens.dropFirst(4)
        } else {
            let parts = first.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
                  tokens.count >= 2 else { return nil }
            date = (year, month, day)
            rest = tokens.dropFirst()
        }
        guard let time = rest.first.flatMap(timeOfDay), let offset = zoneOffsetSeconds(Array(rest.dropFirst())),
              (1...12).contains(date.month), (1...daysIn(month: date.month, year: date.year)).contains(date.day) else {
            return nil
        }
        let days = daysFromEpoch(year: date.year, month: date.month, day: date.day)
        return (days * 86_400 + time - offset) * 1_000
    }

    /// `hh:mm:ss` with optional fractional seconds (ignored: expiry is judged in days).
    private static func timeOfDay(_ text: String) -> Int64? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let hour = Int64(parts[0]), let minute = Int64(parts[1]),
              let second = Int64(parts[2].prefix { $0 != "." }),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        return hour * 3_600 + minute * 60 + second
    }

    /// Seconds east of UTC; a missing zone is UTC, as X.509 times always are.
    private static func zoneOffsetSeconds(_ tokens: [String]) -> Int64? {
        guard tokens.count <= 1 else { return nil }
        guard let zone = tokens.first, !["GMT", "UTC", "Z"].contains(zone.uppercased()) else { return 0 }
        let digits = zone.dropFirst()
        guard let sign = zone.first, sign == "+" || sign == "-", digits.count == 4,
              let hours = Int64(digits.prefix(2)), let minutes = Int64(digits.suffix(2)) else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3_600 + minutes * 60)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func daysFromEpoch(year: Int, month: Int, day: Int) -> Int64 {
        let shiftedYear = Int64(month <= 2 ? year - 1 : year)
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * Int64(month > 2 ? month - 3 : month + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
