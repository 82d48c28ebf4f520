/// Why fewer checks than asked may be in flight: said once per run, before probing.
extension CheckRunner {
    /// The note when the open-file limit lowers the concurrency for `checkCount` checks; nil otherwise.
    func concurrencyNote(checkCount: Int) -> String? {
        guard effectiveConcurrency < min(concurrency, checkCount) else { return nil }
        let most = effectiveConcurrency == 1 ? "1 check" : "\(effectiveConcurrency) checks"
        return "note: at most \(most) in flight instead of \(concurrency): "
            + "the open-file limit (ulimit -n) is \(DescriptorLimit.softLimit ?? 0) and each check may need "
            + "\(DescriptorLimit.perCheck) descriptors besides \(DescriptorLimit.reserved) for tta-monitor itself"
    }
}
