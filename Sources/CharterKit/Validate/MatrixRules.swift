/// CH230: every responsibility in a matrix has an Accountable team.
struct NoAccountableRule: StrategyRule {
    static let code = DiagnosticCode.noAccountable

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        strategy.assignments.compactMap { assignment in
            if assignment.accountable.isEmpty {
                return problem("no team is Accountable for '\(assignment.responsibility.value)'", at: assignment.responsibility.location)
            }
            // Accountable means answering for it inside the organisation, which a party outside cannot.
            let external = assignment.accountable.filter { context.teams[$0.value]?.isExternal == true }
            guard external.count == assignment.accountable.count, let party = external.first else { return nil }
            return problem(
                "no team inside the organisation is Accountable for '\(assignment.responsibility.value)': '\(party.value)' is an external party",
                at: party.location,
                fixHint: "make a team of the organisation Accountable; the party can be Responsible, Consulted or Informed")
        }
    }
}

/// CH231: no responsibility has more than one Accountable team.
struct SeveralAccountableRule: StrategyRule {
    static let code = DiagnosticCode.severalAccountable

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        strategy.assignments.filter { $0.accountable.count > 1 }.map { assignment in
            let teams = assignment.accountable.map { "'\($0.value)'" }.joined(separator: ", ")
            return problem("\(teams) are all Accountable for '\(assignment.responsibility.value)'; keep one",
                           at: assignment.accountable[1].location)
        }
    }
}

/// CH232: every responsibility has a Responsible team (the Accountable team may be listed as Responsible too).
struct NoResponsibleRule: StrategyRule {
    static let code = DiagnosticCode.noResponsible

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        strategy.assignments.filter(\.responsible.isEmpty).map {
            problem("no team is Responsible for '\($0.responsibility.value)'", at: $0.responsibility.location,
                    fixHint: "list the Accountable team under 'responsible' too if it does the work itself")
        }
    }
}

/// CH233: a team holds one letter per responsibility.
struct OneLetterPerCellRule: StrategyRule {
    static let code = DiagnosticCode.severalLetters

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        strategy.assignments.flatMap { assignment -> [Diagnostic] in
            var letters: [String: Character] = [:]
            var found: [Diagnostic] = []
            let roles: [(Character, [Located<String>])] = [
                ("A", assignment.accountable), ("R", assignment.responsible), ("C", assignment.consulted), ("I", assignment.informed),
            ]
            for (letter, teams) in roles {
                for team in teams {
                    if let held = letters[team.value] {
                        // The Accountable team doing the work itself is the one allowed pair.
                        if held == "A" && letter == "R" { continue }
                        found.append(problem(
                            "team '\(team.value)' is both \(held) and \(letter) for '\(assignment.responsibility.value)'",
                            at: team.location))
                    } else {
                        letters[team.value] = letter
                    }
                }
            }
            return found
        }
    }
}

/// CH234: no team is Accountable for more than half of a matrix of three or more rows, except a
/// coordination hub or committee: the framework's dedicated team may hold every responsibility.
struct AccountableOverloadRule: StrategyRule {
    static let code = DiagnosticCode.accountableOverload

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        let rows = strategy.assignments.count
        guard rows >= 3 else { return [] }
        var counts: [String: [Located<String>]] = [:]
        for assignment in strategy.assignments {
            for team in Set(assignment.accountable.map(\.value)) {
                counts[team, default: []].append(assignment.accountable.first { $0.value == team }!)
            }
        }
        return counts.filter { team, places in
            places.count * 2 > rows && context.teams[team]?.kind?.value.isCoordinationBody != true
        }.sorted { $0.key < $1.key }.map { team, places in
            problem("team '\(team)' is Accountable for \(places.count) of \(rows) responsibilities", at: places[0].location,
                    fixHint: "share the accountability with other teams")
        }
    }
}

/// CH235: across the organisation, every responsibility of the model has an owner somewhere.
struct UncoveredResponsibilityRule: ValidationRule {
    static let code = DiagnosticCode.responsibilityUncovered

    func check(_ context: ValidationContext) -> [Diagnostic] {
        let strategies = context.site.strategyModels
        guard !strategies.isEmpty else { return [] }
        let folder = [context.site.contentPrefix, "strategies"].filter { !$0.isEmpty }.joined(separator: "/")
        return context.framework.responsibilities.filter { responsibility in
            !strategies.contains { strategy in
                guard let assignment = strategy.assignment(for: responsibility.id, in: context.framework) else { return false }
                return !(assignment.accountable.isEmpty && assignment.responsible.isEmpty)
            }
        }.map { responsibility in
            Diagnostic(Self.code, "no strategy gives '\(responsibility.name)' to an Accountable or Responsible team",
                       at: SourceLocation(path: folder))
        }
    }
}
