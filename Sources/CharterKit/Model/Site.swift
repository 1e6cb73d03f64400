/// The site as the model sees it: pages, strategy and team files, assets and settings.
public struct Site: Sendable {
    public var configuration: SiteConfiguration
    /// Every page in output-path order; folders without a landing page get a generated one.
    public var pages: [Page]
    /// The strategy files, by ID; each one's content is in `strategyModels`.
    public var strategies: [DataFile]
    /// The team files, by ID; each one's content is in `teamModels`.
    public var teams: [DataFile]
    public var assets: [Asset]
    /// Where the content folder sits below the root ("content" or "").
    public var contentPrefix: String
    /// The framework in force: built-in defaults changed by the site's model files.
    public var framework: Framework
    /// The strategies, read from their files.
    public var strategyModels: [Strategy] = []
    /// The teams, read from their files.
    public var teamModels: [Team] = []
    /// The objectives register, in file order; empty when the site has none.
    public var objectives: [BusinessObjective] = []
    /// Whether the site has an objectives register file, even an empty one.
    public var hasObjectiveRegister = false
    /// The words Charter writes into pages, in the site's language.
    public var messages: Messages = .english
    /// IDs of strategy and team files that exist but could not be read ("strategy/ID", "team/ID"),
    /// so references to them are not reported a second time as unknown.
    public var unreadableIDs: Set<String> = []

    /// All strategy and team files.
    public var dataDocuments: [DataFile] { strategies + teams }
}
