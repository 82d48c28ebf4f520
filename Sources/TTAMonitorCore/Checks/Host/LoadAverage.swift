/// The load averages of /proc/loadavg.
struct LoadAverage: Sendable, Equatable {
    var load1: Double
    var load5: Double
    var load15: Double
    /// Runnable scheduling entities right now (the `2` of `2/345`).
    var running: Int
    /// Scheduling entities (threads) that exist (the `345` of `2/345`).
    var total: Int

    /// Parses `0.42 0.38 0.30 2/345 6789`; nil when the line does not look like that.
    static func parse(_ text: String) -> LoadAverage? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard words.count >= 4, let load1 = Double(words[0]), let load5 = Double(words[1]),
              let load15 = Double(words[2]), load1 >= 0, load5 >= 0, load15 >= 0 else { return nil }
        let tasks = words[3].split(separator: "/")
        return LoadAverage(load1: load1, load5: load5, load15: load15,
                           running: tasks.first.flatMap { Int($0) } ?? 0,
                           total: tasks.count > 1 ? Int(tasks[1]) ?? 0 : 0)
    }
}
