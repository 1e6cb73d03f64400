import Testing
@testable import CharterKit

/// The file formats: unknown and misspelt keys, missing fields, values outside their lists, IDs and dates.
@Suite struct FormatTests {
    static let strategy = FixtureSite.strategy

    @Test("CH108: an unknown key in a strategy is an error with a did-you-mean; x- keys are ignored")
    func unknownStrategyKey() throws {
        let result = try FixtureSite.result([.replace("mission: Answers", with: "x-notes: ours\nmisson: Answers")])
        #expect(located(result.diagnostics) == [
            "CH201 error \(Self.strategy):1:1", "CH240 warning \(Self.strategy):1:1", "CH108 error \(Self.strategy):24:1",
        ])
        #expect(result.diagnostics.last?.fixHint == "did you mean 'mission'?")
    }

    @Test("CH108: unknown keys are found in nested mappings and team files too")
    func unknownNestedKeys() throws {
        let found = try FixtureSite.check([
            .replace("    measure: Share", with: "    measur: Share"),
            .replace("mission: Sponsor", with: "mision: Sponsor", in: "content/teams/executive.yaml"),
        ])
        #expect(found == [
            "CH205 error content/strategies/community.yaml:42:5", "CH108 error content/strategies/community.yaml:44:5",
            "CH108 error content/teams/executive.yaml:3:1",
        ])
    }

    @Test("CH109: a front-matter key one letter from a known key is a warning; other keys are parameters")
    func nearMissFrontMatter() throws {
        let result = try FixtureSite.result([
            .replace("owner: insight\n", with: "ownr: insight\naudience: brokers\n", in: "content/guides/listening-plan.md"),
        ])
        #expect(located(result.diagnostics) == ["CH109 warning content/guides/listening-plan.md:6:1"])
        #expect(result.diagnostics.first?.message == "front-matter key 'ownr' looks like a misspelling of 'owner'")
    }

    @Test("CH110: required fields", arguments: [
        ("title: Customer community\n", "", "CH110 error content/strategies/community.yaml:1:1"),
        ("    kind: co-created\n", "", "CH110 error content/strategies/community.yaml:51:5"),
    ])
    func missingFields(old: String, new: String, expected: String) throws {
        #expect(try FixtureSite.check([.replace(old, with: new)]) == [expected])
    }

    @Test("CH111: values outside their lists, with the closest allowed value")
    func unknownValues() throws {
        let result = try FixtureSite.result([
            .replace("focus_areas: [customer]", with: "focus_areas: [custmer]"),
            .replace("status: approved", with: "status: final"),
            .replace("kind: co-created", with: "kind: co-create"),
            .replace("community: lifestyle", with: "community: hobby"),
            .replace("kind: function team", with: "kind: functional team", in: "content/teams/insight.yaml"),
        ])
        #expect(located(result.diagnostics) == [
            "CH111 error \(Self.strategy):3:9", "CH111 error \(Self.strategy):4:15",
            "CH111 error \(Self.strategy):53:11", "CH111 error \(Self.strategy):56:16",
            "CH221 error \(Self.strategy):62:12", "CH260 note \(Self.strategy):62:12",
            "CH111 error content/teams/insight.yaml:2:7",
        ])
        #expect(result.diagnostics.map(\.fixHint) == [
            nil, "did you mean 'customer'?", "did you mean 'co-created'?", nil, nil, nil, "did you mean 'function-team'?",
        ])
    }

    @Test("CH112: an ID that is not lower-case letters, digits and hyphens")
    func invalidID() throws {
        let result = try FixtureSite.result([.write("content/teams/Field_Sales.yaml", "name: Field sales\n")])
        #expect(located(result.diagnostics) == ["CH112 error content/teams/Field_Sales.yaml:1:1"])
        #expect(result.diagnostics.first?.fixHint == "rename the file to 'field-sales.yaml'")
    }

    @Test("CH251: two files with one ID")
    func duplicateFileID() throws {
        let found = try FixtureSite.check([.write("content/teams/hub.yml", "name: Hub again\n")])
        #expect(found.contains("CH251 error content/teams/hub.yml:1:1"))
    }

    @Test("CH113: dates and intervals that cannot be read", arguments: [
        ("last_reviewed: 2026-06-01", "last_reviewed: 2026-02-30", "CH113 error content/guides/listening-plan.md:11:16"),
        ("last_reviewed: 2026-06-01", "last_reviewed: June 2026", "CH113 error content/guides/listening-plan.md:11:16"),
        ("review_interval: 6 months", "review_interval: biannually", "CH113 error content/guides/listening-plan.md:12:18"),
    ])
    func invalidDates(old: String, new: String, expected: String) throws {
        #expect(try FixtureSite.check([.replace(old, with: new, in: "content/guides/listening-plan.md")]) == [expected])
    }

    @Test("CH105 and CH106 inside a strategy file")
    func typesAndDuplicateKeys() throws {
        let wrongType = try FixtureSite.check([.replace("goal: Customers", with: "goal:\n  - Customers")])
        // Without a goal, the Planning criterion "a goal tied to an objective" fails too.
        #expect(wrongType == [
            "CH201 error \(Self.strategy):1:1", "CH240 warning \(Self.strategy):1:1", "CH105 error \(Self.strategy):23:3",
            "CH221 error \(Self.strategy):63:12", "CH260 note \(Self.strategy):63:12",
        ])
        let duplicate = try FixtureSite.check([.replace("sponsor: Chief", with: "title: Again\nsponsor: Chief")])
        #expect(duplicate == ["CH106 error \(Self.strategy):5:1"])
    }
}

/// Sites change the framework with model files, and rule severities in charter.yaml.
@Suite struct ModelOverrideTests {
    @Test("a site's own stage list replaces the default one")
    func customStages() throws {
        let model = """
            replace: true
            stages:
              - id: pilot
                name: Pilot
                criteria:
                  - check: has-presence
                    summary: a presence
              - id: scaled
                name: Scaled
                criteria:
                  - check: executive-sponsor
                    summary: a sponsor
            """
        let result = try FixtureSite.result([
            .write("model/stages.yaml", model),
            .replace("current: formalised\n  target: formalised", with: "current: pilot\n  target: scaled"),
            .replace("planning: [../guides/listening-plan.md]", with: "pilot: [../guides/listening-plan.md]"),
            .replace("sponsor: Chief Customer Officer\n", with: ""),
            .replace("stage: planning", with: "stage: pilot", in: "content/guides/listening-plan.md"),
        ])
        #expect(located(result.diagnostics) == ["CH222 note content/strategies/community.yaml:62:11"])
        #expect(result.diagnostics.first?.message == "to reach Scaled: a sponsor")
    }

    @Test("extra responsibilities extend the default list, and rules follow them")
    func extraResponsibility() throws {
        let result = try FixtureSite.result([
            .write("model/responsibilities.yaml", "responsibilities:\n  - id: accessibility\n    name: Accessibility\n"),
        ])
        #expect(located(result.diagnostics) == ["CH235 warning content/strategies:1:1"])
        #expect(result.diagnostics.first?.message == "no strategy gives 'Accessibility' to an Accountable or Responsible team")
    }

    @Test("model files are checked: unknown checks, keys and responsibilities")
    func badModel() throws {
        let model = """
            stages:
              - id: extra
                criteria:
                  - check: has-presense
                  - check: accountable-team
                    responsibility: nobody
                colour: red
            """
        let result = try FixtureSite.result([.write("model/stages.yaml", model)])
        #expect(located(result.diagnostics) == [
            "CH111 error model/stages.yaml:1:1", "CH111 error model/stages.yaml:4:16", "CH108 error model/stages.yaml:7:5",
        ])
        #expect(result.diagnostics[1].fixHint == "did you mean 'has-presence'?")
    }

    @Test("charter.yaml changes a code's severity or turns it off")
    func severityOverrides() throws {
        let edits: [FixtureSite.Edit] = [
            .replace("co_creators:\n  - {name: Broker advisory panel, kind: partner, from: 2026-01-12, to: 2026-04-30, shaped: [peer-answers],\n     contribution: Asked for answers from members first., signed_off: 2026-05-06}\n", with: ""),
            .replace("mission: Answers", with: "mission: TODO Answers"),
        ]
        let plain = try FixtureSite.check(edits)
        #expect(plain == [
            "CH211 warning content/strategies/community.yaml:1:1", "CH207 error content/strategies/community.yaml:20:10",
        ])
        let configured = edits + [.write("charter.yaml", "title: Fixture\nseverity:\n  CH207: warning\n  ch211: off\n")]
        let changed = try FixtureSite.check(configured)
        #expect(changed == ["CH207 warning content/strategies/community.yaml:20:10"])
        let wrong = edits + [.write("charter.yaml", "severity:\n  CH2O7: warning\n  CH211: loud\n")]
        let refused = try FixtureSite.check(wrong)
        #expect(refused == [
            "CH111 error charter.yaml:2:3", "CH111 error charter.yaml:3:10",
            "CH211 warning content/strategies/community.yaml:1:1", "CH207 error content/strategies/community.yaml:20:10",
        ])
    }
}
