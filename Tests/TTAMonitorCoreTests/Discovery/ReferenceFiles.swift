import Foundation
@testable import TTAMonitorCore

/// TTA's real config and compose files: `$TTA_REFERENCE_DIR`, else
/// `<package root>/../shared/reference/tta`. Absent on machines without the shared tree.
enum ReferenceFiles {
    static var directory: String? {
        if let explicit = ProcessInfo.processInfo.environment["TTA_REFERENCE_DIR"], !explicit.isEmpty { return explicit }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidate = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/tta").path
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    /// The seven `tta_config.*.yaml` versions.
    static func configs() -> [String] {
        guard let directory else {
            print("notice: TTA reference files not found (set TTA_REFERENCE_DIR); skipping reference checks")
            return []
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasPrefix("tta_config.") && $0.hasSuffix(".yaml") }.sorted().map { directory + "/" + $0 }
    }

    static func root(_ path: String) throws -> YAMLNode? {
        try ConfigDocument(text: String(contentsOfFile: path, encoding: .utf8), path: path).root
    }
}
