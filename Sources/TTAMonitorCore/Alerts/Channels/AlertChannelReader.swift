/// Reads one entry of `monitoring.alerts.channels`: the common keys, then the keys of its
/// type. Messages about URLs and headers never quote their values, which may be secrets.
enum AlertChannelReader {
    /// The longest `timeout` a channel may have: a delivery pass waits for its slowest channel.
    static let maximumTimeout = Duration.seconds(300)

    /// Reads the entry; an error whose quoted source line would show a literal URL or header
    /// value loses the quote (its `file:line:column` stays).
    static func read(_ reader: inout MappingReader) throws(ConfigError) -> AlertChannel {
        do {
            return try readEntry(&reader)
        } catch {
            var error = error
            if let line = error.sourceLine, literalSecrets(in: reader.node).contains(where: line.contains) {
                error.sourceLine = nil
            }
            throw error
        }
    }

    /// The entry's `url` and header values as written, unless they are only a `${VAR}`
    /// reference (which is safe to show).
    static func literalSecrets(in node: YAMLNode) -> [String] {
        var texts: [String] = []
        if let url = node["url"]?.scalar?.text { texts.append(url) }
        for pair in node["headers"]?.mappingPairs ?? [] {
            if let value = pair.value.scalar?.text { texts.append(value) }
        }
        return texts.filter { text in
            let isReference = text.hasPrefix("${") && text.hasSuffix("}") && text.dropFirst(2).dropLast().allSatisfy { $0 != "$" && $0 != "}" }
            return !text.isEmpty && !isReference
        }
    }

    private static func readEntry(_ reader: inout MappingReader) throws(ConfigError) -> AlertChannel {
        guard let name = try reader.string("name", required: true) else { fatalError("unreachable") }
        guard CheckConfigDecoder.isValidName(name) else {
            throw reader.document.error("channel name '\(name)' may contain only letters, digits, '-', '_' and '.'",
                                        at: reader.node["name"]?.location ?? reader.node.location)
        }
        guard let typeNode = reader.node("type") else {
            throw reader.missingKeyError(["type"], "channel '\(name)' has no 'type' (one of \(AlertChannel.types.joined(separator: ", ")))")
        }
        let type = try reader.string(typeNode, path: reader.keyPath("type"))
        let kind: AlertChannel.Kind
        switch type {
        case "webhook": kind = .webhook(try WebhookChannel.read(&reader, channel: name))
        case "command": kind = .command(try CommandChannel.read(&reader, channel: name))
        case "alertmanager": kind = .alertmanager(try AlertmanagerChannel.read(&reader, channel: name))
        case "file": kind = .file(try FileChannel.read(&reader, channel: name))
        default:
            var message = "unknown channel type '\(type)'"
            if let hint = EditDistance.suggestion(for: type, among: AlertChannel.types) {
                message += "; did you mean '\(hint)'?"
            } else {
                message += " (one of \(AlertChannel.types.joined(separator: ", ")))"
            }
            throw reader.error(message, at: typeNode)
        }
        var channel = AlertChannel(name: name, kind: kind)
        if let timeoutNode = reader.node("timeout") {
            let timeout = try reader.duration(timeoutNode, path: reader.keyPath("timeout"))
            guard timeout > .zero, timeout <= maximumTimeout else {
                throw reader.error("'\(reader.keyPath("timeout"))' must be above 0 and at most \(DurationParser.format(maximumTimeout))",
                                   at: timeoutNode)
            }
            channel.timeout = timeout
        }
        if let backoffNode = reader.node("retry_backoff") {
            let backoff = try reader.duration(backoffNode, path: reader.keyPath("retry_backoff"))
            guard backoff <= OutboxBackoff.maximum else {
                throw reader.error("'\(reader.keyPath("retry_backoff"))' must be at most \(DurationParser.format(OutboxBackoff.maximum))",
                                   at: backoffNode)
            }
            channel.retryBackoff = backoff
        }
        try reader.finish()
        return channel
    }

    /// An `http://` or `https://` URL; the message names the key, never the value.
    static func httpURL(_ reader: inout MappingReader, channel: String, type: String, example: String) throws(ConfigError) -> String {
        guard let urlNode = reader.node("url") else {
            throw reader.missingKeyError(["url"], "\(type) channel '\(channel)' needs a 'url' (e.g. \(example))")
        }
        return try reader.httpURL(urlNode, key: "url")
    }

    /// `headers: {Name: value}`; values may use `${VAR}` and are never shown.
    static func headers(_ reader: inout MappingReader) throws(ConfigError) -> [HTTPHeader] {
        guard var headers = try reader.mapping("headers") else { return [] }
        var result: [HTTPHeader] = []
        for pair in headers.node.mappingPairs ?? [] {
            guard let key = pair.key.scalar?.text else { continue }
            headers.accept([key])
            guard !key.isEmpty, !key.utf8.contains(where: { $0 <= 32 || $0 == UInt8(ascii: ":") || $0 >= 127 }) else {
                throw headers.error("'\(headers.keyPath(key))' is not a valid header name", at: pair.key)
            }
            let value = try headers.string(pair.value, path: headers.keyPath(key))
            guard !value.utf8.contains(where: { $0 == 10 || $0 == 13 }) else {
                throw headers.error("'\(headers.keyPath(key))' must not contain a line break", at: pair.value)
            }
            result.append(HTTPHeader(name: key, value: value))
        }
        try headers.finish()
        return result
    }
}
