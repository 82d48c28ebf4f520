/// Splits a measurement's CPU energy among TTA components by their share of the CPU time
/// used on the machine during it; what no component used (other programs, the kernel, idle
/// floor power) goes to "other".
enum CarbonAttribution {
    /// The component that takes the remainder.
    static let other = "other"

    /// Shares of `cpuEnergyKWh`. `busyTicks` is the machine's busy time from /proc/stat over
    /// the same window; components' ticks are scaled down if sampling skew makes them exceed it.
    static func split(cpuEnergyKWh: Double, intensity: Double, ticksByComponent: [String: Int64],
                      busyTicks: Int64, ticksPerSecond: Double) -> [CarbonRunStore.Attribution] {
        let componentTicks = ticksByComponent.values.reduce(0, +)
        let denominator = Double(max(busyTicks, componentTicks))
        var items: [CarbonRunStore.Attribution] = []
        var attributedShare = 0.0
        if denominator > 0 {
            for (component, ticks) in ticksByComponent.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
                let share = Double(ticks) / denominator
                attributedShare += share
                items.append(item(component, cpuSeconds: Double(ticks) / ticksPerSecond, share: share,
                                  cpuEnergyKWh: cpuEnergyKWh, intensity: intensity))
            }
        }
        let otherTicks = max(0, busyTicks - componentTicks)
        items.append(item(other, cpuSeconds: Double(otherTicks) / ticksPerSecond, share: max(0, 1 - attributedShare),
                          cpuEnergyKWh: cpuEnergyKWh, intensity: intensity))
        return items
    }

    private static func item(_ component: String, cpuSeconds: Double, share: Double, cpuEnergyKWh: Double,
                             intensity: Double) -> CarbonRunStore.Attribution {
        let energy = cpuEnergyKWh * share
        return CarbonRunStore.Attribution(component: component, cpuSeconds: cpuSeconds, share: share,
                                          energyKWh: energy, emissionsKg: energy * intensity / 1_000)
    }
}
