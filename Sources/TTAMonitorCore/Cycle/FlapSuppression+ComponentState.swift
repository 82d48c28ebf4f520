/// Flap state is stored in `components` (read as `StatusQuery.ComponentState`) and used as
/// `FlapSuppression.Prior`; this is the one conversion between the two.
extension FlapSuppression.Prior {
    /// The prior state a stored component gives the next result.
    init(_ state: StatusQuery.ComponentState) {
        self.init(reported: state.lastStatus, softStatus: state.softStatus, softCount: state.softCount)
    }
}
