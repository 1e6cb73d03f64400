/// Everything a page template can use. Templates read these names; a misspelt name renders
/// as nothing, so every template is covered by a golden-file test.
public struct PageContext: Sendable {
    public var site: SiteView
    public var page: PageView
    /// Top-level sections and pages, for the main navigation (at most 25, then a link to the rest).
    public var navigation: [LinkView]
    /// The pages of the page's own folder, below the top level (at most 25, then a link to the rest).
    public var section: [LinkView]
    /// The name of that folder.
    public var sectionTitle: String?
    /// The folders from the home page down to the page's own folder.
    public var breadcrumbs: [LinkView]
    /// For landing and listing pages: the pages and folders inside.
    public var children: [LinkView]
    /// The prefix that leads from this page back to the site's top, such as `../`.
    public var root: String
    /// Playbook metadata, backlinks and neighbours, on Markdown pages.
    public var playbook: PlaybookView?
    public var strategy: StrategyView?
    public var team: TeamView?
    public var stage: StageView?
    public var responsibility: ResponsibilityView?
    public var matrix: MatrixView?
    public var maturity: MaturityOverviewView?
    public var listing: ListingView?
    public var health: HealthView?
    public var home: HomeView?
    public var objective: ObjectiveView?
    public var organisation: OrganisationView?
    /// On the site-wide "you said, we did" page.
    public var exchanges: ExchangesView?
    /// On the print page: every written page, in reading order.
    public var print: [PrintSection]?
    /// The words of the site's language, by message key: `{{t.home.glance}}`.
    public var t: MessagesView
}

/// One page of the site on the page that prints them all.
public struct PrintSection: Sendable {
    public var anchor: String
    public var title: String
    /// The page's own address, for reference in print.
    public var path: String
    public var content: String
}

/// The site-wide values.
public struct SiteView: Sendable {
    public var title: String
    public var description: String?
    public var language: String
    /// `ltr`, or `rtl` for a language written from right to left.
    public var direction: String
    /// A relative URL of the home page.
    public var homeURL: String
    /// A relative URL of the stylesheet.
    public var stylesheetURL: String
    /// A relative URL of the search script, which loads the index only when the search box is used.
    public var searchScriptURL: String
    /// False unless charter.yaml says `public: true`: pages then carry `noindex`.
    public var isPublic: Bool
    /// Links to the model's overview pages, when the site has strategies or teams.
    public var sections: [LinkView]
    /// A relative URL of the page that prints every page in order, when there is one.
    public var printURL: String?
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
    /// The template's name: "page", "section", "home", "strategy", "team", "stage", …
    public var kind: String
    /// The rendered Markdown body, as HTML.
    public var content: String
    public var toc: [TOCEntry]
    public var hasTOC: Bool
    public var tags: [LinkView]
    /// Every front-matter key, including ones Charter does not know.
    public var params: TemplateParameters
    /// The source file, relative to the site root.
    public var sourcePath: String?
    /// The page's own path in the site.
    public var path: String
}

/// A link with its title, relative to the page it appears on.
public struct LinkView: Sendable, Hashable {
    public var title: String
    public var url: String
    public var isCurrent: Bool = false
    public var isFolder: Bool = false
    /// A short extra word shown beside the link (a letter, a stage, a count).
    public var detail: String?
}

/// One line of a page's table of contents.
public struct TOCEntry: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var url: String
}

/// What a playbook's front matter says, with links, and the pages around it.
public struct PlaybookView: Sendable {
    public var owner: LinkView?
    public var strategy: LinkView?
    public var stage: LinkView?
    public var responsibilities: [LinkView]
    public var status: String?
    /// The status in the site's language.
    public var statusText: String?
    public var lastReviewed: String?
    public var reviewDue: String?
    public var isStale: Bool
    public var hasMetadata: Bool
    /// Pages that link here.
    public var referencedBy: [LinkView]
    public var previous: LinkView?
    public var next: LinkView?
}

// The views templates read (TemplateView). Each one's fingerprint comes from its synthesized
// Encodable conformance, which must be declared in this file; each one's lookup switches over
// its synthesized CodingKeys, so the compiler refuses a field that templates cannot read.
extension PageContext: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .site: .at(self.site, rest)
        case .page: .at(self.page, rest)
        case .navigation: .at(self.navigation, rest)
        case .section: .at(self.section, rest)
        case .sectionTitle: .at(self.sectionTitle, rest)
        case .breadcrumbs: .at(self.breadcrumbs, rest)
        case .children: .at(self.children, rest)
        case .root: .at(self.root, rest)
        case .playbook: .at(self.playbook, rest)
        case .strategy: .at(self.strategy, rest)
        case .team: .at(self.team, rest)
        case .stage: .at(self.stage, rest)
        case .responsibility: .at(self.responsibility, rest)
        case .matrix: .at(self.matrix, rest)
        case .maturity: .at(self.maturity, rest)
        case .listing: .at(self.listing, rest)
        case .health: .at(self.health, rest)
        case .home: .at(self.home, rest)
        case .objective: .at(self.objective, rest)
        case .organisation: .at(self.organisation, rest)
        case .exchanges: .at(self.exchanges, rest)
        case .print: .at(self.print, rest)
        case .t: .at(self.t, rest)
        case nil: nil
        }
    }
}

extension PrintSection: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .anchor: .at(self.anchor, rest)
        case .title: .at(self.title, rest)
        case .path: .at(self.path, rest)
        case .content: .at(self.content, rest)
        case nil: nil
        }
    }
}

extension SiteView: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .title: .at(self.title, rest)
        case .description: .at(self.description, rest)
        case .language: .at(self.language, rest)
        case .direction: .at(self.direction, rest)
        case .homeURL: .at(self.homeURL, rest)
        case .stylesheetURL: .at(self.stylesheetURL, rest)
        case .searchScriptURL: .at(self.searchScriptURL, rest)
        case .isPublic: .at(self.isPublic, rest)
        case .sections: .at(self.sections, rest)
        case .printURL: .at(self.printURL, rest)
        case nil: nil
        }
    }
}

extension PageView: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .title: .at(self.title, rest)
        case .documentTitle: .at(self.documentTitle, rest)
        case .titleID: .at(self.titleID, rest)
        case .showTitle: .at(self.showTitle, rest)
        case .description: .at(self.description, rest)
        case .kind: .at(self.kind, rest)
        case .content: .at(self.content, rest)
        case .toc: .at(self.toc, rest)
        case .hasTOC: .at(self.hasTOC, rest)
        case .tags: .at(self.tags, rest)
        case .params: .at(self.params, rest)
        case .sourcePath: .at(self.sourcePath, rest)
        case .path: .at(self.path, rest)
        case nil: nil
        }
    }
}

extension LinkView: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .title: .at(self.title, rest)
        case .url: .at(self.url, rest)
        case .isCurrent: .at(self.isCurrent, rest)
        case .isFolder: .at(self.isFolder, rest)
        case .detail: .at(self.detail, rest)
        case nil: nil
        }
    }
}

extension TOCEntry: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .level: .at(self.level, rest)
        case .text: .at(self.text, rest)
        case .url: .at(self.url, rest)
        case nil: nil
        }
    }
}

extension PlaybookView: TemplateView {
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        switch CodingKeys(stringValue: name) {
        case .owner: .at(self.owner, rest)
        case .strategy: .at(self.strategy, rest)
        case .stage: .at(self.stage, rest)
        case .responsibilities: .at(self.responsibilities, rest)
        case .status: .at(self.status, rest)
        case .statusText: .at(self.statusText, rest)
        case .lastReviewed: .at(self.lastReviewed, rest)
        case .reviewDue: .at(self.reviewDue, rest)
        case .isStale: .at(self.isStale, rest)
        case .hasMetadata: .at(self.hasMetadata, rest)
        case .referencedBy: .at(self.referencedBy, rest)
        case .previous: .at(self.previous, rest)
        case .next: .at(self.next, rest)
        case nil: nil
        }
    }
}
