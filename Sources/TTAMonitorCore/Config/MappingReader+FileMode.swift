#if canImport(Glibc)
import Glibc
#endif

extension MappingReader {
    /// Reads an octal file mode such as `0640` (`monitoring.storage.mode`). YAML would read
    /// `0640` as the decimal 640, so the scalar's text is taken as written.
    mutating func fileMode(_ key: String) throws(ConfigError) -> mode_t? {
        guard let value = node(key) else { return nil }
        guard let scalar = value.scalar, let mode = FileMode.parse(scalar.text) else {
            throw error("'\(keyPath(key))' must be an octal file mode that lets the owner read and write, "
                + "with nothing for others but read, e.g. 0600 (the default) or 0640", at: value)
        }
        return mode
    }
}
