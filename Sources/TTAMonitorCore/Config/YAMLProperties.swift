/// Node properties (`&anchor`, `!!tag`) as read before a node's content.
struct YAMLProperties {
    struct Anchor {
        var name: String
        var mark: YAMLReader.Mark
        var pending: YAMLAnchorTable.Pending
    }

    struct Tag {
        var text: String
        var mark: YAMLReader.Mark
    }

    var anchor: Anchor?
    var tag: Tag?

    var isEmpty: Bool { anchor == nil && tag == nil }
    /// Where the first property starts.
    var start: YAMLReader.Mark? {
        switch (anchor?.mark, tag?.mark) {
        case let (anchor?, tag?): anchor.index < tag.index ? anchor : tag
        case let (anchor, tag): anchor ?? tag
        }
    }
}

/// How properties are separated from what follows them.
enum YAMLSeparation {
    /// Within the line only (block context; the caller moves to the next line itself).
    case inline
    /// Whitespace, comments and line breaks, with continuation lines indented at least `minIndent`.
    case flow(minIndent: Int)
}
