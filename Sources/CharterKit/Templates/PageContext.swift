/// Everything a page template can use. Templates read these names; a misspelt name renders
/// as nothing, so every template is covered by a golden-file test.
public struct PageContext: Sendable {
    public var site: SiteView
    public var page: PageView
    /// Top-level sections and pages, for the main navigation.
    public var navigation: [LinkView]
    /// The folders from the home page down to the page's own folder.
    public var breadcrumbs: [LinkView]
    /// For landing and listing pages: the pages and folders inside.
    public var children: [LinkView]
    /// For strategy and team pages: their YAML fields, until the model gives them pages of their own.
    public var fields: [FieldView]
    /// The prefix that leads from this page back to the site's top, such as `../`.
    public var root: String
}

/// The site-wide values.
public struct SiteView: Sendable {
    public var title: String
    public var description: String?
    public var language: String
    /// A relative URL of the home page.
    public var homeURL: String
    /// A relative URL of the stylesheet.
    public var stylesheetURL: String
}

/// The page being rendered.
public struct PageView: Sendable {
    public var title: String
    /// What the browser tab shows: "Page · Site", or the site's title alone on its home page.
    public var documentTitle: String
    /// The title's `id`, when it came from the body's opening heading.
    public var titleID: String?
    /// False when the body shows the title itself, as a level-1 heading further down.
    public var showTitle: Bool
    public var description: String?
    /// "page", "section", "home", "strategy" or "team".
    public var kind: String
    /// The rendered Markdown body, as HTML.
    public var content: String
    public var toc: [TOCEntry]
    public var hasTOC: Bool
    public var tags: [String]
    /// Every front-matter key, including ones Charter does not know.
    public var params: [String: any Sendable]
    /// The source file, relative to the site root.
    public var sourcePath: String
    /// The page's own path in the site.
    public var path: String
}

/// A link with its title, relative to the page it appears on.
public struct LinkView: Sendable, Hashable {
    public var title: String
    public var url: String
    public var isCurrent: Bool
    public var isFolder: Bool
}

/// One line of a page's table of contents.
public struct TOCEntry: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var url: String
}

/// A YAML field shown on a generic data page; lists and mappings nest.
public final class FieldView: Sendable {
    /// The mapping key, or nil for an item of a list.
    public let key: String?
    public let text: String?
    public let fields: [FieldView]

    init(key: String?, text: String?, fields: [FieldView]) {
        self.key = key
        self.text = text
        self.fields = fields
    }
}
