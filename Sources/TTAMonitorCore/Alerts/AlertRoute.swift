/// `monitoring.alerts.route`: which channels each severity goes to, as escalation levels.
///
/// `critical: [oncall, alertmanager]` is one level; `critical: [[oncall], [manager]]` is two:
/// level 0 is notified first, and an alert unacknowledged past `escalate_after` moves to the
/// next level.
public struct AlertRoute: Sendable, Equatable {
    /// Levels per severity; a severity without an entry goes nowhere (still recorded).
    public var levels: [AlertSeverity: [[String]]] = [:]

    /// No routes.
    public init() {}

    /// The levels for `severity` (possibly none).
    public func levels(for severity: AlertSeverity) -> [[String]] { levels[severity] ?? [] }

    /// The channels of levels 0 through `level`, each once, in order.
    public func channels(for severity: AlertSeverity, through level: Int) -> [String] {
        var result: [String] = []
        for channels in levels(for: severity).prefix(level + 1) {
            for channel in channels where !result.contains(channel) { result.append(channel) }
        }
        return result
    }

    /// Reads the mapping. Channel names are checked against `channels` when that list is not
    /// empty (a config without channels may still route: rows wait in the outbox).
    static func read(_ reader: inout MappingReader, channels: [String]) throws(ConfigError) -> AlertRoute {
        var route = AlertRoute()
        for severity in AlertSeverity.allCases {
            guard let node = reader.node(severity.rawValue) else { continue }
            let path = reader.keyPath(severity.rawValue)
            var levels: [[String]] = []
            if node.scalar != nil {
                levels = [[try reader.string(node, path: path)]]
            } else if let items = node.sequenceItems {
                let nested = items.contains { $0.sequenceItems != nil }
                if nested {
                    for (index, item) in items.enumerated() {
                        let itemPath = "\(path)[\(index)]"
                        if item.scalar != nil { levels.append([try reader.string(item, path: itemPath)]); continue }
                        guard let names = item.sequenceItems else {
                            throw reader.error("'\(itemPath)' must be a list of channel names", at: item)
                        }
                        var level: [String] = []
                        for (inner, name) in names.enumerated() { level.append(try reader.string(name, path: "\(itemPath)[\(inner)]")) }
                        levels.append(level)
                    }
                } else {
                    var level: [String] = []
                    for (index, item) in items.enumerated() { level.append(try reader.string(item, path: "\(path)[\(index)]")) }
                    levels = [level]
                }
            } else {
                throw reader.error("'\(path)' must be a list of channel names (or a list of such lists, one per escalation level)", at: node)
            }
            if !channels.isEmpty {
                for name in levels.joined() where !channels.contains(name) {
                    var message = "unknown channel '\(name)' in '\(path)'"
                    if let hint = EditDistance.suggestion(for: name, among: channels) { message += "; did you mean '\(hint)'?" }
                    else { message += " (channels: \(channels.joined(separator: ", ")))" }
                    throw reader.error(message, at: node)
                }
            }
            route.levels[severity] = levels.filter { !$0.isEmpty }
        }
        try reader.finish()
        return route
    }

    /// The route as `config show` prints it.
    var effectiveJSON: JSONValue {
        .object(AlertSeverity.allCases.compactMap { severity in
            levels[severity].map { (severity.rawValue, .array($0.map { .array($0.map { .string($0) }) })) }
        })
    }
}
