extension PerfdataItem {
    /// An item whose warn/crit fields carry `thresholds` in the plugins' range syntax.
    init(label: String, value: Double, unit: String = "", thresholds: Thresholds?, minimum: Double? = nil,
         maximum: Double? = nil) {
        self.init(label: label, value: value, unit: unit, warning: Self.range(thresholds?.warning, thresholds),
                  critical: Self.range(thresholds?.critical, thresholds), minimum: minimum, maximum: maximum)
    }

    /// `80` alerts above 80; `10:` alerts below 10, for lower-is-worse levels.
    private static func range(_ level: Double?, _ thresholds: Thresholds?) -> String? {
        guard let level, let thresholds else { return nil }
        return PerfdataNumber.text(level) + (thresholds.lowerIsWorse ? ":" : "")
    }
}
