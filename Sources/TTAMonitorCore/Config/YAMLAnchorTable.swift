/// Anchors defined so far, and the budget that stops alias bombs ("billion laughs"): every
/// alias counts the nodes it stands for, and the document may expand at most
/// `expansionLimit` of them in total.
struct YAMLAnchorTable {
    /// An anchor whose node is still being read.
    struct Pending {
        var name: String
        var serial: Int
        var producedAtStart: Int
    }

    /// What an alias finds.
    enum Lookup {
        case node(YAMLNode, size: Int)
        case unknown
        case recursive
    }

    /// The most nodes a document may produce through aliases.
    static let expansionLimit = 100_000

    private struct Entry {
        var serial: Int
        var node: YAMLNode?
        var size: Int
    }

    private var entries: [String: Entry] = [:]
    private var nextSerial = 0
    /// Nodes created so far, an alias counting as the size of what it expands to; the size of an
    /// anchored node is the difference across it, so no tree is ever walked to measure it.
    private(set) var producedNodes = 0
    /// Nodes created by alias expansion so far.
    private(set) var expandedNodes = 0

    /// Records that `name` starts here. From now on the name refers to this node, and an alias
    /// to it before the node ends would be a cycle.
    mutating func begin(_ name: String) -> Pending {
        nextSerial += 1
        entries[name] = Entry(serial: nextSerial, node: nil, size: 0)
        return Pending(name: name, serial: nextSerial, producedAtStart: producedNodes)
    }

    /// Counts one node created from the text.
    mutating func countNode() { producedNodes += 1 }

    /// Registers the finished node, unless a later anchor of the same name (inside it) took
    /// the name over: an alias refers to the most recently started anchor.
    mutating func complete(_ pending: Pending, node: YAMLNode) {
        guard entries[pending.name]?.serial == pending.serial else { return }
        entries[pending.name] = Entry(serial: pending.serial, node: node, size: producedNodes - pending.producedAtStart)
    }

    /// The node an alias names.
    func lookup(_ name: String) -> Lookup {
        guard let entry = entries[name] else { return .unknown }
        guard let node = entry.node else { return .recursive }
        return .node(node, size: entry.size)
    }

    /// Charges an alias expansion of `size` nodes; false when it breaks the limit.
    mutating func expand(_ size: Int) -> Bool {
        expandedNodes += size
        producedNodes += size
        return expandedNodes <= Self.expansionLimit
    }
}
