import Foundation

/// A value as a template sees it. The renderer switches over this enum; it never asks a value
/// what it is with a dynamic cast.
enum TemplateValue {
    /// Found, but nothing there: renders as nothing and stops the search up the context stack.
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case object(any TemplateObject)
    case list(any TemplateList)
    /// A value that makes template text: given a section's raw text (or "" as a variable), it
    /// returns the text to render in its place.
    case lambda((String) -> String)

    /// The value of a field at `rest` below it, or nil when the field is not there (an optional
    /// that is nil), so that the search goes on up the context stack.
    static func at<Field: TemplateField>(_ field: Field, _ rest: ArraySlice<String>) -> TemplateValue? {
        field.isPresent ? field.templateValue(rest) : nil
    }

    /// The value at `rest` below a value read from YAML (`.null` when nothing is there).
    static func dynamic(_ value: Any, below rest: ArraySlice<String>) -> TemplateValue {
        let found = dynamic(value)
        guard let next = rest.first else { return found }
        if case .object(let object) = found { return object.lookup(next, rest.dropFirst()) ?? .null }
        return .null
    }

    /// A value read from YAML (a page's front matter), whose type is known only at run time.
    static func dynamic(_ value: Any?) -> TemplateValue {
        switch value {
        case nil: .null
        case let string as String: .string(string)
        case let bool as Bool: .bool(bool)
        case let int as Int: .int(int)
        case let double as Double: .double(double)
        case let list as [Any]: .list(ValueList(list.map(dynamic)))
        case let table as [String: Any]: .object(TemplateTable(values: table))
        case let value?: .string(String(describing: value))
        }
    }
}

/// Anything a template can read names from: the typed views, front-matter parameters, messages.
protocol TemplateObject {
    /// The value at `name`, then `rest`, below this object; nil when `name` is not one of its
    /// fields or that field is nil (the search goes on up the stack), `.null` when `name` is
    /// here but something below it is not (the search stops).
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue?
}

/// A list a section iterates.
protocol TemplateList {
    var count: Int { get }
    func element(_ index: Int) -> TemplateValue
}

/// A stored property's type that templates can read. The views' lookups take their fields
/// through `TemplateValue.at`, so a field of any other type does not compile.
protocol TemplateField {
    /// False for an optional that is nil.
    var isPresent: Bool { get }
    /// The value, or the value at `rest` below it (`.null` when there is nothing there).
    func templateValue(_ rest: ArraySlice<String>) -> TemplateValue
}

extension TemplateObject {
    /// Descends into `rest`, for a field whose value is this object.
    func descend(_ rest: ArraySlice<String>) -> TemplateValue {
        guard let name = rest.first else { return .object(self) }
        return lookup(name, rest.dropFirst()) ?? .null
    }
}

extension TemplateField where Self: TemplateObject {
    var isPresent: Bool { true }
    func templateValue(_ rest: ArraySlice<String>) -> TemplateValue { descend(rest) }
}

/// A field with no names below it: text, a number, a Boolean.
protocol TemplateScalar: TemplateField {
    var scalarValue: TemplateValue { get }
}

extension TemplateScalar {
    var isPresent: Bool { true }
    func templateValue(_ rest: ArraySlice<String>) -> TemplateValue { rest.isEmpty ? scalarValue : .null }
}

extension String: TemplateScalar { var scalarValue: TemplateValue { .string(self) } }
extension Bool: TemplateScalar { var scalarValue: TemplateValue { .bool(self) } }
extension Int: TemplateScalar { var scalarValue: TemplateValue { .int(self) } }
extension Double: TemplateScalar { var scalarValue: TemplateValue { .double(self) } }

extension Optional: TemplateField where Wrapped: TemplateField {
    var isPresent: Bool { self != nil }
    func templateValue(_ rest: ArraySlice<String>) -> TemplateValue { self?.templateValue(rest) ?? .null }
}

extension Array: TemplateField where Element: TemplateField {
    var isPresent: Bool { true }
    func templateValue(_ rest: ArraySlice<String>) -> TemplateValue { rest.isEmpty ? .list(FieldList(items: self)) : .null }
}

/// A typed list field, read element by element as the section reaches it.
struct FieldList<Element: TemplateField>: TemplateList {
    let items: [Element]
    var count: Int { items.count }
    func element(_ index: Int) -> TemplateValue { items[index].templateValue([]) }
}

/// A list of values already made (a transform's result, front matter).
struct ValueList: TemplateList {
    let values: [TemplateValue]
    init(_ values: [TemplateValue]) { self.values = values }
    var count: Int { values.count }
    func element(_ index: Int) -> TemplateValue { values[index] }
}

/// A YAML mapping in front matter: its keys are names.
struct TemplateTable: TemplateObject {
    let values: [String: Any]
    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        values[name].map { TemplateValue.dynamic($0, below: rest) }
    }
}
