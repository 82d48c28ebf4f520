#if canImport(Glibc)
import Glibc
#endif

/// `tta-monitor carbon measure --duration D [--label L]`: samples the machine's energy use
/// for D (see `EnergyMeasurer`), splits the CPU energy among TTA components, and stores one
/// `carbon_runs` row (source `measure`) with its attribution.
enum CarbonMeasureCommand {
    /// The longest measurement one invocation takes (cron runs it for minutes, not days).
    static let maximumDuration: Duration = .seconds(24 * 3_600)

    static func run(_ context: CommandContext) async throws -> ExitCode {
        let support = CommandSupport(context: context)
        let options = try CarbonMeasureOptions(context: context)
        let (duration, label) = (options.duration, options.label)
        let config = try support.optionalConfig()
        let carbon = config?.carbon ?? CarbonConfig()
        var measurer = EnergyMeasurer(duration: duration)
        measurer.configuredTDP = carbon.cpuTDPWatts
        measurer.pue = carbon.pue
        measurer.nvidiaSMI = NvidiaSMIReader.locate(path: context.environment["PATH"])
        measurer.checks = config?.checks ?? []
        let console = context.console
        let showProgress = console.stderrIsTerminal && !context.quiet
        let total = duration.seconds
        var progress: (@Sendable (Double) -> Void)?
        if showProgress {
            progress = { @Sendable (done: Double) -> Void in
                console.err("\rMeasuring… \(Timestamps.formatFixed(min(done, total), digits: 0))/\(Timestamps.formatFixed(total, digits: 0)) s")
            }
        }
        let measurement = try await measurer.measure(progress: progress)
        if showProgress { console.err("\r\u{1B}[K") }
        let intensity = CarbonIntensity.resolve(carbon)
        let attribution = CarbonAttribution.split(cpuEnergyKWh: measurement.cpuEnergyKWh, intensity: intensity.gramsPerKWh,
                                                  ticksByComponent: measurement.ticksByComponent,
                                                  busyTicks: measurement.busyTicks, ticksPerSecond: ProcessCPUTimes.ticksPerSecond)
        let run = row(measurement, label: label, project: carbon.projectName, intensity: intensity)
        let path = try support.databasePath(config: config)
        let stored = await BlockingCall.run { () -> Result<Int64, StoreError> in
            do throws(StoreError) {
                return .success(try CarbonRunStore(database: try support.openDatabase(path, config: config)).insertMeasured(run, attribution: attribution))
            } catch {
                return .failure(error)
            }
        }
        let id = try stored.get()
        if context.wantsJSON {
            console.out(JSONWriter.render(json(measurement, run: run, id: id, attribution: attribution, intensity: intensity)) + "\n")
        } else if !context.quiet {
            console.out(table(measurement, run: run, attribution: attribution, intensity: intensity, style: context.style))
        }
        return .ok
    }

    /// The `carbon_runs` row for a measurement.
    static func row(_ measurement: EnergyMeasurement, label: String?, project: String?, intensity: CarbonIntensity) -> CarbonRun {
        let emissions = intensity.kilograms(kWh: measurement.energyKWh)
        var run = CarbonRun(source: .measure, rowKey: "measure:\(measurement.startedAt):\(getpid())",
                            ts: measurement.endedAt, localDay: LocalTime.day(measurement.endedAt))
        run.texts["project"] = project ?? "tta"
        run.texts["label"] = label
        run.texts["model"] = label
        run.texts["country_iso_code"] = intensity.country
        run.texts["country_name"] = intensity.country.flatMap { CarbonIntensityTable.countries[$0]?.name }
        run.texts["cpu_model"] = measurement.cpuModel
        run.texts["gpu_model"] = measurement.gpuModel
        run.texts["tracking_mode"] = "machine"
        run.numbers = [
            "duration_s": measurement.durationSeconds, "energy_kwh": measurement.energyKWh, "emissions_kg": emissions,
            "emissions_rate": measurement.durationSeconds > 0 ? emissions / measurement.durationSeconds : 0,
            "cpu_energy_kwh": measurement.cpuEnergyKWh, "ram_energy_kwh": measurement.ramEnergyKWh,
            "gpu_energy_kwh": measurement.gpuEnergyKWh, "cpu_power_w": measurement.cpuPowerW,
            "ram_power_w": measurement.ramPowerW, "gpu_power_w": measurement.gpuPowerW,
            "cpu_count": Double(measurement.threads), "gpu_count": Double(measurement.gpuCount),
            "pue": measurement.pue, "intensity_g_per_kwh": intensity.gramsPerKWh,
        ]
        if let gib = measurement.ramTotalGiB { run.numbers["ram_total_size"] = gib }
        run.method = JSONWriter.render(measurement.method.setting("intensity", intensityJSON(intensity)), pretty: false)
        return run
    }

    static func intensityJSON(_ intensity: CarbonIntensity) -> JSONValue {
        .object([("g_per_kwh", .double(intensity.gramsPerKWh)), ("country", .text(intensity.country)),
                 ("origin", .string(intensity.origin)), ("source", .string(intensity.source))])
    }

    static func table(_ measurement: EnergyMeasurement, run: CarbonRun, attribution: [CarbonRunStore.Attribution],
                      intensity: CarbonIntensity, style: TerminalStyle) -> String {
        var parts = TextTable(headers: ["PART", "METHOD", "AVG POWER W", "ENERGY kWh"], alignments: [.left, .left, .right, .right])
        let method = measurement.method
        parts.add(["cpu", method["cpu"]?["method"]?.scalarText ?? "-", Timestamps.formatFixed(measurement.cpuPowerW, digits: 2), CarbonFormat.kwh(measurement.cpuEnergyKWh)])
        parts.add(["ram", method["ram"]?["method"]?.scalarText ?? "-", Timestamps.formatFixed(measurement.ramPowerW, digits: 2), CarbonFormat.kwh(measurement.ramEnergyKWh)])
        parts.add(["gpu", method["gpu"]?["method"]?.scalarText ?? "-", Timestamps.formatFixed(measurement.gpuPowerW, digits: 2), CarbonFormat.kwh(measurement.gpuEnergyKWh)])
        var text = parts.render(header: style.bold)
        text += "\nMeasured \(Timestamps.formatFixed(measurement.durationSeconds, digits: 1)) s"
        if let load = measurement.meanLoadPercent { text += ", mean CPU load \(Timestamps.formatFixed(load, digits: 1)) %" }
        text += ", PUE \(JSONWriter.format(measurement.pue)).\n"
        text += "Energy \(CarbonFormat.kwh(measurement.energyKWh)) kWh × \(Timestamps.formatFixed(intensity.gramsPerKWh, digits: 1)) g CO2e/kWh (\(intensity.source)) = \(CarbonFormat.kg(run.numbers["emissions_kg"] ?? 0)) kg CO2e.\n"
        if let cpu = method["cpu"], cpu["method"] == .string("cpu_load") {
            text += "CPU: no readable RAPL counters; TDP \(cpu["tdp_w"]?.scalarText ?? "?") W (\(cpu["tdp_source"]?.scalarText ?? "?")) × (0.1 + 0.9 × load³), as CodeCarbon.\n"
        }
        var split = TextTable(headers: ["COMPONENT", "CPU SECONDS", "SHARE", "CPU ENERGY kWh", "kg CO2e"], alignments: [.left, .right, .right, .right, .right])
        for item in attribution {
            split.add([item.component, Timestamps.formatFixed(item.cpuSeconds, digits: 2), Timestamps.formatFixed(item.share * 100, digits: 1) + " %",
                       CarbonFormat.kwh(item.energyKWh), CarbonFormat.kg(item.emissionsKg)])
        }
        return text + "\n" + split.render(header: style.bold)
    }

    static func json(_ measurement: EnergyMeasurement, run: CarbonRun, id: Int64, attribution: [CarbonRunStore.Attribution],
                     intensity: CarbonIntensity) -> JSONValue {
        .object([
            ("schema_version", .int(1)),
            ("id", .int(id)),
            ("label", .text(run.texts["label"])),
            ("project", .text(run.texts["project"])),
            ("started_at", .string(Timestamps.rfc3339(milliseconds: measurement.startedAt))),
            ("ended_at", .string(Timestamps.rfc3339(milliseconds: measurement.endedAt))),
            ("duration_ms", .int(Int64((measurement.durationSeconds * 1_000).rounded()))),
            ("local_day", .string(run.localDay)),
            ("energy_kwh", .double(measurement.energyKWh)),
            ("emissions_kg", .double(run.numbers["emissions_kg"] ?? 0)),
            ("cpu", .object([("energy_kwh", .double(measurement.cpuEnergyKWh)), ("power_w", .double(measurement.cpuPowerW)),
                             ("mean_load_percent", .number(measurement.meanLoadPercent))])),
            ("ram", .object([("energy_kwh", .double(measurement.ramEnergyKWh)), ("power_w", .double(measurement.ramPowerW))])),
            ("gpu", .object([("energy_kwh", .double(measurement.gpuEnergyKWh)), ("power_w", .double(measurement.gpuPowerW)),
                             ("count", .int(Int64(measurement.gpuCount))), ("idle_share", .number(measurement.gpuIdleShare))])),
            ("pue", .double(measurement.pue)),
            ("intensity", intensityJSON(intensity)),
            ("method", measurement.method),
            ("attribution", .array(attribution.map { item in
                .object([("component", .string(item.component)), ("cpu_seconds", .double(item.cpuSeconds)),
                         ("share", .double(item.share)), ("energy_kwh", .double(item.energyKWh)),
                         ("emissions_kg", .double(item.emissionsKg))])
            })),
        ])
    }
}
