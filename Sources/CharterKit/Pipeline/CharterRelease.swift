/// Facts about this build of Charter.
public enum CharterRelease {
    /// The version printed by `charter --version` and written into reports.
    public static let version = "0.1.0"
}
