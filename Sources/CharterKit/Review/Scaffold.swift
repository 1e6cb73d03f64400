public import Foundation

/// The files `charter init` writes: a complete small playbook repository that passes
/// `charter check --strict` as generated, with a CI workflow, editor schemas and CODEOWNERS.
public struct Scaffold: Sendable {
    /// The day written as every playbook's `last_reviewed`.
    public var today: CalendarDate
    /// Whether to copy the default templates into `Templates/` for customising.
    public var includeTemplates: Bool

    /// How often the scaffold's playbooks are reviewed: their `review_interval`.
    public static let reviewInterval = ReviewInterval(count: 12, unit: .month)

    /// The day the scaffold's playbooks fall due for review. From that day `charter check
    /// --strict` fails with CH252 until each one's `last_reviewed` is brought up to date; the
    /// scaffold's README and `charter init` say so, with this date.
    public var reviewDue: CalendarDate { today.adding(Self.reviewInterval) }

    /// The scaffold's playbooks by path, before their dates are filled in.
    private static let playbooks = [
        "content/playbooks/listening-plan.md": listeningPlan,
        "content/playbooks/launching-the-forum.md": launchingTheForum,
        "content/playbooks/moderation-and-escalation.md": moderation,
    ]

    /// The playbooks that fall due on `reviewDue`, by path.
    public static var reviewedPlaybooks: [String] { playbooks.keys.sorted() }

    /// Creates a scaffold.
    public init(today: CalendarDate, includeTemplates: Bool = false) {
        self.today = today
        self.includeTemplates = includeTemplates
    }

    /// The text files by path, before CODEOWNERS (which is generated from them).
    public func files() -> [String: Data] {
        var files: [String: String] = [
            "charter.yaml": Self.configuration,
            ".gitignore": "_site/\n.charter-cache/\n.build/\n",
            "AUTHORING.md": reviewed(Self.authoring),
            "README.md": reviewed(Self.readme),
            "content/index.md": Self.home,
            "content/objectives.yaml": Self.schemaLine("objectives", depth: 1) + Self.objectives,
            "content/strategies/customer-forum.yaml": Self.schemaLine("strategy", depth: 2) + reviewed(Self.strategy),
            "content/strategies/customer-forum.md": Self.narrative,
            "content/teams/community-team.yaml": Self.schemaLine("team", depth: 2) + Self.communityTeam,
            "content/teams/leadership-team.yaml": Self.schemaLine("team", depth: 2) + Self.leadershipTeam,
            "content/teams/support-team.yaml": Self.schemaLine("team", depth: 2) + Self.supportTeam,
            ".github/workflows/charter.yml": Self.workflow,
        ]
        for (path, text) in Self.playbooks { files[path] = reviewed(text) }
        for (name, text) in SchemaGenerator(framework: FrameworkLoader().load().0).files() {
            files["schemas/\(name)"] = text
        }
        var data = files.mapValues { Data($0.utf8) }
        if includeTemplates {
            for (path, file) in DefaultTemplates.files { data["Templates/\(path)"] = file.data }
        }
        return data
    }

    /// Writes the scaffold into `folder`, then its CODEOWNERS, made from the files just written.
    /// Refuses, writing nothing, when any of the files already exists.
    public func write(to folder: URL) throws -> [String] {
        let files = files()
        let fileManager = FileManager.default
        let taken = (files.keys.sorted() + [Self.codeownersPath]).filter {
            fileManager.fileExists(atPath: folder.appending(path: $0).path)
        }
        if let first = taken.first { throw CharterError.exists(folder.appending(path: first).path) }
        do {
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let url = folder.appending(path: path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        } catch {
            throw CharterError.unwritable(folder.path, error.localizedDescription)
        }
        var builder = SiteBuilder(root: folder)
        builder.today = today
        guard let model = try builder.check().model else { return files.keys.sorted() }
        let codeowners = CodeownersGenerator(site: model).text()
        do {
            try Data(codeowners.utf8).write(to: folder.appending(path: Self.codeownersPath))
        } catch {
            throw CharterError.unwritable(Self.codeownersPath, error.localizedDescription)
        }
        return (files.keys + [Self.codeownersPath]).sorted()
    }

    /// Where CODEOWNERS goes: GitHub reads it from `.github/`.
    public static let codeownersPath = ".github/CODEOWNERS"

    /// The text with the scaffold's dates and review interval filled in.
    private func reviewed(_ text: String) -> String {
        text.replacingOccurrences(of: "LAST_REVIEWED", with: today.description)
            .replacingOccurrences(of: "REVIEW_DUE", with: reviewDue.description)
            .replacingOccurrences(of: "REVIEW_INTERVAL", with: Self.reviewInterval.description)
    }

    static func schemaLine(_ kind: String, depth: Int) -> String {
        "# yaml-language-server: $schema=\(String(repeating: "../", count: depth))schemas/\(kind).schema.json\n"
    }

    static let configuration = """
        # Settings for this playbook site. Every key is optional.
        title: Our strategy playbook
        description: The strategies we run with our customers, and the playbooks that carry them out.
        language: en
        # public: true       # let search engines index the published site
        # base_url: https://playbook.example.org/
        # severity:          # change a diagnostic's severity by code: error, warning, note or off
        #   CH252: error

        """

    static let home = """
        # Our strategy playbook

        This site holds the strategies we run together with our customers, and the playbooks
        that carry them out. Start with the [customer forum strategy](strategies/customer-forum.yaml),
        then read the [listening plan](playbooks/listening-plan.md) it began with.

        `AUTHORING.md`, at the top of the repository, explains how to add a page, a team or a
        strategy.

        """

    static let strategy = """
        title: Customer forum
        owner: community-team
        status: draft
        focus_areas: [customer]
        objectives: [faster-answers]
        assessment:
          assessed_on: LAST_REVIEWED
          brand: Customers trust our products but say our help is hard to find.
          customers:
            sentiment: Warm towards the product, impatient with the help pages.
            needs:
              - {id: quick-answers, text: Quick answers to everyday questions}
            frustrations:
              - {id: on-hold, text: Waiting on hold for simple questions}
            excitements: [Tips from people who use the product every day]
          partners: Resellers answer many questions before we hear of them.
          competition:
            brand: One rival is known for its helpful forum.
            customers: Its customers praise the forum but say answers are slow at weekends.
            partners: Its resellers send their customers to the forum first.
          sources: [Support call notes, Reseller interviews, Public reviews]
        co_creators:
          - name: Five long-standing customers
            kind: customer
          - name: Two resellers
            kind: partner
        goal: Customers answer each other's everyday questions in an open forum, with our staff taking part.
        mission: Answers from people who use the product.
        benefits:
          customer: [Quicker answers, Advice from experienced users]
          company: [Fewer routine support calls, Early sight of product problems]
        methods:
          - id: peer-support
            title: Peer support forum
            description: A moderated forum where customers ask and answer questions.
            objectives: [faster-answers]
            answers: [quick-answers, on-hold]
            playbooks: [../playbooks/launching-the-forum.md]
        resources:
          - id: moderators
            kind: people
            description: Two moderators from the community team, half of their time.
            methods: [peer-support]
          - id: forum-budget
            kind: budget
            amount: 30000
            currency: EUR
            period: year
            methods: [peer-support]
        reporting:
          - method: peer-support
            success: Most questions get a correct answer the same day.
            measure: Share of questions answered within 24 hours
            unit: "%"
            baseline: 35
            target: {value: 70, date: 2030-12-31}
            # Add a result each month: - {date: 2030-01-31, value: 41}
            results: []
            tool: Forum analytics
        programs:
          - id: ask-the-community
            title: Ask the community
            kind: co-created
            owner: community-team
            method: peer-support
            community: passion
        maturity:
          current: planning
          target: presence
          evidence:
            planning: [../playbooks/listening-plan.md]
        responsibilities:
          governance: {accountable: leadership-team, responsible: [community-team]}
          best-practice: {accountable: community-team, responsible: [community-team]}
          content-direction: {accountable: community-team, responsible: [support-team]}
          training: {accountable: support-team, responsible: [community-team]}
          technology: {accountable: support-team, responsible: [support-team]}
          leadership: {accountable: leadership-team, responsible: [leadership-team]}
          insight-dissemination: {accountable: support-team, responsible: [community-team]}
          conversation-shaping: {accountable: community-team, responsible: [community-team, support-team]}
          conflict-resolution: {accountable: leadership-team, responsible: [support-team]}
        risks:
          - title: A member posts another customer's personal details
            owner: community-team
            mitigation: Moderators remove such posts within an hour.
            escalation: Data protection officer

        """

    static let objectives = """
        # The organisation's business objectives, held once. Strategies name the ones they serve by ID.
        objectives:
          - id: faster-answers
            title: Faster answers
            description: Answer most everyday product questions within a day, at any hour.
            owner: support-team

        """

    static let narrative = """
        Most questions that reach our support line have been answered many times before. A forum
        lets experienced customers share what they know, while our staff take part in the
        conversation instead of running it.

        """

    static let communityTeam = """
        name: Community team
        kind: coordination hub
        mission: Coordinate, teach and lead the people who take part in our customer conversations.
        lead: Community lead
        members:
          - {role: community lead}
          - {role: moderator}
        contact: community@example.org
        review_handle: "@example-org/community-team"

        """

    static let leadershipTeam = """
        name: Leadership team
        kind: executive committee
        mission: Sponsor our strategies and remove what stands in their way.
        lead: Managing director
        contact: leadership@example.org
        review_handle: "@example-org/leadership-team"

        """

    static let supportTeam = """
        name: Support team
        kind: function team
        function: customer support
        mission: Help customers get the most out of our products.
        lead: Head of support
        contact: support@example.org
        review_handle: "@example-org/support-team"

        """

    static let listeningPlan = """
        ---
        title: Listening plan
        description: What we listen to before we set objectives, and who turns it into findings.
        strategy: customer-forum
        stage: planning
        owner: support-team
        responsibilities: [insight-dissemination]
        status: approved
        last_reviewed: LAST_REVIEWED
        review_interval: REVIEW_INTERVAL
        tags: [planning]
        ---
        # Listening plan

        | Source | What it tells us | How often |
        |--------|------------------|-----------|
        | Support call notes | Where customers get stuck | Weekly |
        | Reseller interviews | What resellers hear first | Quarterly |
        | Public reviews | How customers describe us | Monthly |

        - [x] Name one owner for each source
        - [ ] Share the first findings with the [community team](../teams/community-team.yaml)

        Findings go to the strategy's owners with their sources attached.[^sources]

        [^sources]: A finding without a source is an opinion.

        """

    static let launchingTheForum = """
        ---
        title: Launching the forum
        description: The steps from an empty forum to one customers use.
        strategy: customer-forum
        stage: presence
        owner: community-team
        responsibilities: [content-direction, technology]
        status: draft
        last_reviewed: LAST_REVIEWED
        review_interval: REVIEW_INTERVAL
        tags: [presence]
        ---
        # Launching the forum

        1. Seed the forum with the twenty questions support hears most, each with a good answer.
        2. Invite the customers who helped write this strategy to post first.
        3. Link the forum from the help pages and from every support email.

        > [!TIP]
        > Answer every question in the first month, even when a member already has.

        See [moderation and escalation](moderation-and-escalation.md#when-to-escalate) before launch day.

        """

    static let moderation = """
        ---
        title: Moderation and escalation
        description: How moderators keep the forum safe, and when they call for help.
        strategy: customer-forum
        stage: engagement
        owner: community-team
        responsibilities: [conversation-shaping, conflict-resolution]
        status: draft
        last_reviewed: LAST_REVIEWED
        review_interval: REVIEW_INTERVAL
        tags: [engagement, risk]
        ---
        # Moderation and escalation

        Moderators take part in conversations, welcome new members and keep the forum on topic.

        ## When to escalate

        Call the data protection officer at once when a post shows someone's personal details,
        and the leadership team when a thread is picked up by the press.

        """

    /// The GitHub Action step that installs this very release of Charter and runs it.
    static let action = "\(CharterRelease.repository)@v\(CharterRelease.version)"

    static let workflow = """
        # Checks the playbook on every pull request (problems show up on the changed lines),
        # puts the strategy changes in the job summary, and builds the site. Charter is the
        # released binary, downloaded and checksum-verified by its action: no Swift needed.
        #
        # To publish the site to GitHub Pages from the main branch: in the repository's
        # settings, choose "GitHub Actions" as the Pages source, and add the repository
        # variable DEPLOY_TO_GITHUB_PAGES with the value true.
        name: Playbook
        on:
          pull_request:
          push:
            branches: [main]

        permissions:
          contents: read

        jobs:
          playbook:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with:
                  fetch-depth: 0
              - name: Check
                uses: \(action)
                with:
                  command: check
              - name: Strategy changes
                if: github.event_name == 'pull_request'
                uses: \(action)
                with:
                  command: diff
              - name: CODEOWNERS is up to date
                run: charter codeowners --check
              - name: Build
                uses: \(action)
                with:
                  command: build
              - uses: actions/upload-pages-artifact@v3
                with:
                  path: _site

          deploy:
            needs: playbook
            if: github.event_name == 'push' && github.ref == 'refs/heads/main' && vars.DEPLOY_TO_GITHUB_PAGES == 'true'
            runs-on: ubuntu-latest
            permissions:
              pages: write
              id-token: write
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v4

        """

    static let readme = """
        # Playbook

        Our strategies, the teams behind them and the playbooks that carry them out, built into a
        website by [Charter](https://github.com/\(CharterRelease.repository)).
        [AUTHORING.md](AUTHORING.md) says how to add and change pages.

        ```sh
        charter check    # every problem, with its file, line and column
        charter build    # the site, in _site/
        charter serve    # a live preview at http://127.0.0.1:8000
        ```

        Every pull request is checked by `.github/workflows/charter.yml`.

        ## Reviews fall due

        Every playbook says when it was last reviewed and how often it must be. The three that
        `charter init` wrote were dated LAST_REVIEWED with a review interval of REVIEW_INTERVAL, so they
        fall due on **REVIEW_DUE**. From that day `charter check --strict`, and so the pull-request
        workflow, fails with CH252 ("a page is past its review date") until each is reviewed: read
        it, change what is out of date, and set its `last_reviewed` to the day you did. Replace or
        delete them before then if they do not fit your team.

        The strategy's assessment (`assessed_on: LAST_REVIEWED`) grows old in the same way, after
        12 months unless `charter.yaml` sets `assessment_max_age`. That is a warning (CH261) which
        does not fail `--strict`: re-assess before you change the objectives.

        ## Hosting

        `charter build` writes plain files into `_site/`: HTML, CSS and JavaScript, with no
        server-side code. Any web server that serves a folder can host it.

        - **GitHub Pages**: the workflow publishes `_site/` from the main branch once the
          repository variable `DEPLOY_TO_GITHUB_PAGES` is `true` and the Pages source in the
          repository's settings is "GitHub Actions".
        - **nginx**: copy `_site/` to the server (for example `rsync -a --delete _site/ server:/srv/playbook/`)
          and point a server block at it:

          ```nginx
          server {
              listen 80;
              server_name playbook.example.org;
              root /srv/playbook;
              index index.html;
              try_files $uri $uri/ =404;
              error_page 404 /404.html;
          }
          ```

        - **Anywhere else** (Apache, Caddy, an S3 bucket, a file share): upload the contents of
          `_site/` as they are. Links between pages are relative, so the site also works from a
          subfolder.

        """

    static let authoring = """
        # Writing for this playbook

        The site is built by Charter from the files in `content/`. Every change goes through a
        pull request; the checks on it say exactly what is wrong and where.

        ## Add a playbook

        Create a Markdown file under `content/playbooks/`. Start it with front matter:

        ```yaml
        ---
        title: A short, plain title
        strategy: customer-forum      # the strategy it serves
        stage: engagement             # planning, presence, engagement, formalised, strategic, converged
        owner: community-team         # the team that keeps it up to date
        status: draft                 # draft, review, approved, retired
        last_reviewed: LAST_REVIEWED
        review_interval: REVIEW_INTERVAL
        ---
        ```

        Link to other pages the way GitHub does (`[escalation](moderation-and-escalation.md#when-to-escalate)`),
        or by name (`[the forum](strategy:customer-forum)`, `[the team](team:community-team)`).

        ## Add a team or a strategy

        Copy an existing file in `content/teams/` or `content/strategies/`; the file name is the ID.
        Editors that read the `yaml-language-server` line at the top complete and check the keys.

        ## Objectives and measures

        Business objectives live once, in `content/objectives.yaml`; a strategy names the ones it
        serves by ID (`objectives: [faster-answers]`). A measure in a strategy's `reporting` gets a
        `target` with a value and a date, and a dated entry under `results` each time it is measured:
        the strategy's page then shows whether it is on track.

        ## Before you open a pull request

        ```sh
        charter check            # every problem, with its line and column
        charter explain CH201    # what a code means and how to fix it
        charter build            # the site, in _site/
        ```

        """
}
