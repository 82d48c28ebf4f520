/// `GET /api/v1/checks/NAME/series?since=&until=&step=`: availability, p50/p95 latency and
/// status counts per bucket of `step` (default: the period in about 240 buckets, at least a
/// minute), from raw results and, for purged history, hourly rollups.
enum SeriesEndpoint {
    static let maximumBuckets: Int64 = 10_000

    static func handle(_ request: ServeRequest) throws(APIError) -> HTTPResponse {
        try request.allowParameters(["since", "until", "step"])
        let name = request.captures[0]
        let until = try request.time("until") ?? request.now
        let since = try request.time("since") ?? until - 86_400_000
        guard since < until else { throw .badParameter("'since' must be before 'until'") }
        let step = try request.duration("step")?.milliseconds ?? max(60_000, ((until - since) / 240 + 59_999) / 60_000 * 60_000)
        guard step >= 1_000 else { throw .badParameter("'step' must be at least 1s") }
        guard (until - since) / step < maximumBuckets else {
            throw .badParameter("'step' gives more than \(maximumBuckets) buckets for this period; use a longer step")
        }
        let database = try request.readDatabase()
        let buckets: [SeriesQuery.Bucket]
        do {
            guard let found = try database.readTransaction({ () throws(StoreError) in
                try SeriesQuery(database: database).buckets(component: name, since: since, until: until, step: step)
            }) else {
                throw APIError.notFound("no check named '\(PercentDecoding.printable(name))' has results in this database")
            }
            buckets = found
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(status: 503, code: "database_unavailable", message: "the database cannot be read")
        }
        return APIResponse.json(.object([
            ("schema_version", .int(1)), ("check", .string(name)),
            ("since", .string(Timestamps.rfc3339(milliseconds: since))), ("until", .string(Timestamps.rfc3339(milliseconds: until))),
            ("step_ms", .int(step)),
            ("buckets", .array(buckets.map { bucket in
                .object([
                    ("start", .string(Timestamps.rfc3339(milliseconds: bucket.start))),
                    ("count", .int(Int64(bucket.count))), ("ok", .int(Int64(bucket.ok))), ("warning", .int(Int64(bucket.warning))),
                    ("critical", .int(Int64(bucket.critical))), ("unknown", .int(Int64(bucket.unknown))),
                    ("availability_percent", bucket.availabilityPercent.map { .double(($0 * 1_000).rounded() / 1_000) } ?? .null),
                    ("latency_p50_ms", .number(bucket.p50)), ("latency_p95_ms", .number(bucket.p95)),
                ])
            })),
        ]))
    }
}
