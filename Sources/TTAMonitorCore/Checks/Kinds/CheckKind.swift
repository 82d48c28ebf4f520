/// The kind-specific part of a check: the spec of one registered kind (`CheckKindRegistry`).
public struct CheckKind: Sendable, Equatable {
    /// The spec, of whichever kind the config names.
    let spec: any CheckSpec

    /// Wraps a spec of any kind.
    init(_ spec: any CheckSpec) { self.spec = spec }

    /// The kind's name as written in the config (`type:`).
    public var name: String { type(of: spec).kindName }

    /// The latency thresholds (milliseconds) of kinds that judge latency, for reports that
    /// print them beside the measurement (Nagios perfdata).
    public var latencyThresholds: Thresholds? { spec.latencyThresholds }

    /// The spec when it is of kind `Spec`, for the few places that need one kind's fields
    /// (carbon attribution reads the `process` checks' selectors).
    func spec<Spec: CheckSpec>(as kind: Spec.Type) -> Spec? { spec as? Spec }

    public static func == (lhs: CheckKind, rhs: CheckKind) -> Bool { lhs.spec.isEqual(to: rhs.spec) }
}
