extension MessagesView: TemplateObject, TemplateField {
    /// A message, or the group of that name. A message without placeholders is its text (its
    /// `other` form for a plural message). A message with placeholders is a lambda, used as a
    /// section whose text gives the placeholders' values as template fragments:
    /// `{{#t.playbook.overdue}}{{playbook.reviewDue}}{{/t.playbook.overdue}}` for a message with
    /// one placeholder, `{{#t.x}}date={{date}}|by=<a href="{{url}}">{{title}}</a>{{/t.x}}` for
    /// several. The message is escaped and its placeholders replaced by the fragments, which
    /// are then rendered in place, so that each language puts them where its grammar wants.
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        // `t.home.glance` is one message key: look it up whole rather than group by group.
        var key = prefix + name
        for part in rest { key += "." + part }
        if let message = messages.table[key] {
            let text = message.text(for: .other)
            let names = message.placeholders
            // Without placeholders, or for the search script, which fills them itself.
            if names.isEmpty || key.hasPrefix("search.") { return .string(text) }
            // Used as a variable (`{{t.search.results}}`), the lambda is given no text: the message
            // keeps its placeholders, for a script to fill (Mustache escapes it on that path).
            return .lambda { section in section.isEmpty ? text : Self.source(of: text, placeholders: names, section: section) }
        }
        if messages.groups.contains(key) { return .object(MessagesView(messages, prefix: key + ".")) }
        // A group, then a name that is not in it: found here, but nothing there.
        return rest.isEmpty || !messages.groups.contains(prefix + name) ? nil : .null
    }

    /// The template a message with placeholders becomes inside a section.
    static func source(of text: String, placeholders: Set<String>, section: String) -> String {
        var values: [(String, String)] = []
        let parts = section.split(separator: "|", omittingEmptySubsequences: false)
        for part in parts {
            if let equals = part.firstIndex(of: "="),
               case let name = part[..<equals].trimmingCharacters(in: .whitespacesAndNewlines), placeholders.contains(name) {
                values.append((name, String(part[part.index(after: equals)...])))
            }
        }
        if values.isEmpty, placeholders.count == 1 { values = [(placeholders.first!, section)] }
        // Braces in the message itself are text, not template tags.
        let escaped = HTMLText.escape(text).replacingOccurrences(of: "{{", with: "&#123;&#123;")
        return Messages.fill(escaped, values)
    }
}
