/// Series and numbers written the way Prometheus writes them, for messages and perfdata
/// labels: `tta_system_cpu_usage_percent{host="a"}`, `93.1`, `+Inf`.
public enum PrometheusSeriesText {
    /// `name{label="value",…}` with labels sorted by name and values escaped as in the
    /// exposition format; just `name` without labels.
    public static func series(_ name: String, labels: [(String, String)]) -> String {
        guard !labels.isEmpty else { return name }
        let pairs = labels.sorted { $0.0 < $1.0 }.map { "\($0.0)=\"\(escaped($0.1))\"" }
        return name + "{" + pairs.joined(separator: ",") + "}"
    }

    /// The shortest text that reads back as `value`: `90`, `93.1`, `1.5e+20`, `NaN`, `-Inf`.
    public static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    private static func escaped(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == 10 }) else {
            return value
        }
        var out = ""
        for character in value.unicodeScalars {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
