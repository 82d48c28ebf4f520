#if canImport(Glibc)
import Glibc
#endif

/// Samples a machine's energy use for a while, the way CodeCarbon 3.3.2 does on Linux:
/// CPU from RAPL package counters when readable, else from `/proc/stat` load and the TDP
/// model, both sampled every second; RAM from the DIMM rule; GPUs from `nvidia-smi` power
/// draw; every part multiplied by the PUE. The roots of /proc and /sys/class/powercap can be
/// pointed elsewhere by tests.
struct EnergyMeasurer: Sendable {
    var duration: Duration
    var interval: Duration = .seconds(1)
    var procRoot = "/proc"
    var powercapRoot = "/sys/class/powercap"
    var configuredTDP: Double?
    var pue = 1.0
    /// `nvidia-smi`'s path, nil when not installed.
    var nvidiaSMI: String?
    var checks: [CheckConfig] = []

    /// Runs for `duration`, calling `progress` with the seconds done after each sample.
    func measure(progress: (@Sendable (Double) -> Void)? = nil) async throws(CarbonError) -> EnergyMeasurement {
        let setup = await BlockingCall.run { [self] in Setup(self) }
        guard setup.load.isReadable || setup.rapl != nil else {
            throw .measurement("cannot read \(procRoot)/stat or RAPL counters: no way to estimate CPU energy")
        }
        var rapl = setup.rapl
        var load = setup.load
        var processes = ProcessCPUAccumulator(start: setup.startProcesses)
        let clock = ContinuousClock()
        let start = clock.now
        let startedAt = WallClock.nowMilliseconds()
        var last = start
        var cpuJoules = 0.0, gpuJoules = 0.0, loadSeconds = 0.0, weightedLoad = 0.0
        var samples = 0, gpuSamples = 0, gpuIdleSamples = 0
        var gpuNames: [Int: String] = [:]
        while true {
            let elapsed = last - start
            guard elapsed < duration else { break }
            try? await Task.sleep(for: min(interval, duration - elapsed))
            let now = clock.now
            let seconds = (now - last).seconds
            last = now
            let latest = processes.latest
            let reading = await BlockingCall.run { [rapl, load, setup] in
                var rapl = rapl, load = load
                let joules = rapl?.joulesSinceLast()
                let percent = load.percentSinceLast()
                // Every sample, so processes that exit before the end keep their CPU time.
                return (rapl, load, joules, percent, setup.processes.snapshot(reusing: latest))
            }
            rapl = reading.0
            load = reading.1
            processes.add(reading.4)
            if let joules = reading.2 {
                cpuJoules += joules
            } else {
                cpuJoules += setup.cpuModel.watts(loadPercent: reading.3) * seconds
            }
            weightedLoad += reading.3 * seconds
            loadSeconds += seconds
            if let nvidiaSMI {
                let gpus = await Self.sampleGPUs(nvidiaSMI)
                gpuJoules += gpus.compactMap(\.watts).reduce(0, +) * seconds
                for gpu in gpus {
                    gpuNames[gpu.index] = gpu.name
                    gpuSamples += 1
                    if let utilization = gpu.utilizationPercent, utilization < 5 { gpuIdleSamples += 1 }
                }
            }
            samples += 1
            progress?(elapsed.seconds + seconds)
        }
        let total = (last - start).seconds
        let endTimes = await BlockingCall.run { [setup] in CPULoadSampler.read(setup.load.statPath) }
        let endedAt = WallClock.nowMilliseconds()
        let busyTicks = Int64(max(0, (endTimes?.busy ?? 0) - (setup.startTimes?.busy ?? 0)))
        let toKWh = pue / 3_600_000
        let ramWatts = setup.ramGiB.map { RAMPowerModel.watts(totalGiB: $0, arm: setup.arm) } ?? 0
        var gpuModel: String?
        if !gpuNames.isEmpty {
            let counts = Dictionary(gpuNames.values.map { ($0, 1) }, uniquingKeysWith: +)
            gpuModel = counts.sorted { $0.key < $1.key }.map { "\($0.value) x \($0.key)" }.joined(separator: ", ")
        }
        let idleShare = gpuSamples > 0 ? Double(gpuIdleSamples) / Double(gpuSamples) : nil
        let method = methodJSON(setup: setup, ramWatts: ramWatts, gpuModel: gpuModel, idleShare: idleShare, samples: samples)
        return EnergyMeasurement(
            startedAt: startedAt, endedAt: endedAt, durationSeconds: total, samples: samples,
            cpuEnergyKWh: cpuJoules * toKWh, ramEnergyKWh: ramWatts * total * toKWh, gpuEnergyKWh: gpuJoules * toKWh,
            cpuPowerW: total > 0 ? cpuJoules / total * pue : 0, ramPowerW: ramWatts * pue,
            gpuPowerW: total > 0 ? gpuJoules / total * pue : 0,
            meanLoadPercent: loadSeconds > 0 ? weightedLoad / loadSeconds : nil,
            gpuCount: gpuNames.count, gpuModel: gpuModel,
            gpuIdleShare: idleShare,
            cpuModel: setup.cpuModel.model, threads: setup.cpuModel.threads, ramTotalGiB: setup.ramGiB, pue: pue,
            method: method, ticksByComponent: processes.ticksByComponent,
            busyTicks: busyTicks)
    }

    private func methodJSON(setup: Setup, ramWatts: Double, gpuModel: String?, idleShare: Double?, samples: Int) -> JSONValue {
        let cpu: JSONValue
        if let rapl = setup.rapl {
            cpu = .object([("method", .string("rapl")),
                           ("detail", .string("sum of RAPL package domains' energy_uj deltas, wraps corrected with max_energy_range_uj")),
                           ("domains", .array(rapl.domains.map { .string($0.name) }))])
        } else {
            let model = setup.cpuModel
            cpu = .object([("method", .string("cpu_load")),
                           ("detail", .string("TDP × (0.1 + 0.9 × (load/100)³), load from /proc/stat every \(JSONWriter.format(interval.seconds)) s")),
                           ("tdp_w", .double(model.tdpWatts)), ("tdp_source", .string(model.source.rawValue)),
                           ("cpu_model", .text(model.model)), ("threads", .int(Int64(model.threads)))])
        }
        let ram: JSONValue = setup.ramGiB.map { gib in
            .object([("method", .string("dimm_estimate")),
                     ("detail", .string("CodeCarbon's DIMM rule: \(setup.arm ? "1.5" : "5") W per estimated DIMM")),
                     ("total_gib", .double(gib)), ("dimms", .int(Int64(RAMPowerModel.dimmCount(totalGiB: gib)))),
                     ("watts", .double(ramWatts))])
        } ?? .object([("method", .string("none")), ("detail", .string("\(procRoot)/meminfo unreadable"))])
        let gpu: JSONValue = nvidiaSMI == nil
            ? .object([("method", .string("none")), ("detail", .string("nvidia-smi not found in PATH"))])
            : .object([("method", .string("nvidia-smi")),
                       ("detail", .string("power.draw sampled every \(JSONWriter.format(interval.seconds)) s, integrated over time")),
                       ("gpu_model", .text(gpuModel)), ("idle_share", .number(idleShare))])
        return .object([("cpu", cpu), ("ram", ram), ("gpu", gpu), ("pue", .double(pue)), ("samples", .int(Int64(samples))),
                        ("attribution", .string("CPU energy split by utime+stime deltas of /proc/PID/stat per component"))])
    }

    /// One `nvidia-smi` query, with a 5-second limit.
    static func sampleGPUs(_ path: String) async -> [NvidiaSMIReader.Sample] {
        var spec = CommandCheckSpec(argv: [path] + NvidiaSMIReader.arguments)
        spec.maxOutputBytes = 16_384
        guard case .success(let outcome) = await CommandExecution.run(spec, timeout: .seconds(5)),
              outcome.ending == .exited(0) else { return [] }
        return NvidiaSMIReader.parse(String(decoding: outcome.output, as: UTF8.self))
    }

    /// What is read once, before the first sample. Unchecked because the component matcher
    /// holds `Regex` values, which are not `Sendable`; the setup is only ever used by one
    /// thread at a time (each blocking step awaits the previous one).
    private struct Setup: @unchecked Sendable {
        var rapl: RAPLReader?
        var load: CPULoadSampler
        var startTimes: CPULoadSampler.Times?
        var cpuModel: CPUPowerModel
        var ramGiB: Double?
        var arm: Bool
        var processes: ProcessCPUTimes
        var startProcesses: [Int32: ProcessCPUTimes.Entry]

        init(_ measurer: EnergyMeasurer) {
            // A configured TDP means "use the load model" for CodeCarbon too (force_cpu_power).
            rapl = measurer.configuredTDP == nil ? RAPLReader(powercapRoot: measurer.powercapRoot) : nil
            processes = ProcessCPUTimes(procRoot: measurer.procRoot, matcher: ComponentMatcher(checks: measurer.checks))
            startProcesses = processes.snapshot()
            load = CPULoadSampler(procRoot: measurer.procRoot)
            startTimes = CPULoadSampler.read(load.statPath)
            let cpuinfo: String
            if case .success(let text) = ProcFile.text(measurer.procRoot + "/cpuinfo") { cpuinfo = text } else { cpuinfo = "" }
            cpuModel = CPUPowerModel.resolve(configuredTDP: measurer.configuredTDP, cpuinfo: cpuinfo,
                                             threads: CPUPowerModel.onlineThreads())
            if case .success(let text) = ProcFile.text(measurer.procRoot + "/meminfo") {
                ramGiB = RAMPowerModel.totalGiB(meminfo: text)
            }
            var system = utsname()
            uname(&system)
            let machine = withUnsafeBytes(of: system.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }.lowercased()
            arm = machine.contains("arm") || machine.contains("aarch")
        }
    }
}
