/// One notification channel of `monitoring.alerts.channels`: where notifications go and how
/// long delivery may take.
public struct AlertChannel: Sendable {
    /// What kind of receiver the channel talks to, with its settings.
    public enum Kind: Sendable {
        /// JSON POST to a URL (generic document or Slack incoming-webhook message).
        case webhook(WebhookChannel)
        /// A local program: JSON on stdin, `TTA_ALERT_*` in its environment.
        case command(CommandChannel)
        /// Prometheus Alertmanager's `/api/v2/alerts`.
        case alertmanager(AlertmanagerChannel)
        /// One JSON line per notification appended to a file.
        case file(FileChannel)

        /// The `type` as the config spells it.
        public var name: String {
            switch self {
            case .webhook: "webhook"
            case .command: "command"
            case .alertmanager: "alertmanager"
            case .file: "file"
            }
        }
    }

    /// Every `type` this version delivers to.
    static let types = ["webhook", "command", "alertmanager", "file"]
    /// The default for `timeout`.
    static let defaultTimeout = Duration.seconds(5)
    /// The default for `retry_backoff`.
    static let defaultRetryBackoff = Duration.seconds(30)

    /// The channel's name, used by routes and `alerts notify-test`.
    public var name: String
    /// The receiver and its settings.
    public var kind: Kind
    /// How long one delivery (one message) may take before it counts as failed.
    public var timeout: Duration = AlertChannel.defaultTimeout
    /// The wait before the first retry of a failed notification; it doubles per failed
    /// attempt, up to `OutboxBackoff.maximum`. Zero retries on every run.
    public var retryBackoff: Duration = AlertChannel.defaultRetryBackoff

    /// Creates a channel with the default timeout and backoff.
    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// webhook, command, alertmanager or file.
    public var type: String { kind.name }

    /// Values that must never be shown: the whole webhook URL (Slack's carries its token in
    /// the path), header values, passwords in an Alertmanager URL, and the encoded forms a
    /// receiver may echo (base64 of `user:password` from `Authorization: Basic`).
    var secretValues: [String] {
        switch kind {
        case .webhook(let webhook):
            return [webhook.url, Self.pathAndQuery(of: webhook.url)] + SecretVariants.urlCredentialForms(webhook.url)
                + webhook.headers.flatMap { SecretCollector.headerValueForms($0.value) }
        case .alertmanager(let alertmanager):
            return SecretVariants.urlCredentialForms(alertmanager.url)
                + alertmanager.headers.flatMap { SecretCollector.headerValueForms($0.value) }
        case .command(let command):
            return command.environment.filter { SecretMasker.isSecretName($0.key) }.flatMap { SecretVariants.forms(of: $0.value) }
        case .file:
            return []
        }
    }

    /// What follows the authority (`/services/T0/B0/XXXX`): the token part of most webhook
    /// URLs, masked on its own in case a message quotes the path without the host.
    static func pathAndQuery(of url: String) -> String {
        guard let schemeEnd = url.firstRange(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return "" }
        let path = String(rest[slash...])
        return path == "/" ? "" : path
    }

    /// `text` with every secret of this channel replaced by the mask; for error messages that
    /// a receiver or libcurl produced and that end up in the database or on stderr.
    func masking(_ text: String) -> String {
        let secrets = secretValues.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
        return secrets.reduce(URLRedaction.masked(text)) { $0.replacing($1, with: SecretMasker.mask) }
    }

    /// The channel as `config show` prints it: webhook URLs and header values masked.
    var effectiveJSON: JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string(name)),
            ("type", .string(type)),
            ("timeout", .string(DurationParser.format(timeout))),
            ("retry_backoff", .string(DurationParser.format(retryBackoff))),
        ]
        func maskedHeaders(_ headers: [HTTPHeader]) -> JSONValue {
            .object(headers.map { ($0.name, .string(SecretMasker.mask)) })
        }
        switch kind {
        case .webhook(let webhook):
            members += [("url", .string(SecretMasker.mask)), ("format", .string(webhook.format.rawValue)),
                        ("headers", maskedHeaders(webhook.headers))]
        case .alertmanager(let alertmanager):
            members += [("url", .string(SecretMasker.maskURL(alertmanager.url))),
                        ("resolve_timeout", .string(DurationParser.format(alertmanager.resolveTimeout))),
                        ("headers", maskedHeaders(alertmanager.headers))]
        case .command(let command):
            members += [("command", .array(CommandLineMasker.mask(argv: command.argv).map { .string($0) })),
                        ("environment", .object(command.environment.sorted { $0.key < $1.key }.map { key, value in
                            (key, .string(SecretMasker.isSecretName(key) ? SecretMasker.mask : value))
                        }))]
        case .file(let file):
            members.append(("path", .string(file.path)))
        }
        return .object(members)
    }

    /// Reads the `channels` list of `reader` (absent: none). Names must be unique.
    static func readList(_ reader: inout MappingReader) throws(ConfigError) -> [AlertChannel] {
        guard let node = reader.node("channels") else { return [] }
        let path = reader.keyPath("channels")
        guard let items = node.sequenceItems else {
            throw reader.error("'\(path)' must be a list of channels (each starting with '- name:')", at: node)
        }
        var channels: [AlertChannel] = []
        var seen: [String: SourceLocation] = [:]
        for (index, item) in items.enumerated() {
            var entry = try MappingReader(item, path: "\(path)[\(index)]", document: reader.document,
                                          interpolation: reader.interpolation)
            let channel = try AlertChannelReader.read(&entry)
            let location = item["name"]?.location ?? item.location
            if let first = seen[channel.name] {
                throw reader.document.error("duplicate channel name '\(channel.name)' (first defined at \(first.line):\(first.column))",
                                            at: location)
            }
            seen[channel.name] = location
            channels.append(channel)
        }
        return channels
    }
}
