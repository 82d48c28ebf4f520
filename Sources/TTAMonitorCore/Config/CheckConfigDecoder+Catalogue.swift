/// Decoding of the check kinds beyond http/tcp/redis/disk.
extension CheckConfigDecoder {
    func decodeAuth(_ reader: inout MappingReader) throws(ConfigError) -> HTTPAuth? {
        guard var auth = try reader.mapping("auth") else { return nil }
        let username = try auth.string("username")
        let password = try auth.string("password")
        let token = try auth.string("token")
        try auth.finish()
        switch (username, password, token) {
        case let (user?, secret?, nil): return .basic(user: user, password: secret)
        case let (nil, nil, bearer?): return .bearer(token: bearer)
        default:
            throw document.error("'\(auth.path)' takes either 'username' and 'password' (basic) or 'token' (bearer)", at: auth.node.location)
        }
    }

    func decodeTLS(_ reader: inout MappingReader) throws(ConfigError) -> TLSCheckSpec {
        let (host, port) = try hostAndPort(&reader, scheme: "tls", defaultPort: 443)
        var spec = TLSCheckSpec(host: host, port: port)
        spec.serverName = try reader.nonEmptyString("server_name")
        spec.daysLeft = try reader.numberThresholds("days_left", range: 0...10_000, lowerIsWorse: true)
        spec.verify = try reader.bool("verify") ?? true
        return spec
    }

    func decodeNeo4j(_ reader: inout MappingReader) throws(ConfigError) -> Neo4jCheckSpec {
        let (host, port) = try hostAndPort(&reader, scheme: "bolt", defaultPort: 7687)
        var spec = Neo4jCheckSpec(host: host, port: port)
        if let urlNode = reader.node("http_url") {
            spec.httpURL = try reader.httpURL(urlNode, key: "http_url")
        }
        spec.latencyMs = try reader.durationThresholds("latency")
        return spec
    }

    func decodePostgres(_ reader: inout MappingReader) throws(ConfigError) -> PostgresCheckSpec {
        if let urlNode = reader.node("url") {
            let url = try reader.string(urlNode, path: reader.keyPath("url"))
            guard let parsed = PostgresURL.parse(url) else {
                throw reader.error("'\(reader.keyPath("url"))' must look like postgres://[user@]host[:port][/database]", at: urlNode)
            }
            var spec = parsed
            spec.latencyMs = try reader.durationThresholds("latency")
            return spec
        }
        let (host, port) = try hostAndPort(&reader, scheme: nil, defaultPort: 5432)
        var spec = PostgresCheckSpec(host: host, port: port)
        spec.user = try reader.string("user") ?? "postgres"
        spec.database = try reader.string("database")
        spec.latencyMs = try reader.durationThresholds("latency")
        return spec
    }

    func decodeMemory(_ reader: inout MappingReader) throws(ConfigError) -> MemoryCheckSpec {
        MemoryCheckSpec(usedPercent: try reader.numberThresholds("used_percent", range: 0...100),
                        swapUsedPercent: try reader.numberThresholds("swap_used_percent", range: 0...100))
    }

    func decodeLoad(_ reader: inout MappingReader) throws(ConfigError) -> LoadCheckSpec {
        LoadCheckSpec(load1: try reader.numberThresholds("load1", range: 0...1_000),
                      load5: try reader.numberThresholds("load5", range: 0...1_000),
                      load15: try reader.numberThresholds("load15", range: 0...1_000))
    }

    func decodeProcess(_ reader: inout MappingReader, name: String) throws(ConfigError) -> ProcessCheckSpec {
        var spec = ProcessCheckSpec(name: try reader.nonEmptyString("process_name"), commandPattern: nil)
        if let patternNode = reader.node("command_pattern") {
            let pattern = try reader.string(patternNode, path: reader.keyPath("command_pattern"))
            do {
                _ = try Regex(pattern)
            } catch {
                throw reader.error("'\(reader.keyPath("command_pattern"))' is not a valid regular expression", at: patternNode)
            }
            spec.commandPattern = pattern
        }
        guard spec.name != nil || spec.commandPattern != nil else {
            throw reader.missingKeyError(["process_name", "command_pattern"], "process check '\(name)' needs 'process_name' or 'command_pattern'")
        }
        if var count = try reader.mapping("count") {
            spec.minCount = try count.int("min", range: 0...100_000) ?? 1
            spec.maxCount = try count.int("max", range: 0...100_000)
            try count.finish()
            if let maximum = spec.maxCount, maximum < spec.minCount {
                throw document.error("'\(count.path)': max must not be below min", at: count.node.location)
            }
        }
        spec.cpuPercent = try reader.numberThresholds("cpu_percent", range: 0...100_000)
        spec.rssBytes = try reader.numberThresholds("rss_mb", range: 0...1e9)
            .map { Thresholds(warning: $0.warning.map { $0 * 1_048_576 }, critical: $0.critical.map { $0 * 1_048_576 }) }
        return spec
    }

    func decodeCommand(_ reader: inout MappingReader, name: String) throws(ConfigError) -> CommandCheckSpec {
        guard let commandNode = reader.node("command") else {
            throw reader.missingKeyError(["command"], "command check '\(name)' needs a 'command' (a string for /bin/sh, or a list)")
        }
        var spec: CommandCheckSpec
        if commandNode.scalar != nil {
            let line = try reader.shellCommand(commandNode, path: reader.keyPath("command"))
            // An empty command runs nothing and always succeeds: a check that can only lie.
            guard !line.trimmingWhitespace().isEmpty else {
                throw reader.error("'\(reader.keyPath("command"))' must not be empty", at: commandNode)
            }
            spec = CommandCheckSpec(argv: ["/bin/sh", "-c", line])
        } else {
            guard let argv = try reader.commandList("command"), let program = argv.first, !program.trimmingWhitespace().isEmpty else {
                throw reader.error("'\(reader.keyPath("command"))' must not be empty", at: commandNode)
            }
            spec = CommandCheckSpec(argv: argv)
        }
        if var environment = try reader.mapping("environment") {
            for pair in environment.node.mappingPairs ?? [] {
                guard let key = pair.key.scalar?.text else { continue }
                environment.accept([key])
                spec.environment[key] = try environment.string(pair.value, path: environment.keyPath(key))
            }
        }
        spec.workingDirectory = try reader.nonEmptyString("working_directory")
        spec.maxOutputBytes = try reader.int("max_output_bytes", range: 256...16_777_216) ?? 65_536
        return spec
    }

    func decodeFileAge(_ reader: inout MappingReader, name: String) throws(ConfigError) -> FileAgeCheckSpec {
        guard let path = try reader.nonEmptyString("path") else {
            throw reader.missingKeyError(["path"], "file_age check '\(name)' needs a 'path'")
        }
        guard let ageNode = reader.node("max_age") else {
            throw reader.missingKeyError(["max_age"], "file_age check '\(name)' needs 'max_age' (e.g. 26h, or {warning: 25h, critical: 26h})")
        }
        if ageNode.scalar != nil {
            let critical = try reader.duration(ageNode, path: reader.keyPath("max_age"))
            guard critical > .zero else { throw reader.error("'\(reader.keyPath("max_age"))' must be longer than zero", at: ageNode) }
            return FileAgeCheckSpec(path: path, maxAgeMs: Thresholds(critical: Double(critical.milliseconds)))
        }
        var ages = try MappingReader(ageNode, path: reader.keyPath("max_age"), document: document, interpolation: interpolation)
        var thresholds = Thresholds()
        thresholds.warning = try ages.duration("warning").map { Double($0.milliseconds) }
        thresholds.critical = try ages.duration("critical").map { Double($0.milliseconds) }
        try ages.finish()
        try ages.checkOrder(thresholds)
        return FileAgeCheckSpec(path: path, maxAgeMs: thresholds)
    }

    func decodePrometheus(_ reader: inout MappingReader, name: String) throws(ConfigError) -> PrometheusCheckSpec {
        guard let urlNode = reader.node("url") else {
            throw reader.missingKeyError(["url"], "prometheus check '\(name)' needs a 'url' (e.g. http://localhost:8503/metrics-prom)")
        }
        var spec = PrometheusCheckSpec(url: try reader.httpURL(urlNode, key: "url"))
        if let formatNode = reader.node("format") {
            let text = try reader.string(formatNode, path: reader.keyPath("format"))
            guard let format = PrometheusFormat(rawValue: text) else {
                let names = PrometheusFormat.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                throw reader.error("'\(reader.keyPath("format"))' is '\(text)'; write one of \(names)", at: formatNode)
            }
            spec.format = format
        }
        if let seriesNode = reader.node("series") {
            guard let items = seriesNode.sequenceItems else {
                throw reader.error("'\(reader.keyPath("series"))' must be a list of {metric: NAME, …}", at: seriesNode)
            }
            for (index, item) in items.enumerated() {
                var entry = try MappingReader(item, path: "\(reader.keyPath("series"))[\(index)]", document: document, interpolation: interpolation)
                guard let metricNode = entry.node("metric") else {
                    throw document.error("'\(entry.path)' needs a 'metric'", at: item.location)
                }
                let metric = try entry.string(metricNode, path: entry.keyPath("metric"))
                guard PrometheusNames.isValidMetricName(metric) else {
                    throw entry.error("'\(metric)' is not a valid Prometheus metric name", at: metricNode)
                }
                var rule = PrometheusSeriesRule(metric: metric)
                if var labels = try entry.mapping("labels") {
                    for pair in labels.node.mappingPairs ?? [] {
                        guard let key = pair.key.scalar?.text else { continue }
                        labels.accept([key])
                        rule.labels[key] = try labels.string(pair.value, path: labels.keyPath(key))
                    }
                }
                let below = (try entry.string("direction")).map { $0 == "below" } ?? false
                var thresholds = Thresholds(lowerIsWorse: below)
                thresholds.warning = try entry.number("warning")
                thresholds.critical = try entry.number("critical")
                if thresholds.warning != nil || thresholds.critical != nil {
                    try entry.checkOrder(thresholds)
                    rule.thresholds = thresholds
                }
                rule.required = try entry.bool("required") ?? true
                try entry.finish()
                spec.series.append(rule)
            }
        }
        return spec
    }
}

/// Prometheus naming rules.
enum PrometheusNames {
    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`.
    static func isValidMetricName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII,
              first.properties.isAlphabetic || first == "_" || first == ":" else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == ":") }
    }
}

/// Splits `postgres://[user@]host[:port][/database]`. A password in the URL is refused by
/// returning nil only for malformed URLs; the check never needs one (it stops at the
/// authentication request).
enum PostgresURL {
    static func parse(_ url: String) -> PostgresCheckSpec? {
        let lowered = url.lowercased()
        let prefix = lowered.hasPrefix("postgres://") ? "postgres://" : lowered.hasPrefix("postgresql://") ? "postgresql://" : nil
        guard let prefix else { return nil }
        var rest = Substring(url.dropFirst(prefix.count))
        var database: String?
        if let slash = rest.firstIndex(of: "/") {
            let name = rest[rest.index(after: slash)...]
            database = name.isEmpty ? nil : String(name)
            rest = rest[..<slash]
        }
        var user = "postgres"
        if let at = rest.lastIndex(of: "@") {
            let info = rest[..<at]
            user = String(info.split(separator: ":", maxSplits: 1).first ?? "postgres")
            rest = rest[rest.index(after: at)...]
        }
        let host: String
        var port = 5432
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { guard let number = Int(after.dropFirst()) else { return nil }; port = number }
        } else if let colon = rest.lastIndex(of: ":") {
            host = String(rest[..<colon])
            guard let number = Int(rest[rest.index(after: colon)...]) else { return nil }
            port = number
        } else {
            host = String(rest)
        }
        guard !host.isEmpty, (1...65_535).contains(port), !user.isEmpty else { return nil }
        var spec = PostgresCheckSpec(host: host, port: port)
        spec.user = user
        spec.database = database
        return spec
    }
}
