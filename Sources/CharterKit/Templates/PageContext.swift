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
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .site: self.site
        case .page: self.page
        case .navigation: self.navigation
        case .section: self.section
        case .sectionTitle: self.sectionTitle
        case .breadcrumbs: self.breadcrumbs
        case .children: self.children
        case .root: self.root
        case .playbook: self.playbook
        case .strategy: self.strategy
        case .team: self.team
        case .stage: self.stage
        case .responsibility: self.responsibility
        case .matrix: self.matrix
        case .maturity: self.maturity
        case .listing: self.listing
        case .health: self.health
        case .home: self.home
        case .objective: self.objective
        case .organisation: self.organisation
        case .exchanges: self.exchanges
        case .print: self.print
        case .t: self.t
        case nil: nil
        }
    }
}

extension PrintSection: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .anchor: self.anchor
        case .title: self.title
        case .path: self.path
        case .content: self.content
        case nil: nil
        }
    }
}

extension SiteView: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .title: self.title
        case .description: self.description
        case .language: self.language
        case .direction: self.direction
        case .homeURL: self.homeURL
        case .stylesheetURL: self.stylesheetURL
        case .searchScriptURL: self.searchScriptURL
        case .isPublic: self.isPublic
        case .sections: self.sections
        case .printURL: self.printURL
        case nil: nil
        }
    }
}

extension PageView: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .title: self.title
        case .documentTitle: self.documentTitle
        case .titleID: self.titleID
        case .showTitle: self.showTitle
        case .description: self.description
        case .kind: self.kind
        case .content: self.content
        case .toc: self.toc
        case .hasTOC: self.hasTOC
        case .tags: self.tags
        case .params: self.params
        case .sourcePath: self.sourcePath
        case .path: self.path
        case nil: nil
        }
    }
}

extension LinkView: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .title: self.title
        case .url: self.url
        case .isCurrent: self.isCurrent
        case .isFolder: self.isFolder
        case .detail: self.detail
        case nil: nil
        }
    }
}

extension TOCEntry: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .level: self.level
        case .text: self.text
        case .url: self.url
        case nil: nil
        }
    }
}

extension PlaybookView: TemplateView {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .owner: self.owner
        case .strategy: self.strategy
        case .stage: self.stage
        case .responsibilities: self.responsibilities
        case .status: self.status
        case .statusText: self.statusText
        case .lastReviewed: self.lastReviewed
        case .reviewDue: self.reviewDue
        case .isStale: self.isStale
        case .hasMetadata: self.hasMetadata
        case .referencedBy: self.referencedBy
        case .previous: self.previous
        case .next: self.next
        case nil: nil
        }
    }
}
