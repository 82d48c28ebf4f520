/// Reads and writes `carbon_runs` and `carbon_attribution`.
struct CarbonRunStore {
    let database: Database

    /// The emissions (kg) of the runs of local day `day` (`YYYY-MM-DD`), nil when there are none.
    func emissions(localDay day: String) throws(StoreError) -> Double? {
        let statement = try database.prepare("SELECT SUM(emissions_kg) AS emissions FROM carbon_runs WHERE local_day = ?")
        try statement.bind([.text(day)])
        return try statement.step() ? try statement.row.optionalDouble("emissions") : nil
    }

    /// A stored run as reports need it.
    struct StoredRun: Sendable {
        var id: Int64
        var source: CarbonRunSource
        var ts: Int64
        var localDay: String
        var project: String?
        var label: String?
        var component: String?
        var model: String?
        var energyKWh: Double
        var emissionsKg: Double
        var cpuEnergyKWh: Double?
        var gpuEnergyKWh: Double?
        var ramEnergyKWh: Double?
        var countryISOCode: String?
        var method: String?
    }

    /// One component's share of a measured run.
    struct Attribution: Sendable, Equatable {
        var component: String
        var cpuSeconds: Double
        var share: Double
        var energyKWh: Double
        var emissionsKg: Double
    }

    private static var insertSQL: String {
        let columns = ["source", "row_key", "source_file", "source_line", "ts", "local_day"]
            + CarbonRun.textColumns + CarbonRun.numberColumns + ["method", "extra"]
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return "INSERT INTO carbon_runs (\(columns.joined(separator: ", "))) VALUES (\(placeholders)) ON CONFLICT(row_key) DO NOTHING RETURNING id"
    }

    /// Inserts the runs that are not stored yet, in one transaction; returns the ids of the
    /// new rows in order (nil for a run that was already there).
    func insert(_ runs: [CarbonRun]) throws(StoreError) -> [Int64?] {
        try database.writeTransaction { () throws(StoreError) in
            let statement = try database.prepare(Self.insertSQL)
            var ids: [Int64?] = []
            for run in runs {
                var values: [Statement.Value] = [.text(run.source.rawValue), .text(run.rowKey),
                                                 run.sourceFile.map { .text($0) } ?? .null,
                                                 run.sourceLine.map { .integer(Int64($0)) } ?? .null,
                                                 .integer(run.ts), .text(run.localDay)]
                values += CarbonRun.textColumns.map { run.texts[$0].map { .text($0) } ?? .null }
                values += CarbonRun.numberColumns.map { run.numbers[$0].map { .real($0) } ?? .null }
                values += [run.method.map { .text($0) } ?? .null, run.extra.map { .text($0) } ?? .null]
                try statement.bind(values)
                let inserted = try statement.step() ? statement.int(0) : nil
                while try statement.step() {}
                ids.append(inserted)
            }
            return ids
        }
    }

    /// Stores a measured run and its attribution together.
    func insertMeasured(_ run: CarbonRun, attribution: [Attribution]) throws(StoreError) -> Int64 {
        try database.writeTransaction { () throws(StoreError) in
            let statement = try database.prepare(Self.insertSQL)
            var values: [Statement.Value] = [.text(run.source.rawValue), .text(run.rowKey), .null, .null, .integer(run.ts), .text(run.localDay)]
            values += CarbonRun.textColumns.map { run.texts[$0].map { .text($0) } ?? .null }
            values += CarbonRun.numberColumns.map { run.numbers[$0].map { .real($0) } ?? .null }
            values += [run.method.map { .text($0) } ?? .null, run.extra.map { .text($0) } ?? .null]
            try statement.bind(values)
            guard try statement.step() else { throw StoreError("measurement \(run.rowKey) already stored", path: database.path) }
            let id = statement.int(0)
            while try statement.step() {}
            let insert = try database.prepare("INSERT INTO carbon_attribution (carbon_run_id, component, cpu_seconds, share, energy_kwh, emissions_kg) VALUES (?, ?, ?, ?, ?, ?)")
            for item in attribution {
                try insert.run([.integer(id), .text(item.component), .real(item.cpuSeconds), .real(item.share),
                                .real(item.energyKWh), .real(item.emissionsKg)])
            }
            return id
        }
    }

    /// Runs whose `local_day` lies in `firstDay...lastDay`, in insertion order (so sums add up
    /// in file order, exactly as a plain sum over the CSV would).
    func runs(firstDay: String, lastDay: String) throws(StoreError) -> [StoredRun] {
        try fetch("WHERE local_day >= ? AND local_day <= ?", [.text(firstDay), .text(lastDay)])
    }

    /// Runs with `ts` in `[since, until)`, in insertion order.
    func runs(since: Int64, until: Int64) throws(StoreError) -> [StoredRun] {
        try fetch("WHERE ts >= ? AND ts < ?", [.integer(since), .integer(until)])
    }

    private func fetch(_ condition: String, _ values: [Statement.Value]) throws(StoreError) -> [StoredRun] {
        let statement = try database.prepare("""
            SELECT id, source, ts, local_day, project, label, component, model, energy_kwh, emissions_kg,
                   cpu_energy_kwh, gpu_energy_kwh, ram_energy_kwh, country_iso_code, method
            FROM carbon_runs \(condition) ORDER BY id
            """)
        try statement.bind(values)
        var runs: [StoredRun] = []
        while try statement.step() {
            let row = statement.row
            runs.append(StoredRun(id: try row.int("id"), source: try row.value("source", as: CarbonRunSource.self), ts: try row.int("ts"),
                                  localDay: try row.text("local_day") ?? "", project: try row.text("project"),
                                  label: try row.text("label"), component: try row.text("component"), model: try row.text("model"),
                                  energyKWh: try row.optionalDouble("energy_kwh") ?? 0,
                                  emissionsKg: try row.optionalDouble("emissions_kg") ?? 0,
                                  cpuEnergyKWh: try row.optionalDouble("cpu_energy_kwh"),
                                  gpuEnergyKWh: try row.optionalDouble("gpu_energy_kwh"),
                                  ramEnergyKWh: try row.optionalDouble("ram_energy_kwh"),
                                  countryISOCode: try row.text("country_iso_code"), method: try row.text("method")))
        }
        return runs
    }

    /// The attribution rows of the given runs, by run id.
    func attribution(runIDs: [Int64]) throws(StoreError) -> [Int64: [Attribution]] {
        guard !runIDs.isEmpty else { return [:] }
        let statement = try database.prepare("SELECT component, cpu_seconds, share, energy_kwh, emissions_kg FROM carbon_attribution WHERE carbon_run_id = ? ORDER BY energy_kwh DESC, component")
        var result: [Int64: [Attribution]] = [:]
        for id in runIDs {
            try statement.bind([.integer(id)])
            var items: [Attribution] = []
            while try statement.step() {
                let row = statement.row
                items.append(Attribution(component: try row.text("component") ?? "", cpuSeconds: try row.double("cpu_seconds"),
                                         share: try row.double("share"), energyKWh: try row.double("energy_kwh"),
                                         emissionsKg: try row.double("emissions_kg")))
            }
            if !items.isEmpty { result[id] = items }
        }
        return result
    }
}
